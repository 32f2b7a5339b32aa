package io.jixiao.api.goal;

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
 */
public record GateDecision(Gate gate, boolean admitted, GateMode mode, List<RuleViolation> reasons,
        String ruleVersion, Long goalId, Integer goalVersion, AssessmentTier exAnte, boolean reviewRequired) {
    public GateDecision {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(mode, "mode");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(ruleVersion, "ruleVersion");
        Objects.requireNonNull(exAnte, "exAnte");
    }

    /** @return whether the gate would refuse it if enforced */
    public boolean wouldRefuse() {
        return !reasons.isEmpty();
    }
}
