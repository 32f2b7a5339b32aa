package io.jixiao.api.evaluation;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * A comprehensive evaluation's result applied to the transfer payments allocated to the evaluated government in the
 * target budget year (since 1.2.0): one per evaluation, citing the evaluation and the policy row that caused it.
 *
 * @param evaluationId the evaluation
 * @param mofDivCode the paying government's fiscal region
 * @param evaluatedYear the evaluated year
 * @param targetYear the budget year changed
 * @param recipient the evaluated lower government
 * @param grade the evaluation's grade
 * @param total the evaluation's total
 * @param action the policy's action for the grade ({@code result.transfer.action.*})
 * @param cutPercent the share of the allocated amount cut (percent, 2 decimals)
 * @param allocated the allocated amount read from the host, {@code null} when the year allocates the recipient none
 * @param change the change to the allocated amount: 0 or negative
 * @param policy the policy row applied and its rule version
 * @param status where it stands (NOT_IN_DRAFT: the year allocates the recipient no transfer payment)
 * @param createdBy who ran the application
 * @param createdAt when
 * @param appliedAt when the host acknowledged it, {@code null} before
 */
public record TransferAdjustment(long evaluationId, MofDivCode mofDivCode, FiscalYear evaluatedYear,
        FiscalYear targetYear, MofDivCode recipient, Grade grade, BigDecimal total, ResultPolicy.Kind action,
        BigDecimal cutPercent, BigDecimal allocated, BigDecimal change, String policy, AdjustmentStatus status,
        String createdBy, Instant createdAt, Instant appliedAt) {
    public TransferAdjustment {
        Objects.requireNonNull(mofDivCode, "mofDivCode");
        Objects.requireNonNull(evaluatedYear, "evaluatedYear");
        Objects.requireNonNull(targetYear, "targetYear");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(cutPercent, "cutPercent");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        cutPercent = cutPercent.setScale(2, RoundingMode.HALF_UP);
    }

    /** @return the id the host applies this change under, once */
    public String changeId() {
        return "JX-CE-" + evaluationId;
    }
}
