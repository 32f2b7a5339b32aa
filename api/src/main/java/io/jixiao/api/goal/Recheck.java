package io.jixiao.api.goal;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import java.util.List;
import java.util.Objects;

/**
 * The approved and published goals of a region and year checked again against the rules in force now: a tightened
 * rule does not silently invalidate them, it lists them here for the bureau to act on (an adjustment).
 *
 * @param mofDivCode the region
 * @param fiscalYear the budget year
 * @param ruleVersion the version of the rules checked against
 * @param checked how many goals in force were checked (after {@code afterGoalId})
 * @param noncompliant how many of them no longer comply
 * @param goals the first of those, by goal id, at most the limit asked for
 * @param nextAfterGoalId the {@code afterGoalId} of the next page, or null when {@code goals} lists them all
 */
public record Recheck(MofDivCode mofDivCode, FiscalYear fiscalYear, String ruleVersion, int checked,
        int noncompliant, List<NoncompliantGoal> goals, Long nextAfterGoalId) {
    public Recheck {
        Objects.requireNonNull(mofDivCode, "mofDivCode");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(ruleVersion, "ruleVersion");
        goals = List.copyOf(goals);
    }

    /**
     * A goal in force that breaks the rules in force.
     *
     * @param version the version in force
     * @param approvedUnder the rule version it was approved under
     * @param violations the rules it breaks now
     */
    public record NoncompliantGoal(long goalId, int version, GoalStatus status, ProjectFacts project,
            String approvedUnder, List<RuleViolation> violations) {
        public NoncompliantGoal {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(project, "project");
            violations = List.copyOf(violations);
        }
    }
}
