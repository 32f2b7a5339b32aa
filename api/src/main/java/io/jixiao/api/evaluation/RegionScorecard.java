package io.jixiao.api.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A comprehensive evaluation's score (since 1.2.0): the sum of its criteria's scores out of 100.
 *
 * @param ruleVersion the rule sets whose grade bands graded it
 * @param criteria the criteria as scored
 * @param total the sum of the scores rounded half up to two decimals; the grade comes from it
 * @param grade the grade of the total under the evaluating region's bands
 */
public record RegionScorecard(String ruleVersion, List<RegionCriterion> criteria, BigDecimal total, Grade grade) {
    public RegionScorecard {
        Objects.requireNonNull(ruleVersion, "ruleVersion");
        criteria = List.copyOf(criteria);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(grade, "grade");
    }
}
