package io.jixiao.api.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One indicator's line of a scorecard.
 *
 * @param entry what the evaluator entered
 * @param weight the indicator's share of the 100 points: its category's weight split by the declared points
 * @param fraction the share of its weight it earned, 0 to 1
 * @param met whether the actual value meets the target (quantitative) or the indicator was achieved (qualitative)
 * @param points weight × fraction, unrounded (the total adds these up and is rounded once)
 */
public record IndicatorScore(IndicatorActual entry, BigDecimal weight, BigDecimal fraction, boolean met,
        BigDecimal points) {
    public IndicatorScore {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(fraction, "fraction");
        Objects.requireNonNull(points, "points");
    }

    /** @return the points as shown on the form: two decimals, half up */
    public BigDecimal shownPoints() {
        return points.setScale(2, RoundingMode.HALF_UP);
    }
}
