package io.jixiao.goals.internal;

import java.util.Map;
import java.util.Objects;

/**
 * One configured rule set: the rule keys a region sets from a budget year on, at a revision. Keys it does not
 * set come from its parent region's rule set (and in the end from the national default).
 *
 * @param region a {@code MOF_DIV_CODE}, or {@link #NATIONAL}
 * @param fromYear the first budget year it applies to
 * @param revision raised on every change, so that a decision names the rules that made it
 * @param values rule keys and values, and {@code source.<key>} citations
 */
record RuleSet(String region, int fromYear, int revision, Map<String, String> values) {
    /** The region key of the national default. */
    static final String NATIONAL = "national";

    RuleSet {
        Objects.requireNonNull(region, "region");
        values = Map.copyOf(values);
    }

    String label() {
        return region + "/" + fromYear + "#" + revision;
    }
}
