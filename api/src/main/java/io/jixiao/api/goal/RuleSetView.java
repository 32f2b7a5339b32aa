package io.jixiao.api.goal;

import java.util.Map;
import java.util.Objects;

/**
 * The goal rules in force for a region and year, as rule keys (docs/rules.md) with their values and sources.
 *
 * @param version the rule sets that made them, nearest first, e.g. {@code 440100000/2020#2 < national/2019#1}
 * @param ruleSet the region's own rule set in force ({@code 440100000/2020#2}), or null if it inherits everything
 * @param revision the revision of the region's own rule set, 0 if it has none
 * @param rules every rule key in force and its value
 * @param sources for every rule key in force, where it comes from ({@link GoalRules#ILLUSTRATIVE} if uncited)
 */
public record RuleSetView(String version, String ruleSet, int revision, Map<String, String> rules,
        Map<String, String> sources) {
    public RuleSetView {
        Objects.requireNonNull(version, "version");
        rules = Map.copyOf(rules);
        sources = Map.copyOf(sources);
    }
}
