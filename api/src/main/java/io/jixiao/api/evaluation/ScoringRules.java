package io.jixiao.api.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

    /** The prefix of every evaluation rule key. */
    public static final String PREFIX = "evaluation.";
    /** Every scoring rule key. */
    public static final Set<String> KEYS;
    /** 财预〔2020〕10号: output 50, benefit 30, satisfaction 10, budget execution 10. */
    public static final Map<ScoreCategory, BigDecimal> NATIONAL_WEIGHTS;

    static {
        List<String> keys = new ArrayList<>(List.of("evaluation.satisfactionAbsent", "evaluation.grades",
                "evaluation.selfDue", "evaluation.publishBy"));
        for (ScoreCategory category : ScoreCategory.values()) {
            keys.add("evaluation.weight." + category);
        }
        KEYS = Set.copyOf(keys);
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
     * Reads the evaluation keys of a region's rules (other keys are ignored); absent keys take the national
     * default. A rule set that overrides only some weights is checked for their range here and for their sum
     * once inheritance has completed it ({@link #parse(String, Map)} on the merged rules).
     *
     * @param version the version of the rules
     * @param rules rule keys and values, inheritance applied
     * @return the scoring rules
     * @throws IllegalArgumentException naming the key of a value that cannot be used
     */
    public static ScoringRules parse(String version, Map<String, String> rules) {
        Values v = values(rules);
        return new ScoringRules(version, v.weights(), v.absent(), v.grades(), v.selfDue(), v.publishBy());
    }

    /**
     * Checks the evaluation keys of one rule set on its own: each value, and the weights' sum when the set names
     * all four (a set naming some inherits the others, and the sum is checked on the merged rules).
     *
     * @param label the rule set
     * @param rules its keys and values
     * @throws IllegalArgumentException naming the key of a value that cannot be used
     */
    public static void check(String label, Map<String, String> rules) {
        Values v = values(rules);
        if (v.allWeights()) {
            new ScoringRules(label, v.weights(), v.absent(), v.grades(), v.selfDue(), v.publishBy());
        }
    }

    private record Values(EnumMap<ScoreCategory, BigDecimal> weights, boolean allWeights, SatisfactionAbsent absent,
            GradeBands grades, java.time.MonthDay selfDue, java.time.MonthDay publishBy) {
    }

    /**
     * @param evaluatedYear the evaluated year
     * @return the day self-evaluations are due at finance, or {@code null}
     */
    public java.time.LocalDate selfDueFor(int evaluatedYear) {
        return selfDue == null ? null : selfDue.atYear(evaluatedYear + 1);
    }

    private static java.time.MonthDay day(String key, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return java.time.MonthDay.parse("--" + raw);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be a day of the year after the evaluated one such as "
                    + "06-15, got '" + raw + "'");
        }
    }

    private static Values values(Map<String, String> rules) {
        EnumMap<ScoreCategory, BigDecimal> weights = new EnumMap<>(NATIONAL_WEIGHTS);
        boolean all = true;
        for (ScoreCategory category : ScoreCategory.values()) {
            String key = "evaluation.weight." + category;
            String raw = value(rules, key);
            if (raw != null) {
                weights.put(category, points(key, raw));
            }
            all &= raw != null;
        }
        SatisfactionAbsent absent = SatisfactionAbsent.PROPORTIONAL;
        String rawAbsent = value(rules, "evaluation.satisfactionAbsent");
        if (rawAbsent != null) {
            try {
                absent = SatisfactionAbsent.valueOf(rawAbsent);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("evaluation.satisfactionAbsent names no policy '" + rawAbsent
                        + "' (one of " + List.of(SatisfactionAbsent.values()) + ")");
            }
        }
        GradeBands grades = GradeBands.NATIONAL;
        String rawGrades = value(rules, "evaluation.grades");
        if (rawGrades != null) {
            String[] parts = rawGrades.split(",");
            if (parts.length != 3) {
                throw new IllegalArgumentException("evaluation.grades must be the lowest totals of 优,良,中 such as "
                        + "90,80,60, got '" + rawGrades + "'");
            }
            try {
                grades = new GradeBands(points("evaluation.grades", parts[0].trim()),
                        points("evaluation.grades", parts[1].trim()), points("evaluation.grades", parts[2].trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().startsWith("evaluation.") ? e.getMessage()
                        : "evaluation.grades: " + e.getMessage(), e);
            }
        }
        return new Values(weights, all, absent, grades, day("evaluation.selfDue", value(rules, "evaluation.selfDue")),
                day("evaluation.publishBy", value(rules, "evaluation.publishBy")));
    }

    private static BigDecimal points(String key, String raw) {
        try {
            BigDecimal value = new BigDecimal(raw);
            if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException(key + " must be points between 0 and 100, got " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number of points, got '" + raw + "'");
        }
    }

    private static String value(Map<String, String> rules, String key) {
        String raw = rules.get(key);
        return raw == null || raw.isBlank() ? null : raw.trim();
    }
}
