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
     * Reads one line of a draft, in whatever shape the adapter received it.
     *
     * @param <T> the adapter's shape of a line
     * @since 1.4.0
     */
    @FunctionalInterface
    public interface LineReader<T> {
        /**
         * @param v collects the line's broken rules, named from the line
         * @param raw the line as received, not {@code null}
         * @return the line's project, through {@link ProjectFacts#from} with the draft's region and year
         */
        ProjectFacts read(Violations v, T raw);
    }

    /**
     * Builds a draft from the fields of a remote request ({@code MOF_DIV_CODE}, {@code FISCAL_YEAR},
     * {@code DRAFT_NO} and the lines' list: {@code LINES} in JSON, {@code LINE} (repeated) in XML). The draft's own
     * fields are checked first; its lines only when those hold, each line's broken rule named
     * {@code <list>[i].<field>}. The gate checks the rest (the number's pattern, how many lines).
     *
     * @param v collects every broken rule
     * @param gate the gate the draft goes through
     * @param listField the lines' list as the contract names it
     * @param lines the lines as received; {@code null} when the list is missing
     * @param reader turns one received line into its project's facts
     * @return the draft, or {@code null} if a rule was broken
     * @since 1.4.0
     */
    public static <T> BudgetDraft from(Violations v, Gate gate, String mofDivCode, Integer fiscalYear,
            String draftNo, String listField, List<T> lines, LineReader<T> reader) {
        int before = v.count();
        MofDivCode region = v.check(() -> MofDivCode.of(mofDivCode));
        FiscalYear year = null;
        if (fiscalYear == null) {
            v.add(FiscalYear.FIELD, "required", "is required");
        } else {
            year = v.check(() -> FiscalYear.of(fiscalYear));
        }
        if (draftNo == null) {
            v.add("DRAFT_NO", "required", "the draft's document number");
        }
        if (lines == null || lines.isEmpty()) {
            v.add(listField, "required", "one or more project lines");
        }
        if (v.count() > before) {
            return null;
        }
        List<ProjectFacts> facts = new java.util.ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            T raw = lines.get(i);
            if (raw == null) {
                v.add(listField + "[" + i + "]", "required", "a project line is required");
                continue;
            }
            ProjectFacts line = v.within(listField + "[" + i + "].", x -> reader.read(x, raw));
            if (line != null) {
                facts.add(line);
            }
        }
        return v.count() > before ? null : new BudgetDraft(gate, region, year, facts, draftNo);
    }
}
