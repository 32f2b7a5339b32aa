package io.jixiao.api.evaluation;

/** Where an adjustment stands in the write-back to the host's compilation module. */
public enum AdjustmentStatus {
    /** recorded, not yet acknowledged by the host: the next run sends it again (same change id) */
    PENDING,
    /** the host applied it (or had applied it already) */
    APPLIED,
    /** the project is not in the target year's compilation: nothing to change */
    NOT_IN_DRAFT,
    /**
     * the host had applied this change id before with other content (it answered CONFLICT): nothing changed, the
     * change is not sent again and finance decides with the host's operators (docs/evaluation.md; since 1.3.0)
     */
    CONFLICT
}
