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
    List<EvaluationTask> tasks(MofDivCode mofDivCode, FiscalYear fiscalYear, AgencyCode agencyCode, TaskStatus status,
            long afterTaskId, int limit, Actor actor);

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
    Scorecard submit(long taskId, List<IndicatorEntry> entries, Actor actor);

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
