package io.jixiao.api.rectification;

/** What a rectification case was opened from. */
public enum CaseOrigin {
    /** a monitoring alert whose level entails RECTIFY (the origin id is the alert's id) */
    ALERT,
    /** a self, department, key or spot-check evaluation or a whole-department one (the evaluation task's id) */
    EVALUATION,
    /** a comprehensive evaluation of a lower government (the region evaluation's id) */
    REGION_EVALUATION,
    /** opened by finance by hand (no origin id) */
    MANUAL
}
