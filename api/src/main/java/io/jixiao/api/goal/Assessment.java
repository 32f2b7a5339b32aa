package io.jixiao.api.goal;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Violations;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * An ex-ante assessment 事前绩效评估 of a project: its tier, a score per dimension of the region's rules, the
 * conclusion, who assessed it and the document it rests on.
 *
 * @param mofDivCode the region
 * @param fiscalYear the budget year
 * @param proCode the project
 * @param tier GENERAL or KEY
 * @param scores a score 0–100 per dimension named by the region's {@code exAnte.dimensions}
 * @param conclusion support, support after adjustment, or reject
 * @param assessor who assessed (a person, an expert panel or a third-party firm)
 * @param thirdParty whether a third party 第三方机构 assessed it
 * @param documentRef the assessment report's reference
 * @throws io.jixiao.api.model.InvalidInputException naming every field that breaks a rule
 */
public record Assessment(MofDivCode mofDivCode, FiscalYear fiscalYear, ProCode proCode, AssessmentTier tier,
        Map<String, BigDecimal> scores, AssessmentConclusion conclusion, String assessor, boolean thirdParty,
        String documentRef) {
    public Assessment {
        Violations v = new Violations();
        if (mofDivCode == null) {
            v.add(MofDivCode.FIELD, "required", "is required");
        }
        if (fiscalYear == null) {
            v.add(FiscalYear.FIELD, "required", "is required");
        }
        if (proCode == null) {
            v.add(ProCode.FIELD, "required", "is required");
        }
        if (tier == null || tier == AssessmentTier.NONE) {
            v.add("TIER", "required", "must be GENERAL or KEY");
        }
        if (conclusion == null) {
            v.add("CONCLUSION", "required", "must be SUPPORT, SUPPORT_AFTER_ADJUSTMENT or REJECT");
        }
        if (assessor == null || assessor.isBlank() || assessor.length() > 200) {
            v.add("ASSESSOR", "length", "must be 1 to 200 characters");
        }
        if (documentRef == null || documentRef.isBlank() || documentRef.length() > 200) {
            v.add("DOCUMENT_REF", "length", "must be 1 to 200 characters");
        }
        scores = scores == null ? Map.of() : new TreeMap<>(scores);
        scores.forEach((dimension, score) -> {
            if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0
                    || score.scale() > 2) {
                v.add("SCORES." + dimension, "range", "must be 0 to 100 with at most 2 decimals");
            }
        });
        v.throwIfAny();
        scores = Map.copyOf(scores);
    }

    /**
     * The most scored dimensions one assessment may have.
     *
     * @since 2.0.0
     */
    public static final int MAX_DIMENSIONS = 20;

    /**
     * Builds an assessment from the fields of a remote request, in the platform's element names
     * ({@code MOF_DIV_CODE}, {@code FISCAL_YEAR}, {@code PRO_CODE}, {@code TIER}, {@code CONCLUSION},
     * {@code ASSESSOR}, {@code THIRD_PARTY}, {@code DOCUMENT_REF}, {@code SCORES}: an object of dimension → score in
     * JSON, {@code SCORE} repeated in XML, docs/api.md).
     *
     * @param v collects every broken rule
     * @return the assessment, or {@code null} if a rule was broken
     * @since 2.0.0
     */
    public static Assessment from(Violations v, String mofDivCode, Integer fiscalYear, String proCode, String tier,
            Map<String, BigDecimal> scores, String conclusion, String assessor,
            boolean thirdParty, String documentRef) {
        int before = v.count();
        MofDivCode region = v.check(() -> MofDivCode.of(mofDivCode));
        FiscalYear year = FiscalYear.from(v, fiscalYear);
        ProCode project = v.check(() -> ProCode.of(proCode));
        AssessmentTier t = v.oneOf("TIER", tier, AssessmentTier.class);
        AssessmentConclusion c = v.oneOf("CONCLUSION", conclusion, AssessmentConclusion.class);
        if (scores != null && scores.size() > MAX_DIMENSIONS) {
            v.add("SCORES", "size", "at most " + MAX_DIMENSIONS + " dimensions");
        }
        v.text("ASSESSOR", assessor, 200, true);
        v.text("DOCUMENT_REF", documentRef, 200, true);
        if (v.count() > before) {
            return null;
        }
        return v.check(() -> new Assessment(region, year, project, t, scores, c, assessor, thirdParty, documentRef));
    }
}
