package io.jixiao.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.api.goal.GateMode;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import io.jixiao.api.monitoring.Alert;
import io.jixiao.api.monitoring.AlertLevel;
import io.jixiao.api.monitoring.AlertPage;
import io.jixiao.api.monitoring.AlertStatus;
import io.jixiao.api.monitoring.Consequence;
import io.jixiao.api.monitoring.Finding;
import io.jixiao.api.monitoring.Forecast;
import io.jixiao.api.monitoring.IndicatorProgress;
import io.jixiao.api.monitoring.Round;
import io.jixiao.api.monitoring.RoundStatus;
import io.jixiao.api.monitoring.UnitReport;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.MonitoringRepository;
import io.jixiao.store.MonitoringRepository.RoundState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rounds are claimed by one node, results page by level and agency, reports replace each other. Every dialect. */
class MonitoringRepositoryTest extends EveryDialect {
    private static final Actor FINANCE = Actor.of("JIXIAO-UI", "li.finance", Role.FINANCE);
    private static final MofDivCode REGION = MofDivCode.of("654300000");
    private static final FiscalYear YEAR = FiscalYear.of(2026);

    private MonitoringRepository repo(TestDatabase db) {
        return new MyBatisMonitoring(Database.sessions(db.dataSource(), db.databaseId()));
    }

    private static RoundState queued(long id, LocalDate cutOff) {
        Round round = new Round(id, REGION, YEAR, cutOff, cutOff.plusMonths(1), true, RoundStatus.QUEUED,
                "654300000/2018#2 < national/2019#2", GateMode.ENFORCE, -1, 0, 0, Map.of(), 0, null, "li.finance",
                Instant.now(), null);
        return new RoundState(round, null, FINANCE, null, null);
    }

    private static AuditEntry audit(String action, long id) {
        return new AuditEntry(Instant.now(), action, REGION, "MONITORING_ROUND", String.valueOf(id), FINANCE, action,
                "");
    }

    private static Alert result(long roundId, String proCode, String agency, String dept, AlertLevel level,
            String budgeted, String paid) {
        return new Alert(0, roundId, REGION, YEAR, ProCode.of(proCode), AgencyCode.of(agency), dept,
                new BigDecimal(budgeted), new BigDecimal(paid), new BigDecimal("10.00"), new BigDecimal("58.08"),
                level == AlertLevel.GREEN ? Set.of() : EnumSet.of(Finding.EXECUTION_GAP), level,
                level == AlertLevel.RED ? EnumSet.of(Consequence.RECTIFY, Consequence.HOLD) : Set.of(),
                level == AlertLevel.RED, null, level == AlertLevel.GREEN ? AlertStatus.CLOSED : AlertStatus.OPEN, null,
                Instant.now());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aScheduledRoundIsStartedOnceAndClaimedByOneNode(TestDatabase db) {
        MonitoringRepository repo = repo(db);
        LocalDate cutOff = LocalDate.of(2026, 4, 30);
        long id = repo.nextRoundId();
        String key = REGION.value() + "/2026/" + cutOff + "/" + db;
        assertThat(repo.insertRound(queued(id, cutOff), key, audit("MONITORING_ROUND_STARTED", id))).isTrue();
        long other = repo.nextRoundId();
        assertThat(repo.insertRound(queued(other, cutOff), key, audit("MONITORING_ROUND_STARTED", other)))
                .as("a second node's insert of the same scheduled round").isFalse();
        assertThat(repo.round(other)).isEmpty();
        assertThat(repo.active(REGION, YEAR, cutOff)).isTrue();

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(repo.runnable(now.minusSeconds(60))).contains(id);
        assertThat(repo.claim(id, "node-a", now, now.minusSeconds(60))).isTrue();
        assertThat(repo.claim(id, "node-b", now, now.minusSeconds(60))).as("a live runner keeps it").isFalse();
        assertThat(repo.checkpoint(id, "node-a", "P-0100", 300, 100, 40,
                Map.of(AlertLevel.GREEN, 30L, AlertLevel.RED, 10L), 10, now)).isTrue();
        assertThat(repo.checkpoint(id, "node-b", "P-0200", 300, 200, 80, Map.of(), 0, now))
                .as("only the owner moves it on").isFalse();

        assertThat(repo.renew(id, "node-a", now.plusSeconds(10))).as("the runner renews its lease").isTrue();
        assertThat(repo.claim(id, "node-b", now.plusSeconds(30), now)).as("a renewed lease keeps it").isFalse();
        assertThat(repo.renew(id, "node-b", now)).as("only the owner renews").isFalse();

        // node-a dies: after its lease ran out node-b takes over from node-a's checkpoint
        assertThat(repo.claim(id, "node-b", now.plusSeconds(120), now.plusSeconds(60))).isTrue();
        assertThat(repo.renew(id, "node-a", now.plusSeconds(121))).as("the old owner learns it lost").isFalse();
        RoundState taken = repo.round(id).orElseThrow();
        assertThat(taken.owner()).isEqualTo("node-b");
        assertThat(taken.cursor()).isEqualTo("P-0100");
        assertThat(taken.round().processed()).isEqualTo(100);
        assertThat(taken.round().counts()).containsEntry(AlertLevel.RED, 10L).containsEntry(AlertLevel.BLUE, 0L);
        assertThat(taken.starter()).isEqualTo(FINANCE);
        assertThat(repo.checkpoint(id, "node-a", "P-0200", 300, 200, 80, Map.of(), 0, now))
                .as("the old owner is out").isFalse();

        assertThat(repo.finish(id, "node-b", RoundStatus.COMPLETED, null, now, audit("MONITORING_ROUND_COMPLETED", id)))
                .isTrue();
        assertThat(repo.round(id).orElseThrow().round().status()).isEqualTo(RoundStatus.COMPLETED);
        assertThat(repo.active(REGION, YEAR, cutOff)).isFalse();
        assertThat(repo.changeStatus(id, EnumSet.of(RoundStatus.QUEUED, RoundStatus.RUNNING), RoundStatus.CANCELLED,
                now, audit("MONITORING_ROUND_CANCELLED", id))).as("a finished round is not cancelled").isFalse();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void resultsPageByLevelAndAgencyAndSumPerDepartment(TestDatabase db) {
        MonitoringRepository repo = repo(db);
        long id = repo.nextRoundId();
        repo.insertRound(queued(id, LocalDate.of(2026, 7, 31)), null, audit("MONITORING_ROUND_STARTED", id));
        List<Alert> written = new ArrayList<>();
        for (int i = 0; i < 1205; i++) {
            AlertLevel level = AlertLevel.values()[i % 4];
            written.add(result(id, "P-" + i, i % 2 == 0 ? "101001" : "101002", i % 2 == 0 ? "101" : "102", level,
                    "1000.00", "100.50"));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(repo.insertResults(id, "node-a", written)).as("a round this node does not run").isEmpty();
        assertThat(repo.claim(id, "node-a", now, now.minusSeconds(30))).isTrue();
        List<Alert> stored = repo.insertResults(id, "node-a", written.subList(0, 700)).orElseThrow();
        assertThat(stored).extracting(Alert::id).doesNotHaveDuplicates();
        // a takeover writes the same page again: what is stored is left out, without a unique-key failure
        assertThat(repo.claim(id, "node-b", now.plusSeconds(60), now.plusSeconds(30))).isTrue();
        assertThat(repo.insertResults(id, "node-a", written.subList(700, 1205))).as("the old owner").isEmpty();
        List<Alert> rest = repo.insertResults(id, "node-b", written).orElseThrow();
        assertThat(rest).hasSize(505).extracting(a -> a.proCode().value()).doesNotContainAnyElementsOf(
                stored.stream().map(a -> a.proCode().value()).toList());
        assertThat(repo.countResults(id)).isEqualTo(new MonitoringRepository.ResultCounts(1205, Map.of(
                AlertLevel.GREEN, 302L, AlertLevel.BLUE, 301L, AlertLevel.YELLOW, 301L, AlertLevel.RED, 301L)));

        List<Alert> red = new ArrayList<>();
        long after = 0;
        for (AlertPage page = repo.alerts(id, AlertLevel.RED, 0, 100, Set.of()); ;
                page = repo.alerts(id, AlertLevel.RED, after, 100, Set.of())) {
            red.addAll(page.alerts());
            if (page.next() == null) {
                break;
            }
            after = page.next();
        }
        assertThat(red).hasSize(301).allMatch(a -> a.level() == AlertLevel.RED && a.enforced()
                && a.consequences().equals(EnumSet.of(Consequence.RECTIFY, Consequence.HOLD)));
        assertThat(repo.alerts(id, AlertLevel.YELLOW, 0, 1000, Set.of("101002")).alerts())
                .hasSize(301).allMatch(a -> a.agencyCode().value().equals("101002"));

        Map<String, Alert> found = repo.results(id, false, List.of("P-3", "P-4", "P-nope"));
        assertThat(found).containsOnlyKeys("P-3", "P-4");
        assertThat(found.get("P-3").paid()).isEqualByComparingTo("100.50");

        Alert open = found.get("P-3");
        Alert rectified = open.withStatus(AlertStatus.RECTIFIED, "已整改");
        assertThat(repo.changeAlert(open, rectified, audit("MONITORING_ALERT_RECTIFIED", open.id()))).isTrue();
        assertThat(repo.changeAlert(open, rectified, audit("MONITORING_ALERT_RECTIFIED", open.id())))
                .as("a second change from the stale status").isFalse();
        assertThat(repo.alert(open.id()).orElseThrow().rectification()).isEqualTo("已整改");
        repo.linkHold(open.id(), 77);
        assertThat(repo.alert(open.id()).orElseThrow().holdId()).isEqualTo(77L);

        assertThat(repo.departmentTotals(id)).extracting(MonitoringRepository.DepartmentTotal::deptCode,
                t -> t.budgeted().toPlainString(), t -> t.paid().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("101", "603000.00", "60601.50"),
                        org.assertj.core.groups.Tuple.tuple("102", "602000.00", "60501.00"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLaterReportReplacesTheEarlierOne(TestDatabase db) {
        MonitoringRepository repo = repo(db);
        LocalDate cutOff = LocalDate.of(2026, 9, 30);
        ProCode project = ProCode.of("430603-2026-77");
        UnitReport first = new UnitReport(REGION, YEAR, cutOff, project, List.of(
                new IndicatorProgress("新建学校数", "1", Forecast.DEVIATING_CAN_COMPLETE, "施工延期", "增加班组"),
                new IndicatorProgress("家长满意度", "90%", Forecast.WILL_COMPLETE, "", "")), "wang.unit",
                Instant.now(), false);
        repo.saveReport(first, audit("MONITORING_REPORTED", 1));
        UnitReport second = new UnitReport(REGION, YEAR, cutOff, project, List.of(
                new IndicatorProgress("新建学校数", "1", Forecast.CANNOT_COMPLETE, "资金未到位", "申请调整预算")),
                "wang.unit", Instant.now(), true);
        repo.saveReport(second, audit("MONITORING_REPORTED", 2));

        UnitReport read = repo.report(REGION, YEAR, cutOff, project).orElseThrow();
        assertThat(read.indicators()).containsExactlyElementsOf(second.indicators());
        assertThat(read.late()).isTrue();
        assertThat(repo.reports(REGION, YEAR, cutOff, List.of(project, ProCode.of("430603-2026-78"))))
                .containsOnlyKeys(project)
                .containsEntry(project, new MonitoringRepository.ReportSummary(Forecast.CANNOT_COMPLETE, true));
        assertThat(repo.report(REGION, YEAR, cutOff.minusDays(1), project)).isEmpty();
    }
}
