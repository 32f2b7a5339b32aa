package io.jixiao.api.evaluation;

import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An evaluation's result applied to the project's requested amount in the target budget year: one per evaluation,
 * citing the evaluation and the policy row that caused it.
 *
 * @param taskId the evaluation
 * @param mofDivCode the fiscal region
 * @param evaluatedYear the evaluated year
 * @param targetYear the budget year changed
 * @param agencyCode the agency
 * @param deptCode the department (as the host's compilation module has it)
 * @param proCode the project
 * @param grade the evaluation's grade
 * @param total the evaluation's total
 * @param action the policy's action for the grade
 * @param cutPercent the share of the requested amount cut, low execution included (percent, 2 decimals)
 * @param requested the requested amount read from the host, {@code null} when the project is not in the draft
 * @param change the change to the requested amount: 0 or negative
 * @param policy the policy rows applied and their rule version
 * @param status where it stands
 * @param createdBy who ran the application
 * @param createdAt when
 * @param appliedAt when the host acknowledged it, {@code null} before
 */
public record Adjustment(long taskId, MofDivCode mofDivCode, FiscalYear evaluatedYear, FiscalYear targetYear,
        AgencyCode agencyCode, String deptCode, ProCode proCode, Grade grade, BigDecimal total,
        ResultPolicy.Kind action, BigDecimal cutPercent, BigDecimal requested, BigDecimal change, String policy,
        AdjustmentStatus status, String createdBy, Instant createdAt, Instant appliedAt) {
    public Adjustment {
        Objects.requireNonNull(mofDivCode, "mofDivCode");
        Objects.requireNonNull(evaluatedYear, "evaluatedYear");
        Objects.requireNonNull(targetYear, "targetYear");
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(proCode, "proCode");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(cutPercent, "cutPercent");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        cutPercent = cutPercent.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** @return the id the host applies this change under, once */
    public String changeId() {
        return "JX-EV-" + taskId;
    }
}
