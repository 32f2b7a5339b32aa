package io.jixiao.rules.internal;

import static io.jixiao.rules.internal.Values.percent;
import static io.jixiao.rules.internal.Values.value;

import io.jixiao.api.evaluation.Grade;
import io.jixiao.api.evaluation.ResultPolicy.Action;
import io.jixiao.api.evaluation.ResultPolicy.Kind;
import io.jixiao.api.evaluation.ResultPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code result.*} keys: what a grade does to the next budget (结果应用, docs/evaluation.md). */
public final class ResultPolicyReader {
    /** Every result rule key. */
    public static final Set<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(List.of("result.lowExecution", "result.targetYearOffset"));
        for (Grade grade : Grade.values()) {
            keys.add("result.action." + grade);
            keys.add("result.department.action." + grade);
            keys.add("result.transfer.action." + grade);
            keys.add("result.notRectified.action." + grade);
        }
        KEYS = Set.copyOf(keys);
    }

    private ResultPolicyReader() {
    }

    /**
     * Reads the result keys (other keys are ignored). An absent grade keeps the amount; absent low-execution: no
     * further cut; absent offset: 2.
     */
    public static ResultPolicy read(String version, Map<String, String> rules) {
        EnumMap<Grade, Action> actions = new EnumMap<>(Grade.class);
        EnumMap<Grade, Action> department = new EnumMap<>(Grade.class);
        EnumMap<Grade, Action> transfer = new EnumMap<>(Grade.class);
        EnumMap<Grade, Action> notRectified = new EnumMap<>(Grade.class);
        for (Grade grade : Grade.values()) {
            put(notRectified, grade, rules, "result.notRectified.action." + grade);
            put(actions, grade, rules, "result.action." + grade);
            put(department, grade, rules, "result.department.action." + grade);
            put(transfer, grade, rules, "result.transfer.action." + grade);
        }
        BigDecimal below = null;
        BigDecimal cut = null;
        String low = value(rules, "result.lowExecution");
        if (low != null) {
            String[] parts = low.split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("result.lowExecution is rate:cut in percent such as 60:10 (below "
                        + "60 % execution, a further 10 % cut), got '" + low + "'");
            }
            below = percent("result.lowExecution", parts[0].trim());
            cut = percent("result.lowExecution", parts[1].trim());
        }
        String rawOffset = value(rules, "result.targetYearOffset");
        int offset = rawOffset == null ? 2 : Values.whole("result.targetYearOffset", rawOffset, "years");
        return new ResultPolicy(version, actions, below, cut, offset, department, transfer, notRectified);
    }

    private static void put(EnumMap<Grade, Action> actions, Grade grade, Map<String, String> rules, String key) {
        String raw = value(rules, key);
        if (raw != null) {
            actions.put(grade, action(key, raw));
        }
    }

    private static Action action(String key, String raw) {
        if (raw.startsWith("CUT:")) {
            BigDecimal p = percent(key, raw.substring(4).trim());
            if (p.signum() == 0) {
                throw new IllegalArgumentException(key + ": a cut of 0 % is KEEP");
            }
            return new Action(Kind.CUT, p);
        }
        return switch (raw) {
            case "PRIORITY" -> new Action(Kind.PRIORITY, BigDecimal.ZERO);
            case "KEEP" -> new Action(Kind.KEEP, BigDecimal.ZERO);
            case "CANCEL" -> new Action(Kind.CANCEL, BigDecimal.valueOf(100));
            default -> throw new IllegalArgumentException(key + " is PRIORITY, KEEP, CUT:<percent> or CANCEL, got '"
                    + raw + "'");
        };
    }
}
