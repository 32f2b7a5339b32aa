package io.jixiao.rules.internal;

import static io.jixiao.rules.internal.Values.constant;
import static io.jixiao.rules.internal.Values.value;

import io.jixiao.api.evaluation.Grade;
import io.jixiao.api.goal.GateMode;
import io.jixiao.api.rectification.CaseOrigin;
import io.jixiao.api.rectification.RectificationRules;
import io.jixiao.api.service.HoldKind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code rectification.*} keys (docs/rectification.md). */
public final class RectificationRulesReader {
    /** The wording of a region that sets none (the national default's). */
    static final String TITLE = "绩效评价（监控）结果反馈及整改通知";
    static final String OPENING = "经绩效评价（监控），你单位存在以下问题：";
    static final String CLOSING = "请于{deadline}前完成整改，并将整改情况书面报送。不整改或整改不到位的，将按规定从严控制预算安排。";
    /** What strict control cites where the region names no article of its own. */
    static final String ARTICLE = "本地区预算绩效管理办法";
    private static final int MAX_WORDING = 500;

    /** Every rectification rule key (the {@code .<ORIGIN>} family spelled out). */
    public static final Set<String> KEYS;

    static {
        List<String> keys = new ArrayList<>(List.of("rectification.grades", "rectification.strictControl.mode",
                "rectification.strictControl.enforceFrom", "rectification.strictControl.hold",
                "rectification.strictControl.article", "rectification.letter.title", "rectification.letter.opening",
                "rectification.letter.closing"));
        for (CaseOrigin origin : CaseOrigin.values()) {
            keys.add("rectification.deadlineDays." + origin);
        }
        KEYS = Set.copyOf(keys);
    }

    private RectificationRulesReader() {
    }

    /**
     * Reads the rectification keys (other keys are ignored); absent keys take 60 days, grades 中 and 差, strict
     * control OFF without a hold, and the national wording.
     */
    public static RectificationRules read(String version, Map<String, String> rules) {
        Map<CaseOrigin, Integer> days = new EnumMap<>(CaseOrigin.class);
        for (CaseOrigin origin : CaseOrigin.values()) {
            String key = "rectification.deadlineDays." + origin;
            String raw = value(rules, key);
            if (raw != null) {
                int n = Values.whole(key, raw.strip(), "days");
                if (n < 1 || n > 3650) {
                    throw new IllegalArgumentException(key + " must be 1 to 3650 days, got " + n);
                }
                days.put(origin, n);
            }
        }
        Set<Grade> grades = EnumSet.of(Grade.FAIR, Grade.POOR);
        String rawGrades = value(rules, "rectification.grades");
        if (rawGrades != null) {
            grades = EnumSet.noneOf(Grade.class);
            for (String part : rawGrades.split(",")) {
                if (!part.isBlank()) {
                    grades.add(constant(Grade.class, "rectification.grades", part.strip()));
                }
            }
        }
        String rawMode = value(rules, "rectification.strictControl.mode");
        GateMode mode = rawMode == null ? GateMode.OFF
                : constant(GateMode.class, "rectification.strictControl.mode", rawMode.strip());
        LocalDate from = null;
        String rawFrom = value(rules, "rectification.strictControl.enforceFrom");
        if (rawFrom != null) {
            try {
                from = LocalDate.parse(rawFrom.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("rectification.strictControl.enforceFrom must be a date such as "
                        + "2026-07-01, got '" + rawFrom + "'");
            }
        }
        String rawHold = value(rules, "rectification.strictControl.hold");
        HoldKind hold = null;
        if (rawHold != null && !rawHold.strip().equals("NONE")) {
            hold = constant(HoldKind.class, "rectification.strictControl.hold", rawHold.strip());
        }
        return new RectificationRules(version, days, grades, mode, from, hold,
                wording(rules, "rectification.strictControl.article", ARTICLE),
                wording(rules, "rectification.letter.title", TITLE),
                wording(rules, "rectification.letter.opening", OPENING),
                wording(rules, "rectification.letter.closing", CLOSING));
    }

    private static String wording(Map<String, String> rules, String key, String fallback) {
        String raw = value(rules, key);
        if (raw == null) {
            return fallback;
        }
        String text = raw.strip();
        if (text.isEmpty() || text.length() > MAX_WORDING
                || text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException(key + " takes 1 to " + MAX_WORDING
                    + " characters without control characters");
        }
        return text;
    }
}
