package io.jixiao.store;

import io.jixiao.api.evaluation.AdjustmentStatus;
import io.jixiao.api.evaluation.RegionEvaluation;
import io.jixiao.api.evaluation.RegionScorecard;
import io.jixiao.api.evaluation.TaskStatus;
import io.jixiao.api.evaluation.TransferAdjustment;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Comprehensive evaluations of lower governments and the transfer adjustments made from them (since 1.8.0). A
 * region evaluates each lower government once a year and applies each evaluation once.
 */
@ProviderType
public interface RegionEvaluationRepository {

    /**
     * Stores new evaluations (their ids assigned here) with an audit row for each, in one transaction.
     *
     * @return the evaluations as stored
     * @throws io.jixiao.api.model.ConflictException when one of the governments was given an evaluation of the year
     *         meanwhile (nothing is stored)
     */
    List<RegionEvaluation> open(List<RegionEvaluation> evaluations, Function<RegionEvaluation, AuditEntry> audit);

    Optional<RegionEvaluation> find(long evaluationId);

    /**
     * @param evaluator only those assigned to this account, or {@code null} for all
     * @param status only this status, or {@code null}
     * @return the year's evaluations by the region, by evaluated government code
     */
    List<RegionEvaluation> evaluations(MofDivCode mofDivCode, FiscalYear fiscalYear, String evaluator,
            TaskStatus status);

    /**
     * Records a scored evaluation if it is still open, its criteria and the audit row, in one transaction.
     *
     * @return false when it was no longer open (nothing written)
     */
    boolean submit(RegionEvaluation submitted, RegionScorecard card, AuditEntry audit);

    /** @return a submitted evaluation's scorecard as stored, empty while it is open or unknown */
    Optional<RegionScorecard> scorecard(long evaluationId);

    /** @return the year's submitted evaluations that have no transfer adjustment yet, by evaluated government */
    List<RegionEvaluation> unapplied(MofDivCode mofDivCode, FiscalYear fiscalYear);

    /**
     * Records transfer adjustments and an audit row for each, in one transaction: all or none (an evaluation given an
     * adjustment meanwhile fails the whole call).
     */
    void insertAdjustments(List<TransferAdjustment> adjustments, Function<TransferAdjustment, AuditEntry> audit);

    /** @return the transfer adjustments of an evaluated year, by evaluation id; of one status, or all when null */
    List<TransferAdjustment> adjustments(MofDivCode mofDivCode, FiscalYear evaluatedYear, AdjustmentStatus status);

    /**
     * Moves PENDING adjustments to APPLIED or NOT_IN_DRAFT.
     *
     * @param at when the host acknowledged them ({@code null} for NOT_IN_DRAFT)
     * @return how many moved
     */
    int markAdjustments(Collection<Long> evaluationIds, AdjustmentStatus to, Instant at);
}
