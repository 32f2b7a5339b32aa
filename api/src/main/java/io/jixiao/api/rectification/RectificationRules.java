package io.jixiao.api.rectification;

import io.jixiao.api.evaluation.Grade;
import io.jixiao.api.goal.GateMode;
import io.jixiao.api.service.HoldKind;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rectification rules in force for a region and year: the {@code rectification.*} keys of its rule sets,
 * inheritance applied (docs/rectification.md lists them).
 *
 * @param version the rule sets that made them
 * @param deadlineDays for each origin, the days from opening to the deadline
 * @param grades the evaluation grades whose evaluation opens a case
 * @param strictMode OFF: strict control is not applied; WARN: the gates report it; ENFORCE: they block and the
 *        guard holds
 * @param strictFrom from this day strict control enforces whatever the mode, or {@code null}
 * @param strictHold the hold strict control places on a project's payments in ENFORCE mode, or {@code null} for none
 * @param article the seed article strict control cites, e.g. {@code 长治市 第三十二条}
 * @param letterTitle the feedback letter's title
 * @param letterOpening the letter's sentence before the problems
 * @param letterClosing the letter's sentence after them, where {@code {deadline}} stands for the deadline
 */
public record RectificationRules(String version, Map<CaseOrigin, Integer> deadlineDays, Set<Grade> grades,
        GateMode strictMode, LocalDate strictFrom, HoldKind strictHold, String article, String letterTitle,
        String letterOpening, String letterClosing) {
    public RectificationRules {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(strictMode, "strictMode");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(letterTitle, "letterTitle");
        Objects.requireNonNull(letterOpening, "letterOpening");
        Objects.requireNonNull(letterClosing, "letterClosing");
        deadlineDays = Collections.unmodifiableMap(deadlineDays.isEmpty() ? new EnumMap<>(CaseOrigin.class)
                : new EnumMap<>(deadlineDays));
        grades = grades.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(grades));
    }

    /**
     * @param origin what a case is opened from
     * @param openedOn the day it is opened (China time)
     * @return its deadline
     */
    public LocalDate deadline(CaseOrigin origin, LocalDate openedOn) {
        return openedOn.plusDays(deadlineDays.getOrDefault(origin, 60));
    }

    /**
     * @param today the day of the decision (China time)
     * @return the strict-control mode in force that day: ENFORCE from {@link #strictFrom()} on
     */
    public GateMode strictModeOn(LocalDate today) {
        return strictFrom != null && !today.isBefore(strictFrom) ? GateMode.ENFORCE : strictMode;
    }
}
