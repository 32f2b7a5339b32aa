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

    /**
     * Builds one indicator line's entry from the fields of a remote request ({@code LINE}, {@code ACTUAL},
     * {@code ACHIEVEMENT}, {@code PERCENT}, {@code DEVIATION_REASON}); what the line's indicator asks of it is the
     * service's rule.
     *
     * @param v collects every broken rule
     * @return the entry, or {@code null} if a rule was broken
     * @since 2.0.0
     */
    public static IndicatorEntry from(io.jixiao.api.model.Violations v, Integer line, BigDecimal actual,
            String achievement, BigDecimal percent, String deviationReason) {
        int before = v.count();
        if (line == null) {
            v.add("LINE", "required", "names the indicator's line in the goal, from 1");
        }
        Achievement a = achievement == null ? null : v.oneOf("ACHIEVEMENT", achievement, Achievement.class);
        return v.count() > before ? null : new IndicatorEntry(line, actual, a, percent, deviationReason);
    }
}
