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
 * @param kindCorrected whether the application was declared basic expenditure but names a project Jixiao knows as
 *        project expenditure (an approved project goal), and was decided as a project payment (since 1.2.0)
 */
public record PaymentDecision(Outcome outcome, ReasonCode reasonCode, Long holdId, HoldKind holdKind,
        String holdReason, boolean kindCorrected) {

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
        BUDGET_LINE_HELD,
        /**
         * The guard cannot establish the hold state (its index could not be loaded, or is older than its bound, or
         * the database did not answer a strict check): a project payment is held until it can, never passed
         * blindly. No hold is named. Since 1.2.0.
         */
        GUARD_STATE_UNKNOWN,
        /**
         * Passed by an open emergency bypass of the region (finance, time-limited, audited), whatever holds the
         * payment carries. Since 1.2.0.
         */
        EMERGENCY_BYPASS,
        /**
         * The payment's economic classification is one the region exempts from holds (salaries, basic livelihood:
         * 工资运转和基本民生, rule key {@code monitoring.exemptEconomicClasses}). Since 1.2.0.
         */
        EXEMPT_CATEGORY
    }

    public PaymentDecision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reasonCode, "reasonCode");
        boolean namesHold = holdId != null && holdKind != null && holdReason != null;
        boolean failSafe = reasonCode == ReasonCode.GUARD_STATE_UNKNOWN;
        if (failSafe ? outcome != Outcome.HOLD || holdId != null : (outcome == Outcome.HOLD) != namesHold) {
            throw new IllegalArgumentException("a HOLD, and only a HOLD, names the hold; a fail-safe HOLD names none");
        }
    }

    /** A decision of an application decided as declared (the constructor of version 1.1). */
    public PaymentDecision(Outcome outcome, ReasonCode reasonCode, Long holdId, HoldKind holdKind,
            String holdReason) {
        this(outcome, reasonCode, holdId, holdKind, holdReason, false);
    }

    /**
     * @return the same decision, flagged as made on an application whose declared kind was corrected
     * @since 1.2.0
     */
    public PaymentDecision asKindCorrected() {
        return new PaymentDecision(outcome, reasonCode, holdId, holdKind, holdReason, true);
    }

    public static PaymentDecision pass(ReasonCode reasonCode) {
        return new PaymentDecision(Outcome.PASS, reasonCode, null, null, null);
    }

    /**
     * @return the fail-safe answer: HOLD because the hold state is unknown
     * @since 1.2.0
     */
    public static PaymentDecision stateUnknown() {
        return new PaymentDecision(Outcome.HOLD, ReasonCode.GUARD_STATE_UNKNOWN, null, null,
                "the payment guard cannot establish the hold state; held until it can");
    }

    public boolean passes() {
        return outcome == Outcome.PASS;
    }
}
