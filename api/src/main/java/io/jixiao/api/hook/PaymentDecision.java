package io.jixiao.api.hook;

import io.jixiao.api.service.HoldKind;
import java.util.Objects;

/**
 * The guard's answer. A function of the application and the hold state: a retried check gets an equal
 * decision while the hold state is unchanged.
 *
 * @param outcome pass or hold
 * @param reasonCode machine-readable reason, see {@link ReasonCode}
 * @param holdId the hold that stops the payment, {@code null} on PASS
 * @param holdKind its kind, {@code null} on PASS
 * @param holdReason its reason text, {@code null} on PASS
 */
public record PaymentDecision(Outcome outcome, ReasonCode reasonCode, Long holdId, HoldKind holdKind,
        String holdReason) {

    /** The two answers. */
    public enum Outcome {
        PASS,
        HOLD
    }

    /** Why the guard answered as it did. */
    public enum ReasonCode {
        /** Basic expenditure is never held. */
        BASIC_EXPENDITURE,
        /** No active hold covers the project or the budget line. */
        NO_ACTIVE_HOLD,
        /** An active hold on the project (any fiscal year of its funds). */
        PROJECT_HELD,
        /** An active hold on the budget line. */
        BUDGET_LINE_HELD
    }

    public PaymentDecision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reasonCode, "reasonCode");
        if ((outcome == Outcome.HOLD) != (holdId != null && holdKind != null && holdReason != null)) {
            throw new IllegalArgumentException("a HOLD, and only a HOLD, names the hold");
        }
    }

    public static PaymentDecision pass(ReasonCode reasonCode) {
        return new PaymentDecision(Outcome.PASS, reasonCode, null, null, null);
    }

    public boolean passes() {
        return outcome == Outcome.PASS;
    }
}
