package io.jixiao.api.evaluation;

import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.ProCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One project's evaluation of one year: opened when the host closes the year for the agency, carrying the
 * full-year budget and execution read from the host's ledger and the goal it is scored against.
 *
 * @param taskId the task
 * @param mofDivCode the fiscal region
 * @param fiscalYear the evaluated year
 * @param agencyCode the implementing unit
 * @param proCode the project
 * @param kind who evaluates
 * @param goalId the approved goal scored against
 * @param goalVersion its version
 * @param budget the full-year budget of the project's lines (全年预算数)
 * @param spent the full-year execution (全年执行数)
 * @param status where it stands
 * @param openedAt when the year's close opened it
 * @param submittedBy the account that submitted the scores, {@code null} while open
 * @param submittedAt when, {@code null} while open
 * @param total the rounded total, {@code null} while open
 * @param grade the grade, {@code null} while open
 * @param ruleVersion the scoring rules applied, {@code null} while open
 * @param due the day the evaluation is due at finance, {@code null} where the region sets none
 * @param evaluator the account assigned to score it (a key evaluation's third party), {@code null} when any
 *        account of the kind's roles may
 * @param selfTotal a spot check's: the self-evaluated total it re-evaluates, {@code null} otherwise
 * @param gapFlagged a submitted spot check's: whether its total is further from {@code selfTotal} than the region's
 *        {@code evaluation.spotCheck.gap}, {@code null} otherwise
 */
public record EvaluationTask(long taskId, MofDivCode mofDivCode, FiscalYear fiscalYear, AgencyCode agencyCode,
        ProCode proCode, EvaluationKind kind, long goalId, int goalVersion, Money budget, Money spent,
        TaskStatus status, Instant openedAt, String submittedBy, Instant submittedAt, BigDecimal total, Grade grade,
        String ruleVersion, java.time.LocalDate due, String evaluator, BigDecimal selfTotal, Boolean gapFlagged) {
    public EvaluationTask {
        Objects.requireNonNull(mofDivCode, "mofDivCode");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(proCode, "proCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(spent, "spent");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
    }

    /** A task as 1.0.0 knew it: no assigned evaluator, no spot-check figures. */
    public EvaluationTask(long taskId, MofDivCode mofDivCode, FiscalYear fiscalYear, AgencyCode agencyCode,
            ProCode proCode, EvaluationKind kind, long goalId, int goalVersion, Money budget, Money spent,
            TaskStatus status, Instant openedAt, String submittedBy, Instant submittedAt, BigDecimal total, Grade grade,
            String ruleVersion, java.time.LocalDate due) {
        this(taskId, mofDivCode, fiscalYear, agencyCode, proCode, kind, goalId, goalVersion, budget, spent, status,
                openedAt, submittedBy, submittedAt, total, grade, ruleVersion, due, null, null, null);
    }

    /**
     * The task once scored.
     *
     * @param flagged a spot check's gap flag, {@code null} for the other kinds
     */
    public EvaluationTask submitted(String by, Instant at, Scorecard card, Boolean flagged) {
        return new EvaluationTask(taskId, mofDivCode, fiscalYear, agencyCode, proCode, kind, goalId, goalVersion,
                budget, spent, TaskStatus.SUBMITTED, openedAt, by, at, card.total(), card.grade(), card.ruleVersion(),
                due, evaluator, selfTotal, flagged);
    }

    /** The task once scored (no gap flag: every kind but SPOT_CHECK), as 1.0.0 had it. */
    public EvaluationTask submitted(String by, Instant at, Scorecard card) {
        return submitted(by, at, card, null);
    }

    /** @return a submitted spot check's re-evaluated total minus the self-evaluated one, {@code null} otherwise */
    public BigDecimal gap() {
        return selfTotal == null || total == null ? null : total.subtract(selfTotal);
    }

    /**
     * @param today the day in China
     * @return whether the task is still open after its due day
     */
    public boolean overdue(java.time.LocalDate today) {
        return status == TaskStatus.OPEN && due != null && today.isAfter(due);
    }
}
