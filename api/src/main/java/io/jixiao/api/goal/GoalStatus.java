package io.jixiao.api.goal;

/** Where a goal version stands in review. Only APPROVED and PUBLISHED versions satisfy the gates. */
public enum GoalStatus {
    /** Being written by the unit or department; may change. */
    DRAFT,
    /** Handed in for review; may not change. */
    SUBMITTED,
    /** Sent back by a reviewer with opinion codes; may change and be submitted again. */
    RETURNED,
    /** Approved: satisfies the gates; changes only through an adjustment (a new version). */
    APPROVED,
    /** Approved and disclosed to the public. */
    PUBLISHED;

    /** @return whether a version in this status satisfies the admission and compilation gates */
    public boolean inForce() {
        return this == APPROVED || this == PUBLISHED;
    }

    /** @return whether its content may still change */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
