package io.jixiao.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.goal.ProjectClass;
import io.jixiao.api.goal.RuleSetView;
import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.BgtId;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Role;
import io.jixiao.api.model.Scope;
import io.jixiao.api.monitoring.Alert;
import io.jixiao.api.monitoring.AlertLevel;
import io.jixiao.api.monitoring.AlertStatus;
import io.jixiao.api.monitoring.Consequence;
import io.jixiao.api.monitoring.Finding;
import io.jixiao.api.monitoring.Forecast;
import io.jixiao.api.monitoring.IndicatorProgress;
import io.jixiao.api.monitoring.Round;
import io.jixiao.api.monitoring.RoundRequest;
import io.jixiao.api.monitoring.RoundStatus;
import io.jixiao.api.monitoring.UnitReport;
import io.jixiao.api.port.LedgerLine;
import io.jixiao.api.port.LedgerPage;
import io.jixiao.api.port.LedgerPort;
import io.jixiao.api.port.PortUnavailableException;
import io.jixiao.api.port.ProjectRecord;
import io.jixiao.api.rectification.CaseOrigin;
import io.jixiao.api.rectification.CaseStatus;
import io.jixiao.api.rectification.CaseStep;
import io.jixiao.api.rectification.Problem;
import io.jixiao.api.rectification.RectificationCase;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldStatus;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.guard.internal.Fixture;
import io.jixiao.guard.internal.HoldIndex;
import io.jixiao.guard.internal.HoldRegistry;
import io.jixiao.rectification.internal.Rectifications;
import io.jixiao.rules.RuleReader;
import io.jixiao.rules.RulesInForce;
import io.jixiao.store.internal.MyBatisMonitoring;
import io.jixiao.store.internal.Repositories;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rounds end to end below the adapters: a real store on H2, the real hold registry, and an in-memory host ledger
 * (the host is what tests mock).
 */
class RoundsTest {
    private static final MofDivCode REGION = Fixture.REGION;
    private static final FiscalYear YEAR = FiscalYear.of(2026);
    private static final LocalDate CUT_OFF = LocalDate.of(2026, 7, 31); // 212 of 365 days: 58.08 %
    private static final Actor FINANCE = Fixture.FINANCE;
    private static final Actor UNIT = new Actor("UNIT-PORTAL", "wang", Set.of(Role.UNIT),
            new Scope(Set.of(), Set.of("101001")));
    /** 08-05 in China: after the national due day of the 07-31 round */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-05T02:00:00Z"), ZoneOffset.UTC);

    private Repositories store;
    private MyBatisMonitoring repository;
    private HoldRegistry holds;
    private Map<String, String> rules;
    private final List<LedgerLine> ledger = new ArrayList<>();
    private final Map<ProCode, ProjectRecord> masterData = new HashMap<>();
    private IntFunction<RuntimeException> failOnCall = call -> null;
    private final AtomicInteger calls = new AtomicInteger();
    private Monitoring rounds;
    private LedgerPort port;

    @BeforeEach
    void setUp() {
        var sessions = Fixture.sessions();
        store = Repositories.over(sessions);
        repository = Repositories.over(sessions).monitoring();
        holds = new HoldRegistry(store.holds(), new HoldIndex(), CLOCK);
        rules = new HashMap<>(Map.of("monitoring.rounds", "07-31>08-31", "monitoring.gap.BLUE", "5",
                "monitoring.gap.YELLOW", "10", "monitoring.gap.RED", "20", "monitoring.level.CANNOT_COMPLETE",
                "YELLOW", "monitoring.level.DEVIATING", "BLUE", "monitoring.level.REPORT_OVERDUE", "BLUE",
                "monitoring.consequence.YELLOW", "RECTIFY", "monitoring.consequence.RED", "RECTIFY,HOLD"));
        port = (region, year, asOf, after, limit) -> {
            RuntimeException failure = failOnCall.apply(calls.incrementAndGet());
            if (failure != null) {
                throw failure;
            }
            int from = after == null ? 0 : Integer.parseInt(after);
            int to = Math.min(ledger.size(), from + limit);
            return new LedgerPage(ledger.subList(from, to), to < ledger.size() ? String.valueOf(to) : null,
                    ledger.size());
        };
        rounds = rounds("node-a", holds, CLOCK, Duration.ofMinutes(5));
    }

    /** A node's rounds over the shared store, ledger and master data, two ledger lines a page. */
    private Monitoring rounds(String node, io.jixiao.api.service.HoldService holdService, Clock clock, Duration lease) {
        RulesInForce inForce = new RulesInForce((region, year) -> new RuleSetView("test#1", "test", 1, rules,
                Map.of()));
        return new Monitoring(repository, store.goals(), holdService, inForce, store.rectification(),
                new Rectifications(store.rectification(), repository, store.audit(), holdService,
                        inForce::rectification, clock),
                () -> port, () -> (region, year, codes) -> {
                    Map<ProCode, ProjectRecord> found = new HashMap<>();
                    codes.forEach(c -> {
                        if (masterData.containsKey(c)) {
                            found.put(c, masterData.get(c));
                        }
                    });
                    return found;
                }, clock, node, 2, lease);
    }

    @AfterEach
    void tearDown() {
        rounds.close();
    }

    private void line(String project, String bgt, ExpenditureKind kind, String budgeted, String paid) {
        ledger.add(new LedgerLine(ProCode.of(project), BgtId.of(bgt), AgencyCode.of("101001"), kind,
                new BigDecimal(budgeted), new BigDecimal(paid)));
    }

    /** P1 green (60 %), P2 blue (50 %), P3 yellow (40 %), P4 red (10 %, two lines across a page), P5 basic only. */
    private void fourProjects() {
        line("P1", "B1", ExpenditureKind.PROJECT, "1000.00", "600.00");
        line("P2", "B2", ExpenditureKind.PROJECT, "1000.00", "500.00");
        line("P3", "B3", ExpenditureKind.PROJECT, "1000.00", "400.00");
        line("P4", "B4a", ExpenditureKind.PROJECT, "500.00", "50.00");
        line("P4", "B4b", ExpenditureKind.PROJECT, "500.00", "50.00");
        line("P4", "B4c", ExpenditureKind.BASIC, "9000.00", "0.00");
        line("P5", "B5", ExpenditureKind.BASIC, "1000.00", "0.00");
    }

    /** Waits for the worker thread (which the start or resume kicked) to leave the round. */
    private Round run(Round round) {
        long until = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < until) {
            Round now = rounds.round(round.id(), FINANCE).orElseThrow();
            if (now.status().finished()) {
                return now;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("round " + round.id() + " did not finish");
    }

    private Map<String, Alert> results(Round round) {
        Map<String, Alert> byCode = new HashMap<>();
        rounds.alerts(round.id(), AlertLevel.GREEN, 0, 1000, FINANCE).alerts()
                .forEach(a -> byCode.put(a.department() ? "dept:" + a.deptCode() : a.proCode().value(), a));
        return byCode;
    }

    @Test
    void aRoundColoursEachProjectByItsGapAndHoldsTheRedOnes() {
        fourProjects();
        approvedGoal("P1");
        Round round = run(rounds.start(new RoundRequest(REGION, YEAR, CUT_OFF, null), FINANCE));

        assertThat(round.status()).isEqualTo(RoundStatus.COMPLETED);
        assertThat(round.due()).as("the schedule with that cut-off").isEqualTo(LocalDate.of(2026, 8, 31));
        assertThat(round.percent()).isEqualTo(100);
        assertThat(round.processed()).isEqualTo(7);
        assertThat(round.projects()).as("P5 is basic expenditure only").isEqualTo(4);
        assertThat(round.holds()).isEqualTo(1);
        Map<String, Alert> results = results(round);
        assertThat(results).containsOnlyKeys("P1", "P2", "P3", "P4");
        // no report is in and the due day has passed: REPORT_OVERDUE raises P1, whose goal is in force, to BLUE
        assertThat(results.get("P1").level()).isEqualTo(AlertLevel.BLUE);
        assertThat(results.get("P1").findings()).containsExactly(Finding.REPORT_OVERDUE);
        // P2 has no approved goal: there is nothing its unit could report on (the report is refused), so no finding
        assertThat(results.get("P2").level()).isEqualTo(AlertLevel.BLUE);
        assertThat(results.get("P2").findings()).containsExactly(Finding.EXECUTION_GAP);
        assertThat(results.get("P3").findings()).doesNotContain(Finding.REPORT_OVERDUE);
        assertThat(results.get("P3").level()).isEqualTo(AlertLevel.YELLOW);
        assertThat(results.get("P3").status()).isEqualTo(AlertStatus.OPEN);
        Alert red = results.get("P4");
        assertThat(red.level()).isEqualTo(AlertLevel.RED);
        assertThat(red.budgeted()).as("basic lines do not count").isEqualByComparingTo("1000.00");
        assertThat(red.executionRate()).isEqualByComparingTo("10.00");
        assertThat(red.timeProgress()).isEqualByComparingTo("58.08");
        assertThat(red.consequences()).containsExactlyInAnyOrder(Consequence.RECTIFY, Consequence.HOLD);
        assertThat(red.enforced()).isTrue();
        Hold hold = holds.find(red.holdId()).orElseThrow();
        assertThat(hold.target()).isEqualTo(HoldTarget.project(REGION, ProCode.of("P4")));
        assertThat(hold.kind()).isEqualTo(HoldKind.SUSPEND);
        assertThat(hold.reason().text()).startsWith("monitoring round " + round.id()).contains("RED", "10.00%");
        assertThat(holds.activeHolds(HoldTarget.project(REGION, ProCode.of("P3")))).isEmpty();
        assertThat(round.counts()).containsEntry(AlertLevel.BLUE, 2L).containsEntry(AlertLevel.YELLOW, 1L)
                .containsEntry(AlertLevel.RED, 1L).containsEntry(AlertLevel.GREEN, 0L);
        assertThat(audit("MONITORING_ROUND_COMPLETED")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("red=1", "holds=1"));

        // a second round finds P4 held by the first and points at the same hold
        Round again = run(rounds.start(new RoundRequest(REGION, YEAR, CUT_OFF, null), FINANCE));
        assertThat(again.holds()).isZero();
        assertThat(results(again).get("P4").holdId()).isEqualTo(red.holdId());
        assertThat(holds.activeHolds(HoldTarget.project(REGION, ProCode.of("P4")))).hasSize(1);
    }

    @Test
    void aRoundThatFailsResumesWhereItStoppedWithoutWritingAnythingTwice() {
        fourProjects();
        failOnCall = call -> call == 3 ? new PortUnavailableException("ledger", "timed out after 3 tries", null) : null;
        Round round = run(rounds.start(new RoundRequest(REGION, YEAR, CUT_OFF, null), FINANCE));
        assertThat(round.status()).isEqualTo(RoundStatus.FAILED);
        assertThat(round.error()).contains("timed out");
        assertThat(round.projects()).as("P1, P2, P3 judged; P4 straddles the failed page").isEqualTo(3);
        assertThat(audit("MONITORING_ROUND_FAILED")).hasSize(1);

        assertThatThrownBy(() -> rounds.resume(round.id(), UNIT)).isInstanceOf(ForbiddenException.class);
        failOnCall = call -> null;
        rounds.resume(round.id(), FINANCE);
        Round resumed = run(round);
        assertThat(calls.get()).as("the resume re-reads from the page P4 started in").isEqualTo(6);
        assertThat(resumed.status()).isEqualTo(RoundStatus.COMPLETED);
        assertThat(resumed.projects()).isEqualTo(4);
        assertThat(resumed.processed()).isEqualTo(7);
        assertThat(results(resumed)).hasSize(4);
        assertThat(resumed.holds()).isEqualTo(1);
        assertThat(holds.activeHolds(HoldTarget.project(REGION, ProCode.of("P4")))).hasSize(1);
        assertThatThrownBy(() -> rounds.resume(round.id(), FINANCE)).isInstanceOf(ConflictException.class);
    }

    /**
     * Issue 22: node-a dies after it stored P3's and P4's results and placed P4's hold, before its checkpoint and
     * before linking the hold. Once its lease runs out node-b takes the round over, skips the stored results
     * without a unique-key failure, links node-a's hold instead of placing a second, and completes the round.
     */
    @Test
    void aRoundWhoseNodeDiedIsTakenOverAfterItsLeaseAndCompletesWithItsHolds() throws Exception {
        fourProjects();
        approvedGoal("P1"); // its unit owes a report: REPORT_OVERDUE makes it BLUE
        rounds.close();
        Clock ticking = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), CLOCK.instant()));
        Duration lease = Duration.ofSeconds(2);
        java.util.concurrent.CountDownLatch died = new java.util.concurrent.CountDownLatch(1);
        io.jixiao.api.service.HoldService dying = new io.jixiao.api.service.HoldService() {
            @Override
            public Hold place(HoldTarget target, HoldKind kind, Reason reason, Actor actor) {
                holds.place(target, kind, reason, actor);
                died.countDown();
                throw new NodeDied(); // the JVM stops here: the hold is committed, nothing after it happens
            }

            @Override
            public Hold release(long holdId, Reason reason, Actor actor) {
                return holds.release(holdId, reason, actor);
            }

            @Override
            public java.util.Optional<Hold> find(long holdId) {
                return holds.find(holdId);
            }

            @Override
            public List<Hold> activeHolds(HoldTarget target) {
                return holds.activeHolds(target);
            }

            @Override
            public java.util.Optional<Hold> find(long holdId, Actor actor) {
                return holds.find(holdId, actor);
            }

            @Override
            public List<Hold> activeHolds(HoldTarget target, Actor actor) {
                return holds.activeHolds(target, actor);
            }
        };
        Monitoring nodeA = rounds("node-a", dying, ticking, lease);
        Monitoring nodeB = rounds("node-b", holds, ticking, lease);
        try {
            Round started = nodeA.start(new RoundRequest(REGION, YEAR, CUT_OFF, null), FINANCE);
            assertThat(died.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            nodeA.close();
            long diedAt = System.nanoTime();
            Round stopped = nodeB.round(started.id(), FINANCE).orElseThrow();
            assertThat(stopped.status()).isEqualTo(RoundStatus.RUNNING);

            nodeB.start(List.of(), Duration.ofMinutes(1));
            rounds = nodeB;
            Round round = run(started);
            long tookMillis = (System.nanoTime() - diedAt) / 1_000_000;

            assertThat(round.status()).isEqualTo(RoundStatus.COMPLETED);
            assertThat(tookMillis).as("taken over after the lease, not after minutes").isGreaterThanOrEqualTo(1_000)
                    .isLessThan(30_000);
            assertThat(round.projects()).isEqualTo(4);
            assertThat(round.holds()).as("node-a's hold, counted once").isEqualTo(1);
            assertThat(round.counts()).containsEntry(AlertLevel.BLUE, 2L).containsEntry(AlertLevel.YELLOW, 1L)
                    .containsEntry(AlertLevel.RED, 1L);
            Map<String, Alert> results = results(round);
            assertThat(results).containsOnlyKeys("P1", "P2", "P3", "P4");
            List<Hold> active = holds.activeHolds(HoldTarget.project(REGION, ProCode.of("P4")));
            assertThat(active).singleElement().satisfies(h -> assertThat(h.holdId())
                    .isEqualTo(results.get("P4").holdId()));
            assertThat(audit("MONITORING_ROUND_FAILED")).isEmpty();
            assertThat(audit("MONITORING_ROUND_COMPLETED")).singleElement()
                    .satisfies(e -> assertThat(e.detail()).contains("red=1", "holds=1"));
        } finally {
            nodeA.close();
        }
    }

    /** What the death of a node's JVM looks like to the code that was running. */
    private static final class NodeDied extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aCancelledRoundStopsAfterItsPage() {
        fourProjects();
        Round[] started = new Round[1];
        failOnCall = call -> {
            if (call == 2) {
                rounds.cancel(started[0].id(), FINANCE);
            }
            return null;
        };
        started[0] = rounds.start(new RoundRequest(REGION, YEAR, CUT_OFF, null), FINANCE);
        Round round = run(started[0]);
        assertThat(round.status()).isEqualTo(RoundStatus.CANCELLED);
        assertThat(round.projects()).isLessThan(4);
        assertThat(calls.get()).isEqualTo(2);
        assertThatThrownBy(() -> rounds.cancel(round.id(), FINANCE)).isInstanceOf(ConflictException.class);
    }

    @Test
    void warnModeReportsTheHoldButPlacesNoneAndOffModeEntailsNothing() {
        fourProjects();
        rules.put("monitoring.mode", "WARN");
        Round warned = run(rounds.start(new RoundRequest(REGION, YEAR, CUT_OFF, null), FINANCE));
        Alert red = results(warned).get("P4");
        assertThat(red.consequences()).contains(Consequence.HOLD);
        assertThat(red.enforced()).isFalse();
        assertThat(red.holdId()).isNull();
        assertThat(holds.activeHolds(HoldTarget.project(REGION, ProCode.of("P4")))).isEmpty();

        rules.put("monitoring.mode", "OFF");
        Round off = run(rounds.start(new RoundRequest(REGION, YEAR, CUT_OFF, null), FINANCE));
        assertThat(results(off).get("P4").level()).isEqualTo(AlertLevel.RED);
        assertThat(results(off).values()).allSatisfy(a -> {
            assertThat(a.consequences()).isEmpty();
            assertThat(a.status()).isEqualTo(AlertStatus.CLOSED);
        });
    }

    @Test
    void unitsReportEveryIndicatorAndTheirForecastsColourTheProject() {
        fourProjects();
        approvedGoal("P1");
        UnitReport bad = report("P1", new IndicatorProgress("新建学校数", "1", Forecast.WILL_COMPLETE, "", ""),
                new IndicatorProgress("不存在的指标", "1", Forecast.WILL_COMPLETE, "", ""));
        assertThatThrownBy(() -> rounds.report(bad, UNIT)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting("field")
                        .containsExactly("INDICATORS[1].KPI_CONTENT"));
        UnitReport partial = report("P1", new IndicatorProgress("新建学校数", "1", Forecast.WILL_COMPLETE, "", ""));
        assertThatThrownBy(() -> rounds.report(partial, UNIT)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("家长满意度");
        assertThatThrownBy(() -> rounds.report(report("P2",
                new IndicatorProgress("x", "1", Forecast.WILL_COMPLETE, "", "")), UNIT))
                .as("no goal in force").isInstanceOf(io.jixiao.api.model.NotFoundException.class);
        Actor outsider = new Actor("UNIT-PORTAL", "zhao", Set.of(Role.UNIT), new Scope(Set.of(), Set.of("999999")));
        UnitReport good = report("P1", new IndicatorProgress("新建学校数", "1", Forecast.CANNOT_COMPLETE, "征地未完成",
                "申请调整预算"), new IndicatorProgress("家长满意度", "85%", Forecast.WILL_COMPLETE, "", ""));
        assertThatThrownBy(() -> rounds.report(good, outsider)).isInstanceOf(ForbiddenException.class);

        UnitReport stored = rounds.report(good, UNIT);
        assertThat(stored.late()).as("due 08-31, submitted 09-05").isTrue();
        assertThat(stored.submittedBy()).isEqualTo("wang");

        Round round = run(rounds.start(new RoundRequest(REGION, YEAR, CUT_OFF, null), FINANCE));
        Alert p1 = results(round).get("P1");
        assertThat(p1.findings()).containsExactly(Finding.CANNOT_COMPLETE);
        assertThat(p1.level()).isEqualTo(AlertLevel.YELLOW);
    }

    @Test
    void aMonitoringFormStoresEveryProjectsReportOrNone() throws Exception {
        fourProjects();
        approvedGoal("P1");
        approvedGoal("P2");
        java.nio.file.Path bad = java.nio.file.Files.createTempFile("form", ".csv");
        java.nio.file.Files.writeString(bad, "项目代码,三级指标,截至目前完成值,全年完成预计,偏差原因,纠偏措施\n"
                + "P1,新建学校数,1,确定能完成,,\n"
                + "P1,家长满意度,85%,大概吧,,\n"
                + "P2,新建学校数,1,无法完成,征地未完成,申请调整预算\n"
                + "P2,家长满意度,80%,WILL_COMPLETE,,\n"
                + "P3,新建学校数,1,确定能完成,,\n");
        assertThatThrownBy(() -> rounds.importReports(REGION, YEAR, CUT_OFF, bad,
                java.nio.charset.StandardCharsets.UTF_8, UNIT)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting("field")
                        .containsExactly("ROW 3 全年完成预计"));
        assertThat(bad).as("the upload is deleted").doesNotExist();

        java.nio.file.Path noGoal = java.nio.file.Files.createTempFile("form", ".csv");
        java.nio.file.Files.writeString(noGoal, "PRO_CODE,KPI_CONTENT,KPI_VAL_TODATE,FORECAST\n"
                + "P1,新建学校数,1,确定能完成\nP1,家长满意度,85%,确定能完成\nP3,新建学校数,1,确定能完成\n");
        assertThatThrownBy(() -> rounds.importReports(REGION, YEAR, CUT_OFF, noGoal,
                java.nio.charset.StandardCharsets.UTF_8, UNIT)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no approved goal");
        assertThat(rounds.report(REGION, YEAR, CUT_OFF, ProCode.of("P1"), FINANCE))
                .as("a form with one bad project stores none").isEmpty();

        java.nio.file.Path good = java.nio.file.Files.createTempFile("form", ".csv");
        java.nio.file.Files.writeString(good, "全年完成预计,项目代码,三级指标,截至目前完成值,偏差原因,纠偏措施\n"
                + "确定能完成,P1,新建学校数,1,,\n确定能完成,P1,家长满意度,85%,,\n"
                + "无法完成,P2,新建学校数,1,征地未完成,申请调整预算\n确定能完成,P2,家长满意度,80%,,\n");
        List<UnitReport> stored = rounds.importReports(REGION, YEAR, CUT_OFF, good,
                java.nio.charset.StandardCharsets.UTF_8, UNIT);
        assertThat(stored).extracting(r -> r.proCode().value(), UnitReport::worst).containsExactly(
                org.assertj.core.groups.Tuple.tuple("P1", Forecast.WILL_COMPLETE),
                org.assertj.core.groups.Tuple.tuple("P2", Forecast.CANNOT_COMPLETE));
        Round round = run(rounds.start(new RoundRequest(REGION, YEAR, CUT_OFF, null), FINANCE));
        assertThat(results(round).get("P2").findings()).contains(Finding.CANNOT_COMPLETE);
    }

    @Test
    void anAlertIsReleasedAfterTheUnitsRectificationAndItsHoldGoes() {
        fourProjects();
        Round round = run(rounds.start(new RoundRequest(REGION, YEAR, CUT_OFF, null), FINANCE));
        Alert red = results(round).get("P4");
        // RED entails RECTIFY: the round opened a rectification case for it, a problem per finding
        RectificationCase opened = store.rectification().byOrigin(CaseOrigin.ALERT, String.valueOf(red.id()))
                .orElseThrow().value();
        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.proCode()).isEqualTo(ProCode.of("P4"));
        assertThat(opened.problems()).extracting(Problem::text).anySatisfy(t -> assertThat(t).contains("10.00%"));
        assertThat(store.rectification().byOrigin(CaseOrigin.ALERT, String.valueOf(results(round).get("P1").id())))
                .as("BLUE entails nothing").isEmpty();
        assertThatThrownBy(() -> rounds.release(red.id(), Reason.of("ok"), FINANCE))
                .isInstanceOf(ConflictException.class).hasMessageContaining("rectification");
        assertThatThrownBy(() -> rounds.rectify(red.id(), Reason.of("done"), FINANCE))
                .isInstanceOf(ForbiddenException.class);
        Alert rectified = rounds.rectify(red.id(), Reason.of("已调整实施计划, 8月底前完成支付"), UNIT);
        assertThat(rectified.status()).isEqualTo(AlertStatus.RECTIFIED);
        assertThatThrownBy(() -> rounds.release(red.id(), Reason.of("ok"), UNIT))
                .isInstanceOf(ForbiddenException.class);

        Alert closed = rounds.release(red.id(), Reason.of("整改到位, 恢复拨款"), FINANCE);
        assertThat(closed.status()).isEqualTo(AlertStatus.CLOSED);
        assertThat(holds.find(red.holdId()).orElseThrow().status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(holds.find(red.holdId()).orElseThrow().release().reason().text()).isEqualTo("整改到位, 恢复拨款");
        assertThat(audit("MONITORING_ALERT_RELEASED")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("hold=" + red.holdId()));
        assertThatThrownBy(() -> rounds.release(red.id(), Reason.of("again"), FINANCE))
                .isInstanceOf(ConflictException.class);
        // the alert's rectification and release went through its case
        RectificationCase closedCase = store.rectification().find(opened.id()).orElseThrow().value();
        assertThat(closedCase.status()).isEqualTo(CaseStatus.RECTIFIED);
        assertThat(store.rectification().steps(opened.id())).extracting(CaseStep::action)
                .containsExactly("OPENED", "REPORTED", "RECTIFIED");
    }

    @Test
    void wholeDepartmentsAreJudgedWhereTheRegionMonitorsThemAndNeverHeld() {
        fourProjects();
        rules.put("monitoring.departments", "true");
        masterData.put(ProCode.of("P4"), new ProjectRecord(ProCode.of("P4"), "道路工程", AgencyCode.of("101001"), "101",
                io.jixiao.api.goal.ProjectClass.DEVELOPMENT, false, null, null));
        Round round = run(rounds.start(new RoundRequest(REGION, YEAR, CUT_OFF, null), FINANCE));
        Map<String, Alert> results = results(round);
        assertThat(results).containsKeys("dept:101", "dept:101001");
        Alert dept = results.get("dept:101");
        assertThat(dept.budgeted()).isEqualByComparingTo("1000.00");
        assertThat(dept.level()).isEqualTo(AlertLevel.RED);
        assertThat(dept.consequences()).containsExactly(Consequence.RECTIFY);
        assertThat(dept.holdId()).isNull();
        assertThat(results.get("dept:101001").budgeted()).isEqualByComparingTo("3000.00");
    }

    @Test
    void anInvestmentProjectOverItsEstimateIsRedWhereTheRegionSaysSo() {
        line("P9", "B9", ExpenditureKind.PROJECT, "1000.00", "900.00");
        rules.put("monitoring.level.OVER_ESTIMATE", "RED");
        masterData.put(ProCode.of("P9"), new ProjectRecord(ProCode.of("P9"), "新城区管网", AgencyCode.of("101001"),
                "101", io.jixiao.api.goal.ProjectClass.DEVELOPMENT, true, new BigDecimal("5000000.00"),
                new BigDecimal("5200000.00")));
        Round round = run(rounds.start(new RoundRequest(REGION, YEAR, CUT_OFF, null), FINANCE));
        Alert p9 = results(round).get("P9");
        assertThat(p9.findings()).contains(Finding.OVER_ESTIMATE);
        assertThat(p9.level()).isEqualTo(AlertLevel.RED);
        assertThat(p9.holdId()).isNotNull();
    }

    @Test
    void onlyFinanceInScopeStartsARoundAndOneRoundPerCutOffRunsAtATime() {
        Actor elsewhere = new Actor("JIXIAO-UI", "li", Set.of(Role.FINANCE), new Scope(Set.of("654300000"), Set.of()));
        RoundRequest request = new RoundRequest(REGION, YEAR, CUT_OFF, null);
        assertThatThrownBy(() -> rounds.start(request, elsewhere)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> rounds.start(request, UNIT)).isInstanceOf(ForbiddenException.class);
        java.util.concurrent.CountDownLatch hostAnswers = new java.util.concurrent.CountDownLatch(1);
        failOnCall = call -> {
            try {
                hostAnswers.await(); // the host is slow: the first round is still running
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        };
        Round first = rounds.start(request, FINANCE);
        assertThatThrownBy(() -> rounds.start(request, FINANCE)).isInstanceOf(ConflictException.class);
        hostAnswers.countDown();
        assertThat(run(first).status()).isEqualTo(RoundStatus.COMPLETED);
        assertThat(rounds.round(first.id(), elsewhere)).isEmpty();
        assertThatThrownBy(() -> new RoundRequest(REGION, YEAR, LocalDate.of(2025, 12, 31), null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aScheduledRoundStartsOnceOnItsDueDay() {
        fourProjects();
        rounds.worker().configure(rounds, List.of(REGION),
                (region, year) -> RuleReader.monitoring("test#1", rules));
        rounds.worker().startDueSchedules();
        rounds.worker().startDueSchedules();
        Round round = rounds.round(1, FINANCE).orElseThrow();
        assertThat(round.scheduled()).isTrue();
        assertThat(round.cutOff()).isEqualTo(CUT_OFF);
        assertThat(round.startedBy()).isEqualTo("schedule");
        assertThat(rounds.round(2, FINANCE)).isEmpty();
        // another node of the cluster tries too: the schedule key lets one insert win
        assertThat(rounds.startScheduled(REGION, YEAR, RuleReader.monitoring("x", rules).rounds().get(0)))
                .isEmpty();
    }

    private List<io.jixiao.api.service.AuditRecord> audit(String action) {
        List<io.jixiao.api.service.AuditRecord> found = new ArrayList<>();
        store.audit().export(io.jixiao.api.service.AuditQuery.all(REGION), Set.of(), e -> {
            if (e.action().equals(action)) {
                found.add(e);
            }
        });
        return found;
    }

    private static UnitReport report(String project, IndicatorProgress... indicators) {
        return new UnitReport(REGION, YEAR, CUT_OFF, ProCode.of(project), List.of(indicators), null, null, false);
    }

    private void approvedGoal(String project) {
        Fixture.approvedGoal(store, REGION, project);
    }
}
