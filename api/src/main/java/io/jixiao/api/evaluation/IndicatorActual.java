package io.jixiao.api.evaluation;

import io.jixiao.api.goal.Indicator;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an evaluator enters for one indicator of the approved goal: the actual value of a quantitative indicator,
 * or, for a qualitative one (or one whose target is not a number), the achievement and the share of its points
 * chosen inside that achievement's band; and why it deviates (偏差原因), if it does.
 *
 * @param indicator the indicator as approved
 * @param actual the actual value (quantitative), else {@code null}
 * @param achievement how far it was achieved (qualitative), else {@code null}
 * @param percent the share of the points in percent, inside the achievement's band (qualitative), else {@code null}
 * @param deviationReason why the actual value misses the target, may be empty
 */
public record IndicatorActual(Indicator indicator, BigDecimal actual, Achievement achievement, BigDecimal percent,
        String deviationReason) {
    public IndicatorActual {
        Objects.requireNonNull(indicator, "indicator");
        deviationReason = deviationReason == null ? "" : deviationReason;
    }

    /** A quantitative indicator's actual value. */
    public static IndicatorActual measured(Indicator indicator, BigDecimal actual, String deviationReason) {
        return new IndicatorActual(indicator, actual, null, null, deviationReason);
    }

    /** A qualitative indicator's achievement and the share of its points. */
    public static IndicatorActual judged(Indicator indicator, Achievement achievement, BigDecimal percent,
            String deviationReason) {
        return new IndicatorActual(indicator, null, achievement, percent, deviationReason);
    }
}
