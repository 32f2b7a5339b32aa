package io.jixiao.api.goal;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Violations;
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

    /**
     * The lines' list.
     *
     * @since 2.0.0
     */
    public static final String LINES = "LINES";

    /**
     * Builds a draft from the fields of a remote request ({@code MOF_DIV_CODE}, {@code FISCAL_YEAR},
     * {@code DRAFT_NO}, {@code LINES}). The draft's own fields are checked first; its lines only when those hold,
     * each line's broken rule named {@code LINES[i].<field>} (in SOAP's names {@code LINE[i].<field>}: docs/api.md).
     * The gate checks the rest (the number's pattern, how many lines).
     *
     * @param v collects every broken rule
     * @param gate the gate the draft goes through
     * @param lines the lines as received; {@code null} when the list is missing
     * @param reader turns one received line into its project's facts ({@link ProjectFacts#from} with the draft's
     *        region and year)
     * @return the draft, or {@code null} if a rule was broken
     * @since 2.0.0
     */
    public static <T> BudgetDraft from(Violations v, Gate gate, String mofDivCode, Integer fiscalYear,
            String draftNo, List<T> lines,
            java.util.function.BiFunction<Violations, T, ProjectFacts> reader) {
        int before = v.count();
        MofDivCode region = v.check(() -> MofDivCode.of(mofDivCode));
        FiscalYear year = FiscalYear.from(v, fiscalYear);
        if (draftNo == null) {
            v.add("DRAFT_NO", "required", "the draft's document number");
        }
        if (lines == null || lines.isEmpty()) {
            v.add(LINES, "required", "one or more project lines");
        }
        if (v.count() > before) {
            return null;
        }
        List<ProjectFacts> facts = v.each(LINES, lines, reader);
        return v.count() > before ? null : new BudgetDraft(gate, region, year, facts, draftNo);
    }
}
