package io.jixiao.monitoring.internal;

/** Audit actions and subject types written by this bundle. */
final class Audit {
    static final String HOLD_PLACED = "HOLD_PLACED";
    static final String HOLD_RELEASED = "HOLD_RELEASED";
    static final String PAYMENT_HELD = "PAYMENT_HELD";
    static final String PAYMENT_KIND_CORRECTED = "PAYMENT_KIND_CORRECTED";
    static final String SUBJECT_HOLD = "HOLD";
    static final String SUBJECT_PAY_APP = "PAY_APP";

    private Audit() {
    }
}
