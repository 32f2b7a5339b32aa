package io.jixiao.monitoring.internal;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Role;
import io.jixiao.api.monitoring.Alert;
import io.jixiao.api.monitoring.AlertStatus;
import io.jixiao.api.monitoring.Consequence;
import io.jixiao.api.monitoring.Finding;
import io.jixiao.api.rectification.CaseOrigin;
import io.jixiao.api.rectification.CaseStatus;
import io.jixiao.api.rectification.CaseSubject;
import io.jixiao.api.rectification.Problem;
import io.jixiao.api.rectification.RectificationCase;
import io.jixiao.api.rectification.RectificationRules;
import io.jixiao.store.RectificationRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Opens a rectification case for every alert whose level entails RECTIFY under the region's rules
 * ({@code monitoring.consequence.<LEVEL>}), with a problem per finding, in the round's name; opening again is
 * harmless (a case per alert), so a resumed or taken-over round opens what its predecessor left out.
 */
final class AlertCases {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final RectificationRepository cases;
    private final BiFunction<MofDivCode, FiscalYear, RectificationRules> rules;
    private final Clock clock;

    AlertCases(RectificationRepository cases, BiFunction<MofDivCode, FiscalYear, RectificationRules> rules,
            Clock clock) {
        this.cases = cases;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * @param alerts a page's stored results
     * @param starter who started the round
     * @return how many cases were opened now
     */
    int open(List<Alert> alerts, Actor starter) {
        List<Alert> rectify = alerts.stream().filter(a -> a.status() == AlertStatus.OPEN
                && a.consequences().contains(Consequence.RECTIFY)).toList();
        if (rectify.isEmpty()) {
            return 0;
        }
        Alert first = rectify.get(0);
        RectificationRules in = rules.apply(first.mofDivCode(), first.fiscalYear());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate deadline = in.deadline(CaseOrigin.ALERT, LocalDate.ofInstant(now, CHINA));
        List<RectificationRepository.Opening> openings = new ArrayList<>();
        java.util.Iterator<Long> ids = cases.nextCaseIds(rectify.size()).iterator();
        for (Alert a : rectify) {
            long id = ids.next();
            AgencyCode agency = a.department() ? AgencyCode.of(a.deptCode()) : a.agencyCode();
            RectificationCase c = new RectificationCase(id, CaseOrigin.ALERT, String.valueOf(a.id()), a.mofDivCode(),
                    a.fiscalYear(), a.department() ? CaseSubject.DEPARTMENT : CaseSubject.PROJECT, agency,
                    a.proCode(), a.deptCode(), null, Role.FINANCE, problems(a), null, deadline, CaseStatus.OPEN, null,
                    null, null, null, starter.callerSystem() + "/" + starter.operator(), now, null, in.version());
            openings.add(RectificationRepository.Opening.of(c, starter,
                    "monitoring alert " + a.id() + " (" + a.level() + ") requires rectification",
                    "origin=ALERT:" + a.id() + ";round=" + a.roundId() + ";deadline=" + deadline + ";rules="
                            + in.version()));
        }
        return cases.open(openings).size();
    }

    /** One problem per finding, in the words finance staff use. */
    static List<Problem> problems(Alert a) {
        List<Problem> problems = new ArrayList<>();
        for (Finding f : a.findings()) {
            problems.add(new Problem(switch (f) {
                case EXECUTION_GAP -> "预算执行进度滞后：截至监控时点执行率 " + a.executionRate().toPlainString()
                        + "%，时间进度 " + a.timeProgress().toPlainString() + "%（" + a.level() + "）";
                case DEVIATING -> "绩效目标执行偏离，预计可完成：请说明偏差原因并采取纠偏措施";
                case CANNOT_COMPLETE -> "绩效目标预计无法完成：请说明原因并提出整改措施";
                case REPORT_OVERDUE -> "未按时报送绩效监控情况";
                case OVER_ESTIMATE -> "项目投资超过批准概算";
            }, null));
        }
        if (problems.isEmpty()) {
            problems.add(new Problem("绩效监控发现问题（" + a.level() + "）", null));
        }
        return problems;
    }
}
