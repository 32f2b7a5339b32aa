package io.jixiao.rules.internal;

import static io.jixiao.rules.internal.Values.HUNDRED;
import static io.jixiao.rules.internal.Values.number;
import static io.jixiao.rules.internal.Values.value;

import io.jixiao.api.evaluation.KeyPart;
import io.jixiao.api.evaluation.KindRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The keys of the evaluation kinds: key-evaluation weights, spot checks, whole-department self-evaluation. */
public final class KindRulesReader {
    /** Every key of these rules. */
    public static final Set<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(List.of("evaluation.spotCheck.share", "evaluation.spotCheck.minimum",
                "evaluation.spotCheck.gap", "evaluation.wholeDepartment"));
        for (KeyPart part : KeyPart.values()) {
            keys.add("evaluation.key.weight." + part);
        }
        KEYS = Set.copyOf(keys);
    }

    private KindRulesReader() {
    }

    /**
     * Reads the keys (other keys are ignored); absent keys take the defaults. A rule set that overrides only some
     * key-evaluation weights is checked for their sum once inheritance has completed them.
     */
    public static KindRules read(String version, Map<String, String> rules) {
        EnumMap<KeyPart, BigDecimal> weights = new EnumMap<>(KindRules.DEFAULT_KEY_WEIGHTS);
        for (KeyPart part : KeyPart.values()) {
            String key = "evaluation.key.weight." + part;
            String raw = value(rules, key);
            if (raw != null) {
                weights.put(part, number(key, raw, HUNDRED));
            }
        }
        String share = value(rules, "evaluation.spotCheck.share");
        String minimum = value(rules, "evaluation.spotCheck.minimum");
        String gap = value(rules, "evaluation.spotCheck.gap");
        int min = minimum == null ? 1 : Values.whole("evaluation.spotCheck.minimum", minimum, "projects");
        Boolean whole = Values.flag("evaluation.wholeDepartment", value(rules, "evaluation.wholeDepartment"));
        return new KindRules(version, weights, share == null ? BigDecimal.TEN
                : number("evaluation.spotCheck.share", share, HUNDRED), min, gap == null ? BigDecimal.TEN
                        : number("evaluation.spotCheck.gap", gap, HUNDRED), Boolean.TRUE.equals(whole));
    }

    /** Checks one rule set's keys on its own: each value, and the key weights' sum when the set names all four. */
    public static void check(String label, Map<String, String> rules) {
        boolean all = true;
        for (KeyPart part : KeyPart.values()) {
            all &= value(rules, "evaluation.key.weight." + part) != null;
        }
        if (all) {
            read(label, rules);
            return;
        }
        Map<String, String> alone = new HashMap<>(rules);
        for (KeyPart part : KeyPart.values()) {
            String key = "evaluation.key.weight." + part;
            String raw = value(rules, key);
            if (raw != null) {
                number(key, raw, HUNDRED);
            }
            alone.remove(key);
        }
        read(label, alone);
    }
}
