package io.jixiao.goals.internal;

import io.jixiao.api.goal.BudgetKind;
import io.jixiao.api.goal.Gate;
import io.jixiao.api.goal.GateMode;
import io.jixiao.api.goal.GoalRules;
import io.jixiao.api.goal.GoalSubject;
import io.jixiao.api.goal.Level1;
import io.jixiao.api.goal.Level2;
import io.jixiao.api.goal.ProjectClass;
import io.jixiao.api.goal.ReviewStage;
import io.jixiao.api.goal.RuleSetView;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.rectification.RectificationRules;
import io.jixiao.rules.RuleReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The configured rule sets and how a region's rules are found: the region's own rule set for the year (the one
 * with the latest {@code fromYear} not after it), then its parent's, up the configured region hierarchy, then the
 * national default; a key set nearer the region wins. Immutable: a configuration change builds a new book.
 */
final class RuleBook {
    /** Every rule key a rule set may set; anything else in a rule set is refused as a typo. */
    static final Set<String> KEYS = Set.of("covers.budgets", "covers.classes", "covers.subjects", "indicators.min.RUNNING_GUARANTEE",
            "indicators.min.DEVELOPMENT", "indicators.quantitativeMinPercent", "indicators.requiredLevel1",
            "indicators.requiredLevel2", "indicators.pointsTotal", "exAnte.newRecurringFrom", "exAnte.newOneOffFrom",
            "exAnte.increasePercentFrom", "exAnte.keyFrom", "exAnte.dimensions", "review.newRecurringFrom",
            "review.newOneOffFrom", "review.stages", "gate.ADMISSION.mode", "gate.ADMISSION.enforceFrom", "gate.COMPILATION.mode",
            "gate.COMPILATION.enforceFrom", "gate.ADJUSTMENT.mode", "gate.ADJUSTMENT.enforceFrom");

    private final Map<String, List<RuleSet>> byRegion = new HashMap<>();
    private final Function<MofDivCode, Optional<MofDivCode>> parentOf;

    /**
     * @param rule a rule key (without its {@code source.} prefix)
     * @return whether a rule set may hold it: the goal rules' keys, monitoring's, scoring's, the evaluation kinds' and
     *         result application's
     */
    static boolean known(String rule) {
        return KEYS.contains(rule) || RuleReader.KEYS.contains(rule);
    }

    /**
     * @param sets the configured rule sets; one of them must be the national default
     * @param parentOf the configured region hierarchy
     * @throws IllegalArgumentException naming the rule set and key of a value that cannot be used
     */
    RuleBook(Collection<RuleSet> sets, Function<MofDivCode, Optional<MofDivCode>> parentOf) {
        this.parentOf = parentOf;
        for (RuleSet set : sets) {
            List<String> unknown = set.values().keySet().stream()
                    .filter(key -> !known(key.startsWith("source.") ? key.substring("source.".length()) : key))
                    .sorted().toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException(set.label() + ": unknown rule key" + (unknown.size() == 1 ? " "
                        : "s ") + String.join(", ", unknown));
            }
            byRegion.computeIfAbsent(set.region(), r -> new ArrayList<>()).add(set);
        }
        if (!byRegion.containsKey(RuleSet.NATIONAL)) {
            throw new IllegalArgumentException("no national default rule set (region = national)");
        }
        // parse every set once, so that a bad value fails the configuration, not a later decision
        for (RuleSet set : sets) {
            rules(List.of(set), set.label());
            RuleReader.check(set.label(), set.values());
        }
    }

    /**
     * @param region the fiscal region
     * @param year the budget year
     * @return the rules in force there and then
     */
    GoalRules rulesFor(MofDivCode region, FiscalYear year) {
        List<RuleSet> chain = chain(region, year);
        return rules(chain, label(chain));
    }

    /**
     * @return the rules in force for the region and year as keys and values, with their sources and the region's
     *         own rule set
     */
    RuleSetView view(MofDivCode region, FiscalYear year) {
        List<RuleSet> chain = chain(region, year);
        Map<String, String> rules = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        merged(chain).forEach((key, value) -> {
            if (!key.startsWith("source.")) {
                rules.put(key, value);
            }
        });
        GoalRules parsed = rules(chain, label(chain));
        rules.keySet().forEach(key -> sources.put(key, parsed.source(key)));
        Optional<RuleSet> own = own(region.value(), year.value());
        return new RuleSetView(label(chain), own.map(RuleSet::label).orElse(null), own.map(RuleSet::revision)
                .orElse(0), rules, sources);
    }

    /** @return the rectification rules (strict control) in force for the region and year */
    RectificationRules rectificationFor(MofDivCode region, FiscalYear year) {
        List<RuleSet> chain = chain(region, year);
        return RuleReader.rectification(label(chain), merged(chain));
    }

    /** @return the region's own rule set in force for that year (not inherited), if it has one */
    Optional<RuleSet> own(String region, int year) {
        return byRegion.getOrDefault(region, List.of()).stream().filter(s -> s.fromYear() <= year)
                .max(Comparator.comparingInt(RuleSet::fromYear).thenComparingInt(RuleSet::revision));
    }

    private List<RuleSet> chain(MofDivCode region, FiscalYear year) {
        List<RuleSet> chain = new ArrayList<>(); // nearest first
        Set<String> seen = new HashSet<>();
        for (Optional<MofDivCode> at = Optional.of(region); at.isPresent() && seen.add(at.get().value());
                at = parentOf.apply(at.get())) {
            own(at.get().value(), year.value()).ifPresent(chain::add);
        }
        own(RuleSet.NATIONAL, year.value()).ifPresent(chain::add);
        if (chain.isEmpty()) {
            throw new IllegalStateException("no rule set is in force for " + year + " (national default starts later)");
        }
        return chain;
    }

    private static String label(List<RuleSet> chain) {
        return String.join(" < ", chain.stream().map(RuleSet::label).toList());
    }

    /** The chain's keys, a key set nearer the region winning. */
    private static Map<String, String> merged(List<RuleSet> nearestFirst) {
        Map<String, String> v = new LinkedHashMap<>();
        for (int i = nearestFirst.size() - 1; i >= 0; i--) {
            v.putAll(nearestFirst.get(i).values());
        }
        return v;
    }

    private static GoalRules rules(List<RuleSet> nearestFirst, String version) {
        Map<String, String> v = merged(nearestFirst);
        Map<String, String> sources = new HashMap<>();
        v.forEach((key, value) -> {
            if (key.startsWith("source.")) {
                sources.put(key.substring("source.".length()), value);
            }
        });
        Map<ProjectClass, Integer> min = new EnumMap<>(ProjectClass.class);
        for (ProjectClass c : ProjectClass.values()) {
            String raw = v.get("indicators.min." + c.name());
            if (raw != null) {
                min.put(c, integer("indicators.min." + c.name(), raw, version));
            }
        }
        return new GoalRules(version,
                enums(v, "covers.budgets", BudgetKind.class, EnumSet.allOf(BudgetKind.class), version),
                enums(v, "covers.classes", ProjectClass.class, EnumSet.allOf(ProjectClass.class), version),
                enums(v, "covers.subjects", GoalSubject.class, EnumSet.of(GoalSubject.PROJECT), version),
                min, number(v, "indicators.quantitativeMinPercent", version),
                enums(v, "indicators.requiredLevel1", Level1.class, EnumSet.noneOf(Level1.class), version),
                enums(v, "indicators.requiredLevel2", Level2.class, EnumSet.noneOf(Level2.class), version),
                number(v, "indicators.pointsTotal", version), number(v, "exAnte.newRecurringFrom", version),
                number(v, "exAnte.newOneOffFrom", version), number(v, "exAnte.increasePercentFrom", version),
                number(v, "exAnte.keyFrom", version), list(v.get("exAnte.dimensions")),
                number(v, "review.newRecurringFrom", version), number(v, "review.newOneOffFrom", version),
                enums(v, "review.stages", ReviewStage.class, EnumSet.noneOf(ReviewStage.class), version),
                modes(v, version), dates(v, version), sources);
    }

    private static Map<Gate, GateMode> modes(Map<String, String> v, String version) {
        Map<Gate, GateMode> modes = new EnumMap<>(Gate.class);
        for (Gate gate : Gate.values()) {
            String key = "gate." + gate.name() + ".mode";
            Set<GateMode> mode = enums(v, key, GateMode.class, Set.of(), version);
            if (mode.size() > 1) {
                throw new IllegalArgumentException(version + ": " + key + " takes one of " + List.of(GateMode.values()));
            }
            mode.forEach(m -> modes.put(gate, m));
        }
        return modes;
    }

    private static Map<Gate, LocalDate> dates(Map<String, String> v, String version) {
        Map<Gate, LocalDate> dates = new EnumMap<>(Gate.class);
        for (Gate gate : Gate.values()) {
            String key = "gate." + gate.name() + ".enforceFrom";
            String raw = v.get(key);
            if (raw != null && !raw.isBlank()) {
                try {
                    dates.put(gate, LocalDate.parse(raw.strip()));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(version + ": " + key + " must be a date such as 2026-07-01, got '"
                            + raw + "'");
                }
            }
        }
        return dates;
    }

    private static List<String> list(String raw) {
        return raw == null || raw.isBlank() ? List.of()
                : Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static <E extends Enum<E>> Set<E> enums(Map<String, String> v, String key, Class<E> type, Set<E> absent,
            String version) {
        String raw = v.get(key);
        if (raw == null) {
            return absent;
        }
        Set<E> out = EnumSet.noneOf(type);
        for (String name : list(raw)) {
            try {
                out.add(Enum.valueOf(type, name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(version + ": " + key + " names no " + type.getSimpleName() + " '"
                        + name + "'; one of " + EnumSet.allOf(type));
            }
        }
        return out;
    }

    private static BigDecimal number(Map<String, String> v, String key, String version) {
        String raw = v.get(key);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(raw.strip());
            if (n.signum() < 0) {
                throw new IllegalArgumentException(version + ": " + key + " must not be negative, got " + raw);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(version + ": " + key + " must be a number, got '" + raw + "'");
        }
    }

    private static int integer(String key, String raw, String version) {
        try {
            int n = Integer.parseInt(raw.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(version + ": " + key + " must be a whole number ≥ 0, got '" + raw + "'");
        }
    }
}
