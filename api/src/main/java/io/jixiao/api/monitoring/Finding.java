package io.jixiao.api.monitoring;

/** What a round found wrong with a project; each finding maps to a level by the region's rules. */
public enum Finding {
    /** execution rate behind time progress by more than a threshold (points by level) */
    EXECUTION_GAP,
    /** an indicator deviates but the unit forecasts it can still be completed */
    DEVIATING,
    /** an indicator cannot be completed this year */
    CANNOT_COMPLETE,
    /** the unit's monitoring report is missing after its due date */
    REPORT_OVERDUE,
    /** a government investment project's investment exceeds its approved estimate 超概算 (Tianjin) */
    OVER_ESTIMATE
}
