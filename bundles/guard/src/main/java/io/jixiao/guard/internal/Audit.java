package io.jixiao.guard.internal;

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

    /**
     * The audit entry of a HOLD answer: what the payment module was told, to whom, when and why. Written with the
     * decision in one transaction, by the check or, from the node's spool, by the decision journal — the same entry
     * either way, as it is made from the decision alone.
     */
    static io.jixiao.store.AuditEntry held(io.jixiao.store.DecisionRecord record) {
        io.jixiao.api.hook.PaymentApplication application = record.application();
        io.jixiao.api.hook.PaymentDecision decision = record.decision();
        return new io.jixiao.store.AuditEntry(record.decidedAt(), PAYMENT_HELD, application.mofDivCode(),
                SUBJECT_PAY_APP, PaymentGuardEngine.subjectId(application), record.actor(), decision.holdReason(),
                "holdId=" + decision.holdId() + ";holdKind=" + decision.holdKind() + ";reasonCode="
                        + decision.reasonCode() + ";amount=" + application.amount(),
                application.agencyCode(), application.proCode());
    }
}
