package io.jixiao.api.goal;

import java.util.List;
import java.util.Objects;

/**
 * What the rules in force say of a goal and its project.
 *
 * @param ruleVersion the version of the rules that decided
 * @param violations every rule broken, empty if none
 * @param exAnte the ex-ante assessment the project needs
 * @param reviewRequired whether the project needs library-admission review
 */
public record RuleReport(String ruleVersion, List<RuleViolation> violations, AssessmentTier exAnte,
        boolean reviewRequired) {
    public RuleReport {
        Objects.requireNonNull(ruleVersion, "ruleVersion");
        violations = List.copyOf(violations);
        Objects.requireNonNull(exAnte, "exAnte");
    }

    /** @return whether no rule is broken */
    public boolean complies() {
        return violations.isEmpty();
    }
}
