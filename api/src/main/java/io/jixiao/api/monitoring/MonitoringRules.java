package io.jixiao.api.monitoring;

import io.jixiao.api.goal.GateMode;
import java.math.BigDecimal;
import java.time.LocalDate;
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

}
