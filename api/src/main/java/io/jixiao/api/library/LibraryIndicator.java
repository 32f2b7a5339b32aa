package io.jixiao.api.library;

import io.jixiao.api.goal.ComputeSign;
import io.jixiao.api.goal.Level1;
import io.jixiao.api.goal.Level2;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Violations;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * One indicator of a region's library, as its keeper declares it.
 *
 * @param mofDivCode the region whose library holds it
 * @param code its code 指标编码, unique in the region's library
 * @param kind common (finance) or industry core (a department)
 * @param agencyCode the department keeping an industry indicator; {@code null} for a common one
 * @param level2 its level-2 category (the level-1 follows)
 * @param name the level-3 indicator 三级指标 ({@code KPI_CONTENT})
 * @param functionalClass the functional classification 支出功能分类 it serves, 3 to 7 digits (e.g. {@code 205}
 *        education, {@code 20502} general education), or {@code ""} for every class
 * @param sign the comparator ({@code COMPUTESIGN})
 * @param unit the unit ({@code METERUNIT}), may be empty
 * @param target a suggested target value ({@code KPI_VAL}), may be empty
 * @param scoring the scoring formula or standard 评分标准 ({@code KPI_EVALSTD}), may be empty
 * @param validFrom first day it is offered
 * @param validTo last day it is offered, or {@code null}
 * @throws io.jixiao.api.model.InvalidInputException naming every field that breaks a rule
 */
public record LibraryIndicator(MofDivCode mofDivCode, String code, IndicatorKind kind, AgencyCode agencyCode,
        Level2 level2, String name, String functionalClass, ComputeSign sign, String unit, String target,
        String scoring, LocalDate validFrom, LocalDate validTo) {
    /** Field names, as in the API and the spreadsheet layout. */
    public static final String CODE = "IND_CODE";
    private static final Pattern CODE_PATTERN = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._\\-]{0,39}");
    private static final Pattern FUNCTIONAL = Pattern.compile("|[0-9]{3,7}");

    public LibraryIndicator {
        Violations v = new Violations();
        if (mofDivCode == null) {
            v.add(MofDivCode.FIELD, "required", "is required");
        }
        if (code == null || !CODE_PATTERN.matcher(code).matches()) {
            v.add(CODE, "pattern", "1 to 40 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (kind == null) {
            v.add("KIND", "required", "COMMON (共性指标) or INDUSTRY (行业核心指标)");
        } else if (kind == IndicatorKind.INDUSTRY && agencyCode == null) {
            v.add(AgencyCode.FIELD, "required", "an industry indicator names its department");
        } else if (kind == IndicatorKind.COMMON && agencyCode != null) {
            v.add(AgencyCode.FIELD, "absent", "a common indicator belongs to no department");
        }
        if (level2 == null) {
            v.add("KPI_LV2", "required", "a level-2 category");
        }
        name = name == null ? null : name.strip();
        text(v, "KPI_CONTENT", name, 200, true);
        functionalClass = functionalClass == null ? "" : functionalClass.strip();
        if (!FUNCTIONAL.matcher(functionalClass).matches()) {
            v.add("FUNC_CLASS", "pattern", "3 to 7 digits of the functional classification, or empty");
        }
        if (sign == null) {
            v.add(ComputeSign.FIELD, "required", "1 to 6");
        }
        unit = unit == null ? "" : unit.strip();
        text(v, "METERUNIT", unit, 40, false);
        target = target == null ? "" : target.strip();
        text(v, "KPI_VAL", target, 100, false);
        scoring = scoring == null ? "" : scoring.strip();
        text(v, "KPI_EVALSTD", scoring, 1000, false);
        if (validFrom == null) {
            v.add("VALID_FROM", "required", "the first day it is offered");
        } else if (validTo != null && validTo.isBefore(validFrom)) {
            v.add("VALID_TO", "after-from", "not before VALID_FROM");
        }
        v.throwIfAny();
    }

    private static void text(Violations v, String field, String value, int max, boolean required) {
        if (value == null || required && value.isEmpty()) {
            if (required) {
                v.add(field, "required", "is required");
            }
        } else if (value.length() > max) {
            v.add(field, "length", "at most " + max + " characters");
        } else if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            v.add(field, "characters", "must not contain control characters");
        }
    }

    /** @return the level-1 category */
    public Level1 level1() {
        return level2.level1();
    }

    /**
     * @param day a day
     * @return whether the entry is offered that day
     */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /**
     * Builds a library indicator from the fields of a remote request, in the platform's element names
     * ({@code MOF_DIV_CODE}, {@code IND_CODE}, {@code KIND}, {@code AGENCY_CODE}, {@code KPI_LV1}, {@code KPI_LV2},
     * {@code KPI_CONTENT}, {@code FUNC_CLASS}, {@code COMPUTESIGN}, {@code METERUNIT}, {@code KPI_VAL},
     * {@code KPI_EVALSTD}, {@code VALID_FROM}, {@code VALID_TO}); the dates come parsed, each contract having its
     * own date syntax. When a field breaks a rule, this record's own checks run too, so that one answer names every
     * broken rule.
     *
     * @param v collects every broken rule
     * @param answeredFieldsSet whether the request set what only answers carry ({@code STATUS}, {@code REVISION},
     *        {@code CHANGED_BY}, {@code CHANGED_AT})
     * @param level1 the level-1 category, optional, must match {@code level2}'s
     * @return the indicator, or {@code null} if a rule was broken
     * @since 1.1.0
     */
    public static LibraryIndicator from(Violations v, boolean answeredFieldsSet, String mofDivCode, String code,
            String kind, String agencyCode, String level1, String level2, String name, String functionalClass,
            Integer sign, String unit, String target, String scoring, LocalDate validFrom, LocalDate validTo) {
        int before = v.count();
        if (answeredFieldsSet) {
            v.add("STATUS", "read-only", "STATUS, REVISION, CHANGED_BY and CHANGED_AT are answered, not set");
        }
        MofDivCode region = v.check(() -> MofDivCode.of(mofDivCode));
        IndicatorKind k = v.oneOf("KIND", kind, IndicatorKind.class);
        AgencyCode agency = v.optional(agencyCode, AgencyCode::of);
        Level2 l2 = v.oneOf("KPI_LV2", level2, Level2.class);
        if (level1 != null && l2 != null && !level1.equals(l2.level1().name())) {
            v.add("KPI_LV1", "matches-level2", "KPI_LV2 " + l2 + " is under " + l2.level1());
        }
        ComputeSign s = sign == null ? null : v.check(() -> ComputeSign.of(sign));
        if (v.count() > before) {
            v.check(() -> new LibraryIndicator(region, code, k, agency, l2, name, functionalClass, s, unit, target,
                    scoring, validFrom, validTo));
            return null;
        }
        return v.check(() -> new LibraryIndicator(region, code, k, agency, l2, name, functionalClass, s, unit, target,
                scoring, validFrom, validTo));
    }
}
