package io.jixiao.api.goal;

import io.jixiao.api.model.Violations;
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

    /**
     * Builds an indicator from the fields of a remote request, in the platform's element names ({@code KPI_LV1},
     * {@code KPI_LV2}, {@code KPI_CONTENT}, {@code COMPUTESIGN}, {@code KPI_VAL}, {@code METERUNIT}, {@code WEIGHT},
     * {@code KPI_EVALSTD}, {@code LIBRARY_ID}); a list's element is checked through
     * {@link Violations#within}, which puts its path in front.
     *
     * @param v collects every broken rule
     * @param level1 the level-1 category, optional, must match {@code level2}'s
     * @return the indicator, or {@code null} if a rule was broken
     * @since 2.0.0
     */
    public static Indicator from(Violations v, String level1, String level2, String name, Integer sign,
            String target, String unit, BigDecimal points, String standard, String libraryId) {
        int before = v.count();
        Level2 category = v.oneOf("KPI_LV2", level2, Level2.class);
        if (category != null && level1 != null && !category.level1().name().equals(level1)) {
            v.add("KPI_LV1", "matches-level2", category + " belongs to " + category.level1());
        }
        v.text("KPI_CONTENT", name, 400, true);
        ComputeSign computeSign = null;
        if (sign == null) {
            v.add("COMPUTESIGN", "required", "is required (1 ≥, 2 >, 3 =, 4 <, 5 ≤, 6 qualitative)");
        } else {
            computeSign = v.check(() -> ComputeSign.of(sign));
        }
        v.text("KPI_VAL", target, 200, true);
        v.text("METERUNIT", unit, 40, false);
        v.text("KPI_EVALSTD", standard, 2000, false);
        v.text("LIBRARY_ID", libraryId, 40, false);
        if (points == null) {
            v.add("WEIGHT", "required", "is required");
        } else if (points.scale() > 2 || points.compareTo(BigDecimal.valueOf(100_000)) >= 0) {
            v.add("WEIGHT", "range", "at most 2 decimals and below 100000");
        }
        return v.count() > before ? null
                : new Indicator(category, name, computeSign, target, unit, points, standard, libraryId);
    }
}
