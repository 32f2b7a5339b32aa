package io.jixiao.rules;

import io.jixiao.api.evaluation.KindRules;
import io.jixiao.api.evaluation.ResultPolicy;
import io.jixiao.api.evaluation.ScoringRules;
import io.jixiao.api.monitoring.MonitoringRules;
import io.jixiao.api.rectification.RectificationRules;
import io.jixiao.rules.internal.KindRulesReader;
import io.jixiao.rules.internal.MonitoringRulesReader;
import io.jixiao.rules.internal.RectificationRulesReader;
import io.jixiao.rules.internal.ResultPolicyReader;
import io.jixiao.rules.internal.ScoringRulesReader;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a region's rules — the keys and values of its rule sets, inheritance applied — into the API's typed views.
 * The one place rule text is parsed: a value that cannot be used is refused with its key named
 * ({@link IllegalArgumentException}), keys of other families are ignored.
 */
public final class RuleReader {
    /** The monitoring keys ({@code monitoring.*}). */
    public static final Set<String> MONITORING_KEYS = MonitoringRulesReader.KEYS;
    /** The self-evaluation scoring keys ({@code evaluation.weight.*}, grades, deadlines). */
    public static final Set<String> SCORING_KEYS = ScoringRulesReader.KEYS;
    /** The keys of the evaluation kinds ({@code evaluation.key.weight.*}, spot checks, whole departments). */
    public static final Set<String> KIND_KEYS = KindRulesReader.KEYS;
    /** The result-application keys ({@code result.*}). */
    public static final Set<String> RESULT_KEYS = ResultPolicyReader.KEYS;
    /** The rectification keys ({@code rectification.*}). */
    public static final Set<String> RECTIFICATION_KEYS = RectificationRulesReader.KEYS;
    /** Every key this reader reads. */
    public static final Set<String> KEYS;

    static {
        Set<String> all = new HashSet<>(MONITORING_KEYS);
        all.addAll(SCORING_KEYS);
        all.addAll(KIND_KEYS);
        all.addAll(RESULT_KEYS);
        all.addAll(RECTIFICATION_KEYS);
        KEYS = Set.copyOf(all);
    }

    private RuleReader() {
    }

    /**
     * @param version the version of the rules, e.g. {@code 440100000/2020#1 < national/2019#3}
     * @param rules rule keys and values, inheritance applied
     * @return the monitoring rules; absent keys take no threshold, no level, no consequence
     */
    public static MonitoringRules monitoring(String version, Map<String, String> rules) {
        return MonitoringRulesReader.read(version, rules);
    }

    /** @return the self-evaluation scoring rules; absent keys take the national default (财预〔2020〕10号) */
    public static ScoringRules scoring(String version, Map<String, String> rules) {
        return ScoringRulesReader.read(version, rules);
    }

    /** @return the rules of the evaluation kinds; absent keys take the defaults */
    public static KindRules kinds(String version, Map<String, String> rules) {
        return KindRulesReader.read(version, rules);
    }

    /** @return the result policy; an absent grade keeps the amount */
    public static ResultPolicy resultPolicy(String version, Map<String, String> rules) {
        return ResultPolicyReader.read(version, rules);
    }

    /**
     * @return the rectification rules; absent keys take 60 days, grades 中 and 差, strict control OFF
     */
    public static RectificationRules rectification(String version, Map<String, String> rules) {
        return RectificationRulesReader.read(version, rules);
    }

    /**
     * Checks one rule set on its own, as it is configured: every value this reader reads, and the sums of weights
     * a set gives completely (a set giving some inherits the others, and their sum is checked on the merged rules).
     *
     * @param label the rule set, named in the refusal
     * @param rules its keys and values
     * @throws IllegalArgumentException naming the rule set and the key of a value that cannot be used
     */
    public static void check(String label, Map<String, String> rules) {
        try {
            MonitoringRulesReader.read(label, rules);
            ScoringRulesReader.check(label, rules);
            ResultPolicyReader.read(label, rules);
            KindRulesReader.check(label, rules);
            RectificationRulesReader.read(label, rules);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label + ": " + e.getMessage(), e);
        }
    }
}
