package io.jixiao.api.goal;

/** Which ex-ante assessment 事前绩效评估 a project needs under its region's thresholds. */
public enum AssessmentTier {
    /** None required. */
    NONE,
    /** A general assessment 一般评估. */
    GENERAL,
    /** A key assessment 重点评估. */
    KEY
}
