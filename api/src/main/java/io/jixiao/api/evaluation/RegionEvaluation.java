package io.jixiao.api.evaluation;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A comprehensive evaluation of a lower government's finances for one year (对下级政府财政运行综合绩效评价, since
 * 1.2.0): the paying government's finance bureau evaluates a government configured directly under it; the grade is
 * tied to the transfer payments it allocates to that government ({@code result.transfer.action.*}).
 *
 * @param evaluationId the evaluation
 * @param mofDivCode the evaluating (paying) government's fiscal region
 * @param fiscalYear the evaluated year
 * @param subject the evaluated lower government's fiscal region
 * @param status where it stands
 * @param openedBy who opened it
 * @param openedAt when
 * @param due the day it is due, {@code null} if none was set
 * @param evaluator the account assigned to score it (a third party), {@code null} when the region's FINANCE does
 * @param submittedBy who submitted the scores, {@code null} while open
 * @param submittedAt when, {@code null} while open
 * @param total the rounded total, {@code null} while open
 * @param grade the grade, {@code null} while open
 * @param ruleVersion the grade bands applied, {@code null} while open
 */
public record RegionEvaluation(long evaluationId, MofDivCode mofDivCode, FiscalYear fiscalYear, MofDivCode subject,
        TaskStatus status, String openedBy, Instant openedAt, LocalDate due, String evaluator, String submittedBy,
        Instant submittedAt, BigDecimal total, Grade grade, String ruleVersion) {
    public RegionEvaluation {
        Objects.requireNonNull(mofDivCode, "mofDivCode");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
    }

    /** @return the evaluation once scored */
    public RegionEvaluation submitted(String by, Instant at, RegionScorecard card) {
        return new RegionEvaluation(evaluationId, mofDivCode, fiscalYear, subject, TaskStatus.SUBMITTED, openedBy,
                openedAt, due, evaluator, by, at, card.total(), card.grade(), card.ruleVersion());
    }

    /**
     * @param today the day in China
     * @return whether it is still open after its due day
     */
    public boolean overdue(LocalDate today) {
        return status == TaskStatus.OPEN && due != null && today.isAfter(due);
    }
}
