package io.jixiao.api.library;

/** Whether a library indicator is offered for new goals. */
public enum EntryStatus {
    /** Offered. */
    ACTIVE,
    /** Kept for the goals that use it, no longer offered (an entry used by approved goals is retired, never deleted). */
    RETIRED
}
