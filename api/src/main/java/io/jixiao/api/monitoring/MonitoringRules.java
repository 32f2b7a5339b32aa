package io.jixiao.api.monitoring;

import io.jixiao.api.goal.GateMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The monitoring rules in force for a region and year: the {@code monitoring.*} keys of its rule sets, inheritance
 * applied (docs/monitoring.md lists them). The rule sets are the goal rule sets (docs/rules.md): one file or API
 * change per region holds both.
 *
 * @param version the rule sets that made them, e.g. {@code 654300000/2018#1 < national/2019#1}
 * @param mode OFF: lights only; WARN: lights and consequences reported, no hold placed; ENFORCE: holds placed
 * @param enforceFrom from this day the rules enforce whatever the mode, or {@code null}
 * @param rounds the scheduled rounds of a year, in order
 * @param gaps for BLUE, YELLOW and RED, the points by which execution may trail time progress before the light
 *        turns that colour (strictly more than the threshold)
 * @param levels the level each finding other than the execution gap raises
 * @param consequences what each level entails
 * @param departments whether rounds also judge each department's execution as a whole (整体监控, Yunxi)
 * @param exemptEconomicClasses prefixes of economic classifications ({@code GOV_BGT_ECO_CODE}) whose payments the
 *        guard never holds, like basic expenditure (salaries, basic livelihood)
 */
public record MonitoringRules(String version, GateMode mode, LocalDate enforceFrom, List<RoundSchedule> rounds,
        Map<AlertLevel, BigDecimal> gaps, Map<Finding, AlertLevel> levels,
        Map<AlertLevel, Set<Consequence>> consequences, boolean departments, List<String> exemptEconomicClasses) {
    /** The prefix of every monitoring rule key. */
    public static final String PREFIX = "monitoring.";
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

    public MonitoringRules {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(mode, "mode");
        rounds = List.copyOf(rounds);
        gaps = Collections.unmodifiableMap(new EnumMap<>(gaps));
        levels = Collections.unmodifiableMap(new EnumMap<>(levels));
        EnumMap<AlertLevel, Set<Consequence>> c = new EnumMap<>(AlertLevel.class);
        for (AlertLevel level : AlertLevel.values()) {
            Set<Consequence> set = consequences.get(level);
            c.put(level, set == null || set.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(set)));
        }
        consequences = Collections.unmodifiableMap(c);
        exemptEconomicClasses = exemptEconomicClasses == null ? List.of() : List.copyOf(exemptEconomicClasses);
    }

    /**
     * @param ecoCode a payment's economic classification, or {@code null}
     * @return whether the region exempts it from holds
     */
    public boolean exempt(String ecoCode) {
        if (ecoCode == null) {
            return false;
        }
        for (String prefix : exemptEconomicClasses) {
            if (ecoCode.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the monitoring keys of a region's rules (other keys are ignored).
     *
     * @param version the version of the rules
     * @param rules rule keys and values, inheritance applied
     * @return the monitoring rules; absent keys take no threshold, no level, no consequence
     * @throws IllegalArgumentException naming the key of a value that cannot be used
     */
    public static MonitoringRules parse(String version, Map<String, String> rules) {
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
        String rawDepartments = value(rules, "monitoring.departments");
        boolean departments = false;
        if (rawDepartments != null) {
            if (!rawDepartments.equals("true") && !rawDepartments.equals("false")) {
                throw new IllegalArgumentException("monitoring.departments must be true or false, got '"
                        + rawDepartments + "'");
            }
            departments = Boolean.parseBoolean(rawDepartments);
        }
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
        return new MonitoringRules(version, mode, enforceFrom, rounds, gaps, levels, consequences, departments,
                exempt);
    }

    /**
     * @param today the day of the decision (China time)
     * @return the mode in force that day: ENFORCE from {@link #enforceFrom()} on
     */
    public GateMode modeOn(LocalDate today) {
        return enforceFrom != null && !today.isBefore(enforceFrom) ? GateMode.ENFORCE : mode;
    }

    /**
     * @param gap time progress minus execution rate, in points
     * @return the level the gap alone raises
     */
    public AlertLevel levelOfGap(BigDecimal gap) {
        AlertLevel result = AlertLevel.GREEN;
        for (AlertLevel level : List.of(AlertLevel.BLUE, AlertLevel.YELLOW, AlertLevel.RED)) {
            BigDecimal threshold = gaps.get(level);
            if (threshold != null && gap.compareTo(threshold) > 0) {
                result = level;
            }
        }
        return result;
    }

    /**
     * @param finding a finding other than the execution gap
     * @return the level it raises, GREEN if the region sets none
     */
    public AlertLevel levelOf(Finding finding) {
        return levels.getOrDefault(finding, AlertLevel.GREEN);
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

    private static <E extends Enum<E>> E constant(Class<E> type, String key, String raw) {
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " names no " + type.getSimpleName() + " '" + raw + "' (one of "
                    + List.of(type.getEnumConstants()) + ")");
        }
    }

    private static String value(Map<String, String> rules, String key) {
        String raw = rules.get(key);
        return raw == null || raw.isBlank() ? null : raw.trim();
    }
}
