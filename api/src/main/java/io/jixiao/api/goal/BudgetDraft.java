package io.jixiao.api.goal;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import java.util.List;
import java.util.Objects;

/**
 * A department's budget draft 预算编制 — or a mid-year adjustment or supplementary appropriation 预算调整 / 追加 —
 * as project lines for one region and budget year.
 *
 * @param gate {@link Gate#COMPILATION} for a draft, {@link Gate#ADJUSTMENT} for an adjustment or a supplementary
 *        appropriation
 * @param mofDivCode the region
 * @param fiscalYear the budget year
 * @param lines the project lines, each with the project's facts (their region and year must be the draft's)
 * @param draftNo the host's number of the draft or adjustment document, named in the audit trail
 */
public record BudgetDraft(Gate gate, MofDivCode mofDivCode, FiscalYear fiscalYear, List<ProjectFacts> lines,
        String draftNo) {
    public BudgetDraft {
        Objects.requireNonNull(gate, "gate");
        if (gate == Gate.ADMISSION) {
            throw new IllegalArgumentException("a budget draft goes through the COMPILATION or ADJUSTMENT gate");
        }
        Objects.requireNonNull(mofDivCode, "mofDivCode");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        lines = List.copyOf(lines);
        Objects.requireNonNull(draftNo, "draftNo");
    }
}
