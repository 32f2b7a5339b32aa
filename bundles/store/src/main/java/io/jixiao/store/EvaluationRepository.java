package io.jixiao.store;

import io.jixiao.api.evaluation.Achievement;
import io.jixiao.api.evaluation.EvaluationKind;
import io.jixiao.api.evaluation.EvaluationTask;
import io.jixiao.api.evaluation.Scorecard;
import io.jixiao.api.evaluation.TaskStatus;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.osgi.annotation.versioning.ProviderType;

/** Evaluation tasks and their scores (since 1.6.0). */
@ProviderType
public interface EvaluationRepository {

    /**
     * @return the agency's projects that already have a task of this kind for the year
     */
    Set<ProCode> projectsWithTask(MofDivCode mofDivCode, FiscalYear fiscalYear, EvaluationKind kind,
            AgencyCode agencyCode);

    /**
     * Stores new tasks with ids assigned here, and an audit row for each, in one transaction: all or none (a task
     * of the same region, year, project and kind stored meanwhile fails the whole call).
     *
     * @param tasks the tasks; their ids are ignored
     * @param audit the audit row of a stored task
     * @return the tasks as stored, with their ids, in the given order
     */
    List<EvaluationTask> openTasks(List<EvaluationTask> tasks, Function<EvaluationTask, AuditEntry> audit);

    /** @return the task, if any */
    Optional<EvaluationTask> find(long taskId);

    /**
     * @param agencyCodes only these agencies, or {@code null} for all
     * @param status only this status, or {@code null}
     * @return at most {@code limit} tasks after {@code afterTaskId}, in id order
     */
    default List<EvaluationTask> tasks(MofDivCode mofDivCode, FiscalYear fiscalYear,
            Collection<AgencyCode> agencyCodes, TaskStatus status, long afterTaskId, int limit) {
        return tasks(mofDivCode, fiscalYear, agencyCodes, null, null, status, afterTaskId, limit);
    }

    /**
     * As {@link #tasks(MofDivCode, FiscalYear, Collection, TaskStatus, long, int)} (since 1.7.0).
     *
     * @param kind only this kind, or {@code null}
     * @param evaluator only the tasks assigned to this account, or {@code null}
     */
    List<EvaluationTask> tasks(MofDivCode mofDivCode, FiscalYear fiscalYear, Collection<AgencyCode> agencyCodes,
            EvaluationKind kind, String evaluator, TaskStatus status, long afterTaskId, int limit);

    /** @return the tasks of a kind of the given projects of a year, by project (since 1.7.0) */
    java.util.Map<ProCode, EvaluationTask> tasksOf(MofDivCode mofDivCode, FiscalYear fiscalYear, EvaluationKind kind,
            Collection<ProCode> projects);

    /**
     * Records a scored task if it is still open: its total, grade and lines, with the audit row, in one transaction.
     *
     * @param submitted the task as submitted
     * @param card its scorecard
     * @param audit the audit row
     * @return false when the task was no longer open (nothing written)
     */
    boolean submit(EvaluationTask submitted, Scorecard card, AuditEntry audit);

    /**
     * What a scored task's scorecard was made of, as stored (the execution weight it was scored with included; a key
     * evaluation's criteria since 1.7.0).
     */
    record StoredScore(BigDecimal exactTotal, BigDecimal executionRate, BigDecimal executionWeight,
            BigDecimal executionPoints, List<StoredLine> lines, List<io.jixiao.api.evaluation.CriterionScore> criteria) {
        public StoredScore {
            lines = List.copyOf(lines);
            criteria = List.copyOf(criteria);
        }
    }

    /** One stored line: what was entered and what it earned. */
    record StoredLine(int line, BigDecimal actual, Achievement achievement, BigDecimal percent, String reason,
            BigDecimal weight, BigDecimal fraction, boolean met, BigDecimal points) {
    }

    /** @return the stored score of a submitted task, empty while it is open or unknown */
    Optional<StoredScore> score(long taskId);

    /**
     * @return the year's submitted evaluations whose results decide their project's adjustment — the project has none
     *         yet and no evaluation of a higher rank (KEY &gt; SPOT_CHECK &gt; DEPARTMENT &gt; SELF), open or
     *         submitted — and no open whole-department evaluation of its unit; never a whole-department one; in id
     *         order, at most {@code limit} after {@code afterTaskId}
     */
    List<EvaluationTask> unapplied(MofDivCode mofDivCode, FiscalYear fiscalYear, long afterTaskId, int limit);

    /**
     * Records adjustments and an audit row for each, in one transaction: all or none (an evaluation — or, since
     * 1.7.0, a project of the year — given an adjustment meanwhile fails the whole call).
     */
    void insertAdjustments(List<io.jixiao.api.evaluation.Adjustment> adjustments,
            Function<io.jixiao.api.evaluation.Adjustment, AuditEntry> audit);

    /**
     * @param agencyCodes only these agencies, or {@code null} for all
     * @param status only this status, or {@code null}
     * @return the adjustments of an evaluated year in evaluation id order
     */
    List<io.jixiao.api.evaluation.Adjustment> adjustments(MofDivCode mofDivCode, FiscalYear evaluatedYear,
            Collection<AgencyCode> agencyCodes, io.jixiao.api.evaluation.AdjustmentStatus status, long afterTaskId,
            int limit);

    /**
     * @param targetYear the budget year the adjustments change
     * @return the adjustments of the given projects in that year, by project (since 1.7.0)
     */
    java.util.Map<ProCode, io.jixiao.api.evaluation.Adjustment> adjustmentsTargeting(MofDivCode mofDivCode,
            FiscalYear targetYear, Collection<ProCode> projects);

    /**
     * Moves PENDING adjustments to APPLIED or NOT_IN_DRAFT.
     *
     * @param at when the host acknowledged them ({@code null} for NOT_IN_DRAFT)
     * @return how many moved
     */
    int markAdjustments(Collection<Long> taskIds, io.jixiao.api.evaluation.AdjustmentStatus to, java.time.Instant at);
}
