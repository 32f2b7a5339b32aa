package io.jixiao.api.evaluation;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The self-evaluation scoring rules in force for a region and year: the {@code evaluation.*} keys of its rule
 * sets, inheritance applied (docs/evaluation.md). Absent keys take the national default of 财预〔2020〕10号.
 *
 * @param version the rule sets that made them, e.g. {@code 140400000/2020#3 < national/2019#3}
 * @param weights the points of each part: output 50, benefit 30, satisfaction 10, budget execution 10 by default;
 *        they add up to 100
 * @param satisfactionAbsent where the satisfaction points go when a goal has no satisfaction indicator
 * @param grades where the grades begin
 * @param selfDue the day of the year after the evaluated one by which self-evaluations reach finance, or
 *        {@code null} for no deadline (Yunxi: 06-15)
 * @param publishBy the day of that year by which self-evaluation reports are published, or {@code null}
 *        (Yunxi: 07-15)
 */
public record ScoringRules(String version, Map<ScoreCategory, BigDecimal> weights,
        SatisfactionAbsent satisfactionAbsent, GradeBands grades, java.time.MonthDay selfDue,
        java.time.MonthDay publishBy) {

    /** Where the satisfaction points go when a goal has no satisfaction indicator. */
    public enum SatisfactionAbsent {
        /** to output and benefit in proportion to their weights (财预〔2020〕10号) */
        PROPORTIONAL,
        /** all to output */
        OUTPUT,
        /** all to benefit */
        BENEFIT
    }

    /** 财预〔2020〕10号: output 50, benefit 30, satisfaction 10, budget execution 10. */
    public static final Map<ScoreCategory, BigDecimal> NATIONAL_WEIGHTS;

    static {
        EnumMap<ScoreCategory, BigDecimal> national = new EnumMap<>(ScoreCategory.class);
        national.put(ScoreCategory.OUTPUT, BigDecimal.valueOf(50));
        national.put(ScoreCategory.BENEFIT, BigDecimal.valueOf(30));
        national.put(ScoreCategory.SATISFACTION, BigDecimal.valueOf(10));
        national.put(ScoreCategory.EXECUTION, BigDecimal.valueOf(10));
        NATIONAL_WEIGHTS = Collections.unmodifiableMap(national);
    }

    public ScoringRules {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(satisfactionAbsent, "satisfactionAbsent");
        Objects.requireNonNull(grades, "grades");
        EnumMap<ScoreCategory, BigDecimal> w = new EnumMap<>(ScoreCategory.class);
        BigDecimal sum = BigDecimal.ZERO;
        for (ScoreCategory category : ScoreCategory.values()) {
            BigDecimal weight = weights.get(category);
            if (weight == null) {
                throw new IllegalArgumentException("evaluation.weight." + category + " is missing");
            }
            w.put(category, weight);
            sum = sum.add(weight);
        }
        if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new IllegalArgumentException("evaluation.weight.* must add up to 100, got " + sum.toPlainString()
                    + " " + w);
        }
        weights = Collections.unmodifiableMap(w);
    }

    /**
     * @param category a part of the score
     * @return its points
     */
    public BigDecimal weight(ScoreCategory category) {
        return weights.get(category);
    }

    /**
     * @param evaluatedYear the evaluated year
     * @return the day self-evaluations are due at finance, or {@code null}
     */
    public java.time.LocalDate selfDueFor(int evaluatedYear) {
        return selfDue == null ? null : selfDue.atYear(evaluatedYear + 1);
    }

}
