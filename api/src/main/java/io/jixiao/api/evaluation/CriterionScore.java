package io.jixiao.api.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One criterion's line of a key evaluation's scorecard.
 *
 * @param entry what the evaluator entered
 * @param weight the criterion's share of the 100 points: its part's weight split by the plan's points
 * @param points weight × score / plan points, unrounded
 */
public record CriterionScore(CriterionEntry entry, BigDecimal weight, BigDecimal points) {
    public CriterionScore {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(points, "points");
    }

    /** @return the points as shown on the form: two decimals, half up */
    public BigDecimal shownPoints() {
        return points.setScale(2, RoundingMode.HALF_UP);
    }
}
