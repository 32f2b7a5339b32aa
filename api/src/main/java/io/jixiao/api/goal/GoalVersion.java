package io.jixiao.api.goal;

import io.jixiao.api.model.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of a project's performance goal. A goal keeps its id across versions; an approved version changes
 * only through an adjustment, which creates the next version with an adjustment batch number, and old versions
 * stay readable.
 *
 * @param goalId the goal's id, the same for all its versions ({@code KPI_PER_ID})
 * @param version 1, 2, …
 * @param adjustmentBatch the adjustment batch number of a version after the first, else {@code null}
 * @param status where this version stands
 * @param project the project it is declared for
 * @param goal the overview texts and indicators
 * @param ruleVersion the version of the rules that last decided on it (submission or approval), or {@code null}
 * @param opinion the reviewer's opinion when it was returned, else {@code null}
 * @param createdBy who wrote this version
 * @param createdAt when
 * @param statusAt when its status last changed
 */
public record GoalVersion(long goalId, int version, String adjustmentBatch, GoalStatus status, ProjectFacts project,
        Goal goal, String ruleVersion, ReviewOpinion opinion, Actor createdBy, Instant createdAt, Instant statusAt) {
    public GoalVersion {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(statusAt, "statusAt");
    }

    /**
     * @param next the new status
     * @param rules the rules that decided, or {@code null} to keep the current
     * @param review the opinion (for RETURNED), else {@code null}
     * @param at when
     * @return this version in the new status
     */
    public GoalVersion withStatus(GoalStatus next, String rules, ReviewOpinion review, Instant at) {
        return new GoalVersion(goalId, version, adjustmentBatch, next, project, goal,
                rules == null ? ruleVersion : rules, review, createdBy, createdAt, at);
    }
}
