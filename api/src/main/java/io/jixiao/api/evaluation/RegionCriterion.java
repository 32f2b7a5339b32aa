package io.jixiao.api.evaluation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One criterion of a comprehensive evaluation's plan as the evaluator scored it (since 1.2.0). The plan is the
 * evaluator's: its criteria's points add up to 100, grouped by dimension — e.g. 财政收入 (revenue structure and
 * collection), 财政支出 (allocation and use), 转移支付 (division of responsibilities, balanced development), 债务风险,
 * 预算管理.
 *
 * @param dimension the dimension it belongs to, e.g. 财政收入
 * @param name the criterion, e.g. 税收收入占比
 * @param points its points in the plan, above 0
 * @param score what it earned, 0 to {@code points}
 */
public record RegionCriterion(String dimension, String name, BigDecimal points, BigDecimal score) {
    public RegionCriterion {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(score, "score");
    }

    /**
     * Builds one criterion of a comprehensive evaluation from the fields of a remote request ({@code DIMENSION},
     * {@code NAME}, {@code POINTS}, {@code SCORE}); how the criteria add up is the service's rule.
     *
     * @param v collects every broken rule
     * @return the criterion, or {@code null} if a rule was broken
     * @since 2.0.0
     */
    public static RegionCriterion from(io.jixiao.api.model.Violations v, String dimension, String name,
            BigDecimal points, BigDecimal score) {
        if (dimension == null || name == null || points == null || score == null) {
            v.add("DIMENSION", "required", "names DIMENSION, NAME, POINTS (in the plan) and SCORE (earned)");
            return null;
        }
        return new RegionCriterion(dimension, name, points, score);
    }
}
