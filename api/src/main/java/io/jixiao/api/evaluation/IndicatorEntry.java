package io.jixiao.api.evaluation;

import java.math.BigDecimal;

/**
 * What an evaluator enters for the indicator at a line of the goal (1-based, in the goal's order): the actual value
 * (quantitative), or the achievement and the percentage of the points (qualitative); and the deviation reason.
 *
 * @param line the indicator's line in the goal, from 1
 * @param actual the actual value, or {@code null}
 * @param achievement the achievement, or {@code null}
 * @param percent the percentage of the points inside the achievement's band, or {@code null}
 * @param deviationReason why it deviates, may be empty
 */
public record IndicatorEntry(int line, BigDecimal actual, Achievement achievement, BigDecimal percent,
        String deviationReason) {
    public IndicatorEntry {
        deviationReason = deviationReason == null ? "" : deviationReason;
    }
}
