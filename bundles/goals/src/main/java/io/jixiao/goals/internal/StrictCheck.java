package io.jixiao.goals.internal;

import io.jixiao.api.goal.GateMode;
import io.jixiao.api.goal.RuleViolation;
import io.jixiao.api.rectification.RectificationCase;
import io.jixiao.api.rectification.RectificationRules;
import java.time.LocalDate;
import java.util.List;

/**
 * What strict control 从严控制 asks of a gate: a unit with a case keeping it under strict control gets no new
 * project admitted, and a project under it no next-year line, while the region's strict-control mode enforces
 * (reported only in WARN mode). The reason names the case and the article. A pure function.
 */
final class StrictCheck {
    static final String CODE = "STRICT_CONTROL";

    private StrictCheck() {
    }

    /**
     * @param field the request field the reason points at ({@code AGENCY_CODE} at admission, {@code PRO_CODE} at
     *        compilation)
     * @param strict the cases keeping the unit or project under strict control, oldest first
     * @param rules the rectification rules in force
     * @return the reason, or none when there is no such case or the mode is OFF
     */
    static List<RuleViolation> reasons(String field, List<RectificationCase> strict, RectificationRules rules,
            LocalDate today) {
        if (strict.isEmpty() || rules.strictModeOn(today) == GateMode.OFF) {
            return List.of();
        }
        RectificationCase c = strict.get(0);
        String whose = field.equals("AGENCY_CODE") ? "单位 " + c.agencyCode() : "项目 " + c.proCode();
        String ids = strict.stream().map(x -> String.valueOf(x.id())).reduce((a, b) -> a + ", " + b).orElse("");
        return List.of(new RuleViolation(CODE, field,
                whose + " 处于从严控制：整改事项 " + ids + " " + (c.status().closed() ? "整改不到位" : "逾期未整改")
                        + "，整改销号前从严控制预算安排",
                (field.equals("AGENCY_CODE") ? "unit " + c.agencyCode() : "project " + c.proCode())
                        + " is under strict control through rectification case(s) " + ids + " (" + c.status()
                        + ") until a case on it is closed RECTIFIED",
                rules.article()));
    }

    /** @return whether the reasons block where strict control enforces */
    static boolean blocks(List<RuleViolation> strictReasons, RectificationRules rules, LocalDate today) {
        return !strictReasons.isEmpty() && rules.strictModeOn(today) == GateMode.ENFORCE;
    }
}
