package io.jixiao.store.internal;

import io.jixiao.api.goal.GateMode;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.monitoring.Alert;
import io.jixiao.api.monitoring.AlertLevel;
import io.jixiao.api.monitoring.AlertStatus;
import io.jixiao.api.monitoring.Consequence;
import io.jixiao.api.monitoring.Finding;
import io.jixiao.api.monitoring.Round;
import io.jixiao.api.monitoring.RoundStatus;
import io.jixiao.store.MonitoringRepository.RoundState;
import io.jixiao.store.internal.mapper.ReportRow;
import io.jixiao.store.internal.mapper.ResultRow;
import io.jixiao.store.internal.mapper.RoundRow;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Monitoring rows to and from the domain's rounds, alerts and reports. */
final class MonitoringRows {
    private MonitoringRows() {
    }

    static ReportRow reportKey(MofDivCode mofDivCode, FiscalYear fiscalYear, LocalDate cutOff,
            ProCode proCode) {
        ReportRow key = new ReportRow();
        key.mofDivCode = mofDivCode.value();
        key.fiscalYear = fiscalYear.value();
        key.cutOff = cutOff;
        key.proCode = proCode.value();
        return key;
    }

    static RoundState state(RoundRow r) {
        Map<AlertLevel, Long> counts = new EnumMap<>(AlertLevel.class);
        counts.put(AlertLevel.GREEN, r.nGreen);
        counts.put(AlertLevel.BLUE, r.nBlue);
        counts.put(AlertLevel.YELLOW, r.nYellow);
        counts.put(AlertLevel.RED, r.nRed);
        Round round = new Round(r.roundId, MofDivCode.of(r.mofDivCode), FiscalYear.of(r.fiscalYear), r.cutOff, r.due,
                r.scheduled == 1, RoundStatus.valueOf(r.status), r.ruleVersion, GateMode.valueOf(r.mode), r.total,
                r.processed, r.projects, counts, r.holds, r.error, r.startedOperator, r.startedAt, r.finishedAt);
        return new RoundState(round, r.cursorToken, Rows.actor(r.startedCaller, r.startedOperator, r.startedRoles),
                r.owner, r.heartbeatAt);
    }

    static ResultRow row(Alert a) {
        ResultRow r = new ResultRow();
        r.resultId = a.id();
        r.roundId = a.roundId();
        r.isDept = a.department() ? 1 : 0;
        r.subjectCode = a.department() ? a.deptCode() : a.proCode().value();
        r.mofDivCode = a.mofDivCode().value();
        r.fiscalYear = a.fiscalYear().value();
        r.agencyCode = a.agencyCode() == null ? null : a.agencyCode().value();
        r.deptCode = a.deptCode();
        r.budgeted = a.budgeted();
        r.paid = a.paid();
        r.execRate = a.executionRate();
        r.timeProgress = a.timeProgress();
        r.findings = names(a.findings());
        r.alertLevel = a.level().name();
        r.levelRank = a.level().ordinal();
        r.consequences = names(a.consequences());
        r.enforced = a.enforced() ? 1 : 0;
        r.holdId = a.holdId();
        r.status = a.status().name();
        r.rectification = a.rectification();
        r.createdAt = a.createdAt();
        return r;
    }

    static Alert alert(ResultRow r) {
        boolean dept = r.isDept == 1;
        return new Alert(r.resultId, r.roundId, MofDivCode.of(r.mofDivCode), FiscalYear.of(r.fiscalYear),
                dept ? null : ProCode.of(r.subjectCode), r.agencyCode == null ? null : AgencyCode.of(r.agencyCode),
                r.deptCode, r.budgeted.setScale(2), r.paid.setScale(2), r.execRate.setScale(2),
                r.timeProgress.setScale(2), constants(r.findings, Finding.class), AlertLevel.valueOf(r.alertLevel),
                constants(r.consequences, Consequence.class), r.enforced == 1, r.holdId,
                AlertStatus.valueOf(r.status), r.rectification, r.createdAt);
    }

    static String names(Set<? extends Enum<?>> set) {
        return set.isEmpty() ? null : set.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static <E extends Enum<E>> Set<E> constants(String raw, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (raw != null) {
            Arrays.stream(raw.split(",")).filter(s -> !s.isBlank()).map(s -> Enum.valueOf(type, s.trim()))
                    .forEach(set::add);
        }
        return set;
    }
}
