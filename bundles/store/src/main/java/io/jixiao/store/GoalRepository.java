package io.jixiao.store;

import io.jixiao.api.goal.Assessment;
import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Versions of performance goals and their indicators. Every write takes its audit entry in the same transaction.
 *
 * @since 1.2.0
 */
@ProviderType
public interface GoalRepository {

    /** @return a new, never used goal id */
    long nextGoalId();

    /**
     * Stores a new goal version (a first draft, or the next version of an adjustment).
     *
     * @param version the version
     * @param audit its audit entry
     */
    void insert(GoalVersion version, AuditEntry audit);

    /**
     * Replaces the content of a version that may still change (DRAFT or RETURNED); it becomes a DRAFT again.
     *
     * @param version the new content, same id and version number
     * @param audit its audit entry
     * @return {@code false} (nothing written) if the version does not exist or may no longer change
     */
    boolean replaceDraft(GoalVersion version, AuditEntry audit);

    /**
     * Moves a version from one status to the next, if it is still in the status the caller read.
     *
     * @param from the version as read
     * @param to the same version in its new status (with the rule version and opinion to keep)
     * @param audit its audit entry
     * @return {@code false} (nothing written) if the version changed status meanwhile
     */
    boolean changeStatus(GoalVersion from, GoalVersion to, AuditEntry audit);

    /**
     * @param goalId the goal
     * @param version the version
     * @return that version with its indicators
     */
    Optional<GoalVersion> find(long goalId, int version);

    /**
     * @param goalId the goal
     * @return its version numbers, ascending (empty if the goal does not exist)
     */
    List<Integer> versions(long goalId);

    /**
     * @param mofDivCode the region
     * @param fiscalYear the budget year
     * @param proCode the project
     * @return the goal ids declared for the project that year, oldest first
     */
    List<Long> goalsOf(MofDivCode mofDivCode, FiscalYear fiscalYear, ProCode proCode);

    /**
     * @param mofDivCode the region
     * @param fiscalYear the budget year
     * @param proCode the project
     * @return the newest approved or published version of the project's goal that year, which the gates accept
     */
    Optional<GoalVersion> inForce(MofDivCode mofDivCode, FiscalYear fiscalYear, ProCode proCode);

    /**
     * Stores an ex-ante assessment of a project.
     *
     * @param assessment the assessment
     * @param recordedBy who recorded it
     * @param at when
     * @param audit its audit entry
     * @return the assessment's id
     */
    long insertAssessment(Assessment assessment, Actor recordedBy, Instant at, AuditEntry audit);

    /**
     * @param mofDivCode the region
     * @param fiscalYear the budget year
     * @param proCode the project
     * @return the project's latest assessment for the year, which is the one that counts
     */
    Optional<Assessment> latestAssessment(MofDivCode mofDivCode, FiscalYear fiscalYear, ProCode proCode);

    /**
     * Records a gate's decision in the audit trail (the decision itself changes no stored object).
     *
     * @param audit the decision's audit entry
     */
    void recordDecision(AuditEntry audit);

    /**
     * A goal version, by id.
     *
     * @param goalId the goal
     * @param version the version
     */
    record GoalRef(long goalId, int version) {
    }

    /**
     * The goals in force of many projects at once (the compilation gate's read), in batches.
     *
     * @param mofDivCode the region
     * @param fiscalYear the budget year
     * @param proCodes the projects
     * @return for each project that has one, the newest approved or published version of its newest goal
     */
    Map<ProCode, GoalRef> inForce(MofDivCode mofDivCode, FiscalYear fiscalYear, Collection<ProCode> proCodes);

    /**
     * The projects among these with a goal of the year in any state — a draft, submitted or returned one too: the
     * gates tell "the goal is not approved yet" from "there is no goal".
     *
     * @param proCodes the projects to look for
     * @return those that have at least one goal
     * @since 3.2.0
     */
    java.util.Set<ProCode> withAnyGoal(MofDivCode mofDivCode, FiscalYear fiscalYear, Collection<ProCode> proCodes);

    /**
     * The goals in force of one agency and subject (the final-accounts close looks up a unit's whole-department goal
     * this way; since 1.7.0).
     *
     * @return by project code (the host's code for the goal's subject), the newest approved or published version of
     *         its newest goal
     */
    Map<ProCode, GoalRef> inForceOfAgency(MofDivCode mofDivCode, FiscalYear fiscalYear,
            io.jixiao.api.model.AgencyCode agencyCode, io.jixiao.api.goal.GoalSubject subject);

    /**
     * @param mofDivCode the region
     * @param fiscalYear the budget year
     * @param proCodes the projects
     * @return for each project that has one, its latest assessment for the year
     */
    Map<ProCode, Assessment> latestAssessments(MofDivCode mofDivCode, FiscalYear fiscalYear,
            Collection<ProCode> proCodes);

    /**
     * Records many decisions' audit entries in one transaction, in order.
     *
     * @param audits the entries
     */
    void recordDecisions(List<AuditEntry> audits);

    /**
     * Streams the goals in force of a region and year — the newest approved or published version of each goal —
     * in goal-id order, with their indicators.
     *
     * @param afterGoalId only goals after this id
     * @param each receives every goal in force
     */
    void forEachInForce(MofDivCode mofDivCode, FiscalYear fiscalYear, long afterGoalId,
            java.util.function.Consumer<GoalVersion> each);

    /**
     * A revision of a region's goal rule set written through the API.
     *
     * @param region the region's code
     * @param rules rule keys and {@code source.} citations with their values
     */
    record StoredRuleSet(String region, int fromYear, int revision, Map<String, String> rules, String reason,
            Actor changedBy, Instant changedAt) {
        public StoredRuleSet {
            rules = Map.copyOf(rules);
        }
    }

    /**
     * Stores a rule set revision with its audit row, in one transaction.
     *
     * @throws io.jixiao.api.model.ConflictException if that revision of that region and year exists already
     */
    void insertRuleSet(StoredRuleSet set, AuditEntry audit);

    /** @return every rule set revision written through the API, by region, year and revision */
    List<StoredRuleSet> ruleSets();

    /**
     * Records one stage of a version's multi-stage review with its audit row, in one transaction.
     *
     * @param reviewed the reviewed version (region, year and project are kept with the review)
     * @param review the review
     * @param audit its audit entry
     * @return {@code false} (nothing written) if that stage of that version is recorded already
     * @since 1.3.0
     */
    boolean insertStageReview(GoalVersion reviewed, io.jixiao.api.goal.StageReview review, AuditEntry audit);

    /**
     * @return the version's stage reviews, in stage order
     * @since 1.3.0
     */
    List<io.jixiao.api.goal.StageReview> stageReviews(long goalId, int version);

    /**
     * That a goal version passed a review stage, and the amount the stage settled.
     *
     * @param amount the settled amount (yuan), or {@code null} if the stage named none
     * @since 1.3.0
     */
    record StagePassed(java.math.BigDecimal amount) {
    }

    /**
     * Which of many goal versions passed a review stage (the compilation gate's read: only what it decides by).
     *
     * @param mofDivCode the goals' region
     * @param fiscalYear their year
     * @param versions the goal versions
     * @param stage the stage
     * @return for each version that passed the stage, the amount it settled
     * @since 1.3.0
     */
    Map<GoalRef, StagePassed> stagesPassed(MofDivCode mofDivCode, FiscalYear fiscalYear,
            Collection<GoalRef> versions, io.jixiao.api.goal.ReviewStage stage);

    /**
     * Streams the projects that have an approved or published project goal in some year: specific-purpose project
     * expenditure (项目支出), never basic expenditure.
     *
     * @param each called with the region code and the project code of each, once
     * @since 1.5.0
     */
    void forEachGoalProject(java.util.function.BiConsumer<String, String> each);
}
