package io.jixiao.rules.internal;

import static io.jixiao.rules.internal.Values.points;
import static io.jixiao.rules.internal.Values.value;

import io.jixiao.api.evaluation.GradeBands;
import io.jixiao.api.evaluation.ScoreCategory;
import io.jixiao.api.evaluation.ScoringRules.SatisfactionAbsent;
import io.jixiao.api.evaluation.ScoringRules;
import java.math.BigDecimal;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The self-evaluation scoring keys ({@code evaluation.weight.*}, grades, deadlines; docs/evaluation.md). */
public final class ScoringRulesReader {
    /** Every scoring rule key. */
    public static final Set<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(List.of("evaluation.satisfactionAbsent", "evaluation.grades",
                "evaluation.selfDue", "evaluation.publishBy"));
        for (ScoreCategory category : ScoreCategory.values()) {
            keys.add("evaluation.weight." + category);
        }
        KEYS = Set.copyOf(keys);
    }

    private ScoringRulesReader() {
    }

    /**
     * Reads the scoring keys (other keys are ignored); absent keys take the national default. A rule set that
     * overrides only some weights is checked for their range here and for their sum once inheritance has completed
     * it.
     */
    public static ScoringRules read(String version, Map<String, String> rules) {
        Read r = values(rules);
        return new ScoringRules(version, r.weights(), r.absent(), r.grades(), r.selfDue(), r.publishBy());
    }

    /** Checks one rule set on its own: each value, and the weights' sum when the set names all four. */
    public static void check(String label, Map<String, String> rules) {
        Read r = values(rules);
        if (r.allWeights()) {
            new ScoringRules(label, r.weights(), r.absent(), r.grades(), r.selfDue(), r.publishBy());
        }
    }

    private record Read(EnumMap<ScoreCategory, BigDecimal> weights, boolean allWeights, SatisfactionAbsent absent,
            GradeBands grades, MonthDay selfDue, MonthDay publishBy) {
    }

    private static Read values(Map<String, String> rules) {
        EnumMap<ScoreCategory, BigDecimal> weights = new EnumMap<>(ScoringRules.NATIONAL_WEIGHTS);
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
        return new Read(weights, all, absent, grades, day("evaluation.selfDue", value(rules, "evaluation.selfDue")),
                day("evaluation.publishBy", value(rules, "evaluation.publishBy")));
    }

    private static MonthDay day(String key, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return MonthDay.parse("--" + raw);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be a day of the year after the evaluated one such as "
                    + "06-15, got '" + raw + "'");
        }
    }
}
