package io.jixiao.api.hook;

import io.jixiao.api.goal.AssessmentTier;
import io.jixiao.api.goal.Gate;
import io.jixiao.api.goal.GateMode;
import io.jixiao.api.goal.RuleViolation;
import java.util.List;
import java.util.Objects;

/**
 * A gate's answer for one project (or one project line of a draft).
 *
 * @param gate which gate
 * @param admitted whether the project may go on (always in OFF and WARN mode)
 * @param mode the mode the gate was in
 * @param reasons every reason to refuse, also in WARN mode (where {@code admitted} is still true)
 * @param ruleVersion the version of the rules that decided
 * @param goalId the goal in force that was used, or {@code null}
 * @param goalVersion its version, or {@code null}
 * @param exAnte the ex-ante assessment the project needs
 * @param reviewRequired whether the project needs library-admission review 入库评审 (reported, not blocking)
 * @param resultAdjustment the compilation and adjustment gates' (since 1.3.0): the evaluation result applied to
 *        this project's requested amount in the draft's year (结果应用, docs/evaluation.md), or {@code null}
 *
 * @since 1.3.0 (in {@code io.jixiao.api.goal} before)
 */
public record GateDecision(Gate gate, boolean admitted, GateMode mode, List<RuleViolation> reasons,
        String ruleVersion, Long goalId, Integer goalVersion, AssessmentTier exAnte, boolean reviewRequired,
        io.jixiao.api.evaluation.Adjustment resultAdjustment) {
    public GateDecision {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(mode, "mode");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(ruleVersion, "ruleVersion");
        Objects.requireNonNull(exAnte, "exAnte");
    }

    /** A decision without a result adjustment (the admission gate's, and a line no evaluation adjusted). */
    public GateDecision(Gate gate, boolean admitted, GateMode mode, List<RuleViolation> reasons, String ruleVersion,
            Long goalId, Integer goalVersion, AssessmentTier exAnte, boolean reviewRequired) {
        this(gate, admitted, mode, reasons, ruleVersion, goalId, goalVersion, exAnte, reviewRequired, null);
    }

    /** @return whether the gate would refuse it if enforced */
    public boolean wouldRefuse() {
        return !reasons.isEmpty();
    }
}
