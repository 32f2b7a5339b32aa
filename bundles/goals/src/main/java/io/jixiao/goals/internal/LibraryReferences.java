package io.jixiao.goals.internal;

import io.jixiao.api.goal.Goal;
import io.jixiao.api.goal.Indicator;
import io.jixiao.api.goal.RuleViolation;
import io.jixiao.api.library.EntryStatus;
import io.jixiao.api.library.LibraryEntry;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.store.LibraryRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A goal's indicators that name a library entry ({@code LIBRARY_ID}) must name one that exists in the region's
 * library or a library of a region above it, is offered (active, within its validity), and has the indicator's
 * level-2 category.
 */
final class LibraryReferences {
    static final String SOURCE = "指标库 (docs/indicator-library.md): 绩效目标引用的指标须为指标库中在用的指标";

    private final LibraryRepository library;
    private final Function<MofDivCode, Optional<MofDivCode>> parentOf;

    /**
     * @param library the libraries
     * @param parentOf the configured region hierarchy
     */
    LibraryReferences(LibraryRepository library, Function<MofDivCode, Optional<MofDivCode>> parentOf) {
        this.library = library;
        this.parentOf = parentOf;
    }

    /**
     * @param goal the goal
     * @param region the project's region
     * @param today the day of the check
     * @return every reference that breaks the rule
     */
    List<RuleViolation> check(Goal goal, MofDivCode region, LocalDate today) {
        Set<String> codes = new LinkedHashSet<>();
        goal.indicators().forEach(k -> {
            if (k.libraryId() != null && !k.libraryId().isBlank()) {
                codes.add(k.libraryId());
            }
        });
        if (codes.isEmpty()) {
            return List.of();
        }
        Map<String, LibraryEntry> found = new HashMap<>();
        Set<String> missing = new LinkedHashSet<>(codes);
        Set<MofDivCode> seen = new LinkedHashSet<>();
        for (Optional<MofDivCode> at = Optional.of(region); at.isPresent() && !missing.isEmpty() && seen.add(at.get());
                at = parentOf.apply(at.get())) {
            library.findAll(at.get(), missing).forEach(found::putIfAbsent);
            missing.removeAll(found.keySet());
        }
        List<RuleViolation> out = new ArrayList<>();
        List<Indicator> indicators = goal.indicators();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator k = indicators.get(i);
            if (k.libraryId() == null || k.libraryId().isBlank()) {
                continue;
            }
            String field = "INDICATORS[" + i + "].LIBRARY_ID";
            LibraryEntry entry = found.get(k.libraryId());
            if (entry == null) {
                out.add(new RuleViolation("LIBRARY_INDICATOR_UNKNOWN", field, "指标库中没有编码为 " + k.libraryId()
                        + " 的指标", "the library of " + region + " has no indicator " + k.libraryId(), SOURCE));
            } else if (entry.status() == EntryStatus.RETIRED || !entry.indicator().validOn(today)) {
                out.add(new RuleViolation("LIBRARY_INDICATOR_RETIRED", field, "指标库指标 " + k.libraryId()
                        + " 已停用或不在有效期内", "library indicator " + k.libraryId() + " is retired or not valid on "
                                + today, SOURCE));
            } else if (entry.indicator().level2() != k.level2()) {
                out.add(new RuleViolation("LIBRARY_INDICATOR_CATEGORY", field, "指标库指标 " + k.libraryId() + " 属于"
                        + entry.indicator().level2().chinese() + ",与所填二级指标不符", "library indicator "
                        + k.libraryId() + " is a " + entry.indicator().level2() + " indicator, not " + k.level2(),
                        SOURCE));
            }
        }
        return out;
    }
}
