package io.jixiao.rules.internal;

import static io.jixiao.rules.internal.Values.constant;
import static io.jixiao.rules.internal.Values.points;
import static io.jixiao.rules.internal.Values.value;

import io.jixiao.api.goal.GateMode;
import io.jixiao.api.monitoring.AlertLevel;
import io.jixiao.api.monitoring.Consequence;
import io.jixiao.api.monitoring.Finding;
import io.jixiao.api.monitoring.MonitoringRules;
import io.jixiao.api.monitoring.RoundSchedule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code monitoring.*} keys (docs/monitoring.md). */
public final class MonitoringRulesReader {
    /** Every monitoring rule key (the {@code .<LEVEL>} and {@code .<FINDING>} families spelled out). */
    public static final Set<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(List.of("monitoring.mode", "monitoring.enforceFrom", "monitoring.rounds",
                "monitoring.departments", "monitoring.exemptEconomicClasses"));
        for (AlertLevel level : AlertLevel.values()) {
            if (level != AlertLevel.GREEN) {
                keys.add("monitoring.gap." + level);
            }
            keys.add("monitoring.consequence." + level);
        }
        for (Finding finding : Finding.values()) {
            if (finding != Finding.EXECUTION_GAP) {
                keys.add("monitoring.level." + finding);
            }
        }
        KEYS = Set.copyOf(keys);
    }

    private MonitoringRulesReader() {
    }

    /** Reads the monitoring keys (other keys are ignored); absent keys take no threshold, no level, no consequence. */
    public static MonitoringRules read(String version, Map<String, String> rules) {
        GateMode mode = GateMode.ENFORCE;
        String rawMode = value(rules, "monitoring.mode");
        if (rawMode != null) {
            mode = constant(GateMode.class, "monitoring.mode", rawMode);
        }
        LocalDate enforceFrom = null;
        String rawFrom = value(rules, "monitoring.enforceFrom");
        if (rawFrom != null) {
            try {
                enforceFrom = LocalDate.parse(rawFrom);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("monitoring.enforceFrom must be a date such as 2026-07-01, got '"
                        + rawFrom + "'");
            }
        }
        List<RoundSchedule> rounds = new ArrayList<>();
        String rawRounds = value(rules, "monitoring.rounds");
        if (rawRounds != null) {
            for (String part : rawRounds.split(",")) {
                rounds.add(schedule(part.trim()));
            }
            rounds.sort((a, b) -> a.cutOff().compareTo(b.cutOff()));
        }
        Map<AlertLevel, BigDecimal> gaps = new EnumMap<>(AlertLevel.class);
        Map<AlertLevel, Set<Consequence>> consequences = new EnumMap<>(AlertLevel.class);
        for (AlertLevel level : AlertLevel.values()) {
            String gapKey = "monitoring.gap." + level;
            String rawGap = value(rules, gapKey);
            if (rawGap != null && level != AlertLevel.GREEN) {
                gaps.put(level, points(gapKey, rawGap));
            }
            String consequenceKey = "monitoring.consequence." + level;
            String rawConsequences = value(rules, consequenceKey);
            if (rawConsequences != null) {
                Set<Consequence> set = EnumSet.noneOf(Consequence.class);
                for (String part : rawConsequences.split(",")) {
                    if (!part.isBlank()) {
                        set.add(constant(Consequence.class, consequenceKey, part.trim()));
                    }
                }
                if (set.contains(Consequence.HOLD) && set.contains(Consequence.STOP)) {
                    throw new IllegalArgumentException(consequenceKey + " names HOLD or STOP, not both");
                }
                consequences.put(level, set);
            }
        }
        BigDecimal previous = null;
        for (AlertLevel level : List.of(AlertLevel.BLUE, AlertLevel.YELLOW, AlertLevel.RED)) {
            BigDecimal gap = gaps.get(level);
            if (gap != null && previous != null && gap.compareTo(previous) < 0) {
                throw new IllegalArgumentException("monitoring.gap." + level + " (" + gap.toPlainString()
                        + ") must not be below the gap of a milder level (" + previous.toPlainString() + ")");
            }
            previous = gap == null ? previous : gap;
        }
        Map<Finding, AlertLevel> levels = new EnumMap<>(Finding.class);
        for (Finding finding : Finding.values()) {
            String key = "monitoring.level." + finding;
            String raw = value(rules, key);
            if (raw != null && finding != Finding.EXECUTION_GAP) {
                levels.put(finding, constant(AlertLevel.class, key, raw));
            }
        }
        Boolean departments = Values.flag("monitoring.departments", value(rules, "monitoring.departments"));
        List<String> exempt = new ArrayList<>();
        String rawExempt = value(rules, "monitoring.exemptEconomicClasses");
        if (rawExempt != null) {
            for (String part : rawExempt.split(",")) {
                String prefix = part.strip();
                if (!prefix.matches("[0-9]{3,10}")) {
                    throw new IllegalArgumentException("monitoring.exemptEconomicClasses takes economic class codes "
                            + "of 3 to 10 digits, got '" + prefix + "'");
                }
                exempt.add(prefix);
            }
        }
        return new MonitoringRules(version, mode, enforceFrom, rounds, gaps, levels, consequences,
                Boolean.TRUE.equals(departments), exempt);
    }

    private static RoundSchedule schedule(String text) {
        String[] parts = text.split(">");
        try {
            if (parts.length == 2) {
                return new RoundSchedule(MonthDay.parse("--" + parts[0].trim()), MonthDay.parse("--" + parts[1].trim()));
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("monitoring.rounds: '" + text + "' is not cut-off>due such as 07-31>08-31"
                    + (e instanceof DateTimeParseException ? "" : " (" + e.getMessage() + ")"));
        }
        throw new IllegalArgumentException("monitoring.rounds: '" + text + "' is not cut-off>due such as 07-31>08-31");
    }
}
