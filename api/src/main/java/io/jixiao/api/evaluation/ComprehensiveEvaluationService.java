package io.jixiao.api.evaluation;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import java.time.LocalDate;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Comprehensive evaluation of lower governments' finances tied to transfer payments (since 1.2.0,
 * docs/evaluation.md#comprehensive-evaluation-of-lower-governments): a finance bureau evaluates the governments
 * configured directly under its region, scores each against its evaluation plan out of 100, and applies the grades
 * to the transfer payments of the next budget year open for compilation through the host's {@code TransferPort}.
 * Every call checks the actor's role and scope.
 */
@ProviderType
public interface ComprehensiveEvaluationService {

    /**
     * Opens the year's comprehensive evaluations of lower governments, one per government and year; a government
     * already evaluated that year keeps its evaluation (returned as it stands, nothing written).
     *
     * @param mofDivCode the evaluating (paying) region
     * @param fiscalYear the evaluated year
     * @param subjects the lower governments, each configured directly under {@code mofDivCode}; 1 to 1,000
     * @param evaluator the third-party account assigned to score them, or {@code null} for the region's FINANCE
     * @param due the day they are due, or {@code null}
     * @param actor FINANCE of the region
     * @return the evaluations of the listed governments, in the order listed
     */
    List<RegionEvaluation> open(MofDivCode mofDivCode, FiscalYear fiscalYear, List<MofDivCode> subjects,
            String evaluator, LocalDate due, Actor actor);

    /**
     * @param actor FINANCE or AUDITOR with the evaluating region in scope, the assigned evaluator, or FINANCE or
     *        AUDITOR of the evaluated government (its own evaluation: the feedback it is given); never an account
     *        limited to agencies
     * @throws io.jixiao.api.model.NotFoundException when there is none (or it is out of scope)
     */
    RegionEvaluation evaluation(long evaluationId, Actor actor);

    /**
     * @return the year's comprehensive evaluations by the region, by evaluated government code; an evaluator sees
     *         only those assigned to it
     */
    List<RegionEvaluation> evaluations(MofDivCode mofDivCode, FiscalYear fiscalYear, Actor actor);

    /**
     * Scores an open evaluation against the evaluator's plan and submits it: the criteria's points add up to 100,
     * each score is 0 to its points; the total is the sum of the scores rounded half up to two decimals, graded by the
     * evaluating region's bands.
     *
     * @param actor the assigned account itself (not a host system naming it), in the evaluating region's scope; or
     *        FINANCE of the evaluating region when none is assigned
     * @throws io.jixiao.api.model.InvalidInputException naming every criterion that cannot be scored
     * @throws io.jixiao.api.model.ConflictException when it was already submitted
     */
    RegionScorecard submit(long evaluationId, List<RegionCriterion> criteria, Actor actor);

    /** @return a submitted evaluation's scorecard (readers as for {@link #evaluation}) */
    RegionScorecard scorecard(long evaluationId, Actor actor);

    /**
     * Applies the year's submitted comprehensive evaluations to the transfer payments allocated to the evaluated
     * governments in the target budget year (the evaluated year + {@code result.targetYearOffset}) under the region's
     * {@code result.transfer.action.*} rows: each evaluation once, recorded and audited before it is written back,
     * written back under a stable change id; a run first re-sends what an interrupted one left unacknowledged.
     *
     * @param actor FINANCE with the whole region in scope
     * @throws io.jixiao.api.port.PortUnavailableException when the host's transfer port cannot be reached (what was
     *         recorded stays pending for the next run)
     */
    ApplicationRun applyResults(MofDivCode mofDivCode, FiscalYear fiscalYear, Actor actor);

    /**
     * What the region's {@code result.transfer.action.*} rows — or the region's with the proposed {@code result.*}
     * rows — would do to the transfer payments of the target year, for every submitted comprehensive evaluation of
     * the year (applied or not), against the amounts the host allocates now. Writes nothing, neither here nor in the
     * host.
     *
     * @param proposed result rows to try, e.g. {@code result.transfer.action.FAIR = CUT:8}; empty: the region's own
     * @param actor FINANCE or AUDITOR of the whole region
     * @throws io.jixiao.api.model.InvalidInputException naming a proposed key that is no result rule, or a bad value
     * @throws io.jixiao.api.port.PortUnavailableException when the host's transfer port cannot be reached
     */
    TransferWhatIf whatIf(MofDivCode mofDivCode, FiscalYear fiscalYear, java.util.Map<String, String> proposed,
            Actor actor);

    /**
     * @return the year's transfer adjustments of the region, by evaluation id, for FINANCE and AUDITOR as for
     *         {@link #evaluations} (a lower government's accounts see their own); not for evaluators
     */
    List<TransferAdjustment> adjustments(MofDivCode mofDivCode, FiscalYear fiscalYear, Actor actor);
}
