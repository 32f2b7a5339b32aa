package io.jixiao.api.goal;

import io.jixiao.api.model.Actor;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Declaring, reviewing, approving, adjusting and publishing performance goals. Every step checks the actor's role
 * and data scope, writes an audit row, and refuses (changing nothing) a step the goal's status does not allow
 * ({@link io.jixiao.api.model.ConflictException}).
 *
 * <p>Who does what: units, departments and host systems draft, revise, submit and adjust their own agencies'
 * goals; departments and finance return goals with opinion codes; finance approves and publishes. Auditors read;
 * the public reads published goals only.
 */
@ProviderType
public interface GoalService {

    /**
     * @param project the project
     * @param goal the goal as declared
     * @param actor who drafts it
     * @return version 1 of a new goal, a DRAFT
     */
    GoalVersion draft(ProjectFacts project, Goal goal, Actor actor);

    /**
     * Replaces the content of a DRAFT or RETURNED version; it becomes a DRAFT again.
     *
     * @param goalId the goal
     * @param version its version
     * @param project the project's facts (same region, year and project code)
     * @param goal the new content
     * @param actor who revises
     * @return the revised version
     */
    GoalVersion revise(long goalId, int version, ProjectFacts project, Goal goal, Actor actor);

    /**
     * Hands a DRAFT or RETURNED version in for review, after checking it against the rules in force.
     *
     * @param goalId the goal
     * @param version its version
     * @param actor who submits
     * @return the SUBMITTED version, naming the rule version that checked it
     * @throws RulesViolatedException listing every broken rule; nothing changes
     */
    GoalVersion submit(long goalId, int version, Actor actor);

    /**
     * @param goalId the goal
     * @param version its SUBMITTED version
     * @param opinion the reviewer's opinion codes and text
     * @param actor the reviewer (DEPARTMENT or FINANCE)
     * @return the RETURNED version
     */
    GoalVersion returnForRevision(long goalId, int version, ReviewOpinion opinion, Actor actor);

    /**
     * Approves a SUBMITTED version, checking the rules in force again (they may have changed since submission).
     *
     * @param goalId the goal
     * @param version its version
     * @param actor FINANCE
     * @return the APPROVED version
     * @throws RulesViolatedException listing every broken rule; nothing changes
     */
    GoalVersion approve(long goalId, int version, Actor actor);

    /**
     * @param goalId the goal
     * @param version its APPROVED version
     * @param actor FINANCE
     * @return the PUBLISHED version
     */
    GoalVersion publish(long goalId, int version, Actor actor);

    /**
     * Starts an adjustment of an approved goal: the next version, a DRAFT carrying the batch number. The approved
     * version stays in force until the adjustment is approved.
     *
     * @param goalId the goal; its newest version must be APPROVED or PUBLISHED
     * @param adjustmentBatch the adjustment batch number
     * @param project the project's facts after the adjustment
     * @param goal the adjusted goal
     * @param actor who adjusts
     * @return the new version
     */
    GoalVersion adjust(long goalId, String adjustmentBatch, ProjectFacts project, Goal goal, Actor actor);

    /**
     * @param goalId the goal
     * @param version the version
     * @param actor who reads
     * @return the version, if it exists and the actor may see it
     */
    Optional<GoalVersion> find(long goalId, int version, Actor actor);

    /**
     * @param goalId the goal
     * @param actor who reads
     * @return the version numbers the actor may see, ascending
     */
    List<Integer> versions(long goalId, Actor actor);

    /**
     * Checks a goal against the rules in force without storing anything (a declaration form's "check" button).
     *
     * @param project the project
     * @param goal the goal
     * @param actor who asks: a declarer or reviewer (UNIT, DEPARTMENT, HOST_SYSTEM, FINANCE) of the project's
     *        region and agency
     * @return the rule report
     */
    RuleReport check(ProjectFacts project, Goal goal, Actor actor);

    /**
     * Records an ex-ante assessment of a project; the latest one of a project and year counts at the gates.
     *
     * @param assessment the assessment, scoring exactly the dimensions of the region's rules
     * @param actor FINANCE, DEPARTMENT or HOST_SYSTEM (a third party's report is recorded by them)
     * @return the assessment's id
     */
    long recordAssessment(Assessment assessment, Actor actor);

    /** The most goals one re-check page lists. */
    int RECHECK_MAX_LIMIT = 1000;

    /**
     * Checks the goals in force (the newest approved or published version of each goal) of a region and year
     * against the rules in force now, without changing them. FINANCE and AUDITOR, within their regions.
     *
     * @param afterGoalId list goals after this goal id (0 for the first page)
     * @param limit how many non-compliant goals to list, 1 to {@link #RECHECK_MAX_LIMIT}
     * @return the goals that no longer comply
     */
    Recheck recheck(io.jixiao.api.model.MofDivCode mofDivCode, io.jixiao.api.model.FiscalYear fiscalYear,
            long afterGoalId, int limit, Actor actor);

    /**
     * Records one stage of the region's multi-stage review ({@link GoalRules#reviewStages()}) of an approved or
     * published version. Stages come in the configured order, each once per version; a goal changed by adjustment
     * is reviewed again. ADMISSION and COMPILATION are FINANCE's; FINAL is the DEPARTMENT's (or FINANCE's).
     *
     * @param goalId the goal
     * @param version its APPROVED or PUBLISHED version
     * @param stage the stage, one the region's rules list
     * @param amount the amount the review settled: required at COMPILATION, and at ADMISSION where the project
     *        needs library-admission review 入库评审; not more than the project's amount; not given at FINAL
     * @param opinion the reviewers' opinion, up to {@link StageReview#MAX_OPINION} characters, may be empty
     * @param actor the reviewer
     * @return the recorded review
     * @since 1.2
     */
    StageReview reviewStage(long goalId, int version, ReviewStage stage, java.math.BigDecimal amount, String opinion,
            Actor actor);

    /**
     * @param goalId the goal
     * @param version the version
     * @param actor who reads (anyone who may read the version)
     * @return the version's recorded review stages, in stage order
     * @since 1.2
     */
    List<StageReview> stageReviews(long goalId, int version, Actor actor);
}
