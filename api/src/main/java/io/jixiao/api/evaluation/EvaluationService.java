package io.jixiao.api.evaluation;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Evaluations: the final-accounts hook that opens them, the evaluators' scores and the scorecards
 * (docs/evaluation.md). Every call checks the actor's role and scope.
 */
@ProviderType
public interface EvaluationService {

    /**
     * The host's final-accounts module closed the year for an agency (决算): opens a self-evaluation task for
     * each of its projects with project expenditure in the ledger and an approved goal, with the full-year budget
     * and execution read through the ledger port. Closing again opens only what is missing.
     *
     * @param mofDivCode the fiscal region
     * @param fiscalYear the closed year
     * @param agencyCode the agency
     * @param actor HOST_SYSTEM or FINANCE, in scope
     * @return what it opened
     * @throws io.jixiao.api.port.PortUnavailableException when the ledger cannot be read (nothing is opened)
     */
    YearClosed closeYear(MofDivCode mofDivCode, FiscalYear fiscalYear, AgencyCode agencyCode, Actor actor);

    /**
     * @param taskId a task
     * @param actor any role but PUBLIC, in scope
     * @return the task
     * @throws io.jixiao.api.model.NotFoundException when there is none (or it is out of scope)
     */
    EvaluationTask task(long taskId, Actor actor);

    /**
     * @param mofDivCode the fiscal region
     * @param fiscalYear the evaluated year
     * @param agencyCode one agency, or {@code null} for all in scope
     * @param status one status, or {@code null} for all
     * @param afterTaskId continue after this task id (0 from the start)
     * @param limit at most this many, 1 to 1,000
     * @param actor any role but PUBLIC; units see their agencies' tasks only
     * @return the tasks in id order
     */
    default List<EvaluationTask> tasks(MofDivCode mofDivCode, FiscalYear fiscalYear, AgencyCode agencyCode,
            TaskStatus status, long afterTaskId, int limit, Actor actor) {
        return tasks(mofDivCode, fiscalYear, agencyCode, null, status, afterTaskId, limit, actor);
    }

    /**
     * As {@link #tasks(MofDivCode, FiscalYear, AgencyCode, TaskStatus, long, int, Actor)}, of one kind (since 1.1.0).
     * An account that is only an EVALUATOR sees the tasks assigned to it.
     *
     * @param kind one kind, or {@code null} for all
     */
    List<EvaluationTask> tasks(MofDivCode mofDivCode, FiscalYear fiscalYear, AgencyCode agencyCode,
            EvaluationKind kind, TaskStatus status, long afterTaskId, int limit, Actor actor);

    /**
     * Opens department, finance key or spot-check evaluations of a year's projects (since 1.1.0), each on the
     * project's self-evaluation task (its goal, budget and execution): a department evaluation (DEPARTMENT or
     * FINANCE) and a key evaluation (FINANCE, assigned to a third-party evaluator's account) of the listed projects;
     * a spot check (FINANCE) of the listed projects' submitted self-evaluations or, with none listed, of a sample
     * drawn by the region's {@code evaluation.spotCheck.*} rule. Assigning again opens only what is missing.
     *
     * @param kind DEPARTMENT, KEY or SPOT_CHECK
     * @param projects the projects; for a spot check may be empty (a sample is drawn)
     * @param evaluator the account that scores the tasks; required for KEY, optional otherwise
     * @param actor FINANCE (or DEPARTMENT for department evaluations), in scope
     * @return what it opened
     * @throws io.jixiao.api.model.InvalidInputException for a kind that cannot be assigned or a missing evaluator
     */
    Assigned assign(MofDivCode mofDivCode, FiscalYear fiscalYear, EvaluationKind kind, List<io.jixiao.api.model.ProCode>
            projects, String evaluator, Actor actor);

    /**
     * Scores an open self-evaluation under the region's rules for the evaluated year and submits it.
     *
     * @param taskId the task
     * @param entries one entry per indicator line of the goal
     * @param actor UNIT of the task's agency (or FINANCE)
     * @return the scorecard
     * @throws io.jixiao.api.model.InvalidInputException naming each entry that cannot be scored
     * @throws io.jixiao.api.model.ConflictException when the task is no longer open
     */
    default Scorecard submit(long taskId, List<IndicatorEntry> entries, Actor actor) {
        return submit(taskId, entries, List.of(), actor);
    }

    /**
     * Scores an open task of any kind and submits it (since 1.1.0): self, department and spot-check evaluations
     * under the region's self-evaluation rules, a key evaluation under the decision / process / output / benefit
     * framework with its decision and process {@code criteria}. A spot check's total is compared with the
     * self-evaluated one and flagged when the gap is above the region's threshold.
     *
     * @param criteria a key evaluation's decision and process criteria; empty for the other kinds
     * @param actor SELF: UNIT of the task's agency or FINANCE; DEPARTMENT: DEPARTMENT or FINANCE; SPOT_CHECK:
     *        FINANCE; KEY: the assigned evaluator only; a task with an assigned evaluator: that account only
     */
    Scorecard submit(long taskId, List<IndicatorEntry> entries, List<CriterionEntry> criteria, Actor actor);

    /**
     * @param taskId a submitted task
     * @param actor any role but PUBLIC, in scope
     * @return its scorecard, line by line
     * @throws io.jixiao.api.model.NotFoundException when the task is unknown or not yet scored
     */
    Scorecard scorecard(long taskId, Actor actor);

    /**
     * Applies the results of the year's submitted self-evaluations to the next budget year open for compilation
     * (the evaluated year + {@link ResultPolicy#targetYearOffset()}): each evaluation once, as a change to the
     * project's requested amount under the region's policy, written back through the allocation port. Adjustments
     * the host did not acknowledge in an earlier run are sent again with the same change ids first: a retry after
     * a failure neither skips nor doubles.
     *
     * @param mofDivCode the fiscal region
     * @param fiscalYear the evaluated year
     * @param actor FINANCE, in scope
     * @return what the run did
     * @throws io.jixiao.api.port.PortUnavailableException when the host's compilation module cannot be reached;
     *         what was recorded stays PENDING for the next run
     */
    ApplicationRun applyResults(MofDivCode mofDivCode, FiscalYear fiscalYear, Actor actor);

    /**
     * @param status only this status, or {@code null}
     * @return the year's adjustments in evaluation id order, at most {@code limit} after {@code afterTaskId}
     */
    List<Adjustment> adjustments(MofDivCode mofDivCode, FiscalYear fiscalYear, AdjustmentStatus status,
            long afterTaskId, int limit, Actor actor);

    /**
     * What the region's policy — or the region's with the proposed rows ({@code result.*} keys) — would do to the
     * target year's requested amounts, by department and for the region, from the year's submitted
     * self-evaluations. Writes nothing.
     *
     * @param proposed {@code result.*} rows replacing the region's, may be empty
     * @param actor FINANCE or AUDITOR, in scope
     * @throws io.jixiao.api.model.InvalidInputException naming a proposed row that cannot be used
     */
    WhatIf whatIf(MofDivCode mofDivCode, FiscalYear fiscalYear, java.util.Map<String, String> proposed, Actor actor);
}
