package io.jixiao.api.goal;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A level-3 indicator 三级指标 as the platform's {@code PM_PERF_INDICATOR} holds it. Whether a value is sensible
 * (a numeric target for a quantitative sign, points that add up) is a rule of the region, checked by the goal
 * rules with the field path, not here: a goal that breaks rules must still be representable to be reported on.
 *
 * @param level2 the level-2 category, which implies the level-1 category ({@code KPI_LV2})
 * @param name the indicator ({@code KPI_CONTENT}), not blank
 * @param sign the comparator ({@code COMPUTESIGN})
 * @param target the target value as declared ({@code KPI_VAL}); numeric for quantitative signs
 * @param unit the unit ({@code METERUNIT}), may be empty
 * @param points the points (weight) ({@code WEIGHT}), not negative
 * @param standard the scoring standard ({@code KPI_EVALSTD}), may be empty
 * @param libraryId the indicator-library entry this one was taken from, or {@code null}
 */
public record Indicator(Level2 level2, String name, ComputeSign sign, String target, String unit, BigDecimal points,
        String standard, String libraryId) {
    public Indicator {
        Objects.requireNonNull(level2, "level2");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sign, "sign");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(points, "points");
        unit = unit == null ? "" : unit;
        standard = standard == null ? "" : standard;
    }

    /** @return the level-1 category */
    public Level1 level1() {
        return level2.level1();
    }

    /** @return whether the sign is quantitative and the target a number */
    public boolean quantitative() {
        return sign.quantitative() && numericTarget() != null;
    }

    /** @return the target as a number, or {@code null} if it is not one */
    public BigDecimal numericTarget() {
        try {
            return new BigDecimal(target.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
