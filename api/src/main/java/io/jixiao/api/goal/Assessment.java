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
}
