package io.jixiao.api.monitoring;

/** Where an alert stands. */
public enum AlertStatus {
    /** raised; awaiting the unit's rectification (GREEN results are never open) */
    OPEN,
    /** the unit reported its rectification; awaiting finance */
    RECTIFIED,
    /** finance accepted the rectification and released any hold, or there was nothing to do */
    CLOSED
}
