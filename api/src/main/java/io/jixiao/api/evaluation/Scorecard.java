package io.jixiao.api.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A 100-point score and its grade, with every line that made it.
 *
 * @param ruleVersion the scoring rules applied
 * @param indicators one line per indicator of the goal
 * @param criteria a key evaluation's decision and process criteria, empty for the other kinds
 * @param execution the budget execution line
 * @param exactTotal the sum of the unrounded lines
 * @param total the exact total rounded half up to two decimals; the grade comes from it (79.995 → 80.00 → 良)
 * @param grade the grade of the rounded total under the region's bands
 */
public record Scorecard(String ruleVersion, List<IndicatorScore> indicators, List<CriterionScore> criteria,
        ExecutionScore execution,
        BigDecimal exactTotal, BigDecimal total, Grade grade) {
    /** A scorecard without criteria (every kind but KEY), as 1.0.0 made it. */
    public Scorecard(String ruleVersion, List<IndicatorScore> indicators, ExecutionScore execution,
            BigDecimal exactTotal, BigDecimal total, Grade grade) {
        this(ruleVersion, indicators, List.of(), execution, exactTotal, total, grade);
    }

    public Scorecard {
        Objects.requireNonNull(ruleVersion, "ruleVersion");
        indicators = List.copyOf(indicators);
        criteria = List.copyOf(criteria);
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(exactTotal, "exactTotal");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(grade, "grade");
    }
}
