package io.jixiao.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.evaluation.Achievement;
import io.jixiao.api.evaluation.EvaluationKind;
import io.jixiao.api.evaluation.EvaluationTask;
import io.jixiao.api.evaluation.ExecutionScore;
import io.jixiao.api.evaluation.Grade;
import io.jixiao.api.evaluation.IndicatorActual;
import io.jixiao.api.evaluation.IndicatorScore;
import io.jixiao.api.evaluation.Scorecard;
import io.jixiao.api.evaluation.TaskStatus;
import io.jixiao.api.goal.ComputeSign;
import io.jixiao.api.goal.Indicator;
import io.jixiao.api.goal.Level2;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.EvaluationRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Tasks open once per project and kind, page by agency and status, and keep their scored lines. Every dialect. */
class EvaluationRepositoryTest extends EveryDialect {
    private static final Actor HOST = Actor.of("FINAL-ACCOUNTS", "host", Role.HOST_SYSTEM);
    private static final FiscalYear YEAR = FiscalYear.of(2026);

    private EvaluationRepository repo(TestDatabase db) {
        return new MyBatisEvaluation(Database.sessions(db.dataSource(), db.databaseId()));
    }

    private static EvaluationTask task(MofDivCode region, String agency, String project) {
        return new EvaluationTask(0, region, YEAR, AgencyCode.of(agency), ProCode.of(project), EvaluationKind.SELF, 7,
                1, new Money(new BigDecimal("1000000.00")), new Money(new BigDecimal("850000.00")), TaskStatus.OPEN,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), null, null, null, null, null,
                        java.time.LocalDate.of(2027, 6, 15),
                null, null, null);
    }

    private static AuditEntry opened(EvaluationTask t) {
        return new AuditEntry(t.openedAt(), "EVALUATION_OPENED", t.mofDivCode(), "EVALUATION_TASK",
                String.valueOf(t.taskId()), HOST, "final accounts closed", "", t.agencyCode(), t.proCode());
    }

    /** A region of its own per test and dialect, so that tests do not see each other's tasks. */
    private static MofDivCode region() {
        return MofDivCode.of("6" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void tasksOpenOncePerProjectAndPageByAgencyAndStatus(TestDatabase db) {
        EvaluationRepository repo = repo(db);
        MofDivCode region = region();
        List<EvaluationTask> batch = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            batch.add(task(region, i % 2 == 0 ? "101001" : "101002", "P-" + i));
        }
        List<EvaluationTask> stored = repo.openTasks(batch, EvaluationRepositoryTest::opened);
        assertThat(stored).hasSize(1_200);
        assertThat(stored.stream().map(EvaluationTask::taskId).distinct().count()).as("ids over two blocks")
                .isEqualTo(1_200);
        assertThat(repo.projectsWithTask(region, YEAR, EvaluationKind.SELF, AgencyCode.of("101001"))).hasSize(600)
                .contains(ProCode.of("P-0"));
        assertThat(repo.projectsWithTask(region, YEAR, EvaluationKind.KEY, AgencyCode.of("101001"))).isEmpty();

        assertThatThrownBy(() -> repo.openTasks(List.of(task(region, "101001", "P-NEW"), task(region, "101001", "P-0")),
                EvaluationRepositoryTest::opened)).as("a task of the same project and kind");
        assertThat(repo.projectsWithTask(region, YEAR, EvaluationKind.SELF, AgencyCode.of("101001")))
                .as("all or none").doesNotContain(ProCode.of("P-NEW"));

        List<EvaluationTask> page = repo.tasks(region, YEAR, Set.of(AgencyCode.of("101002")), TaskStatus.OPEN, 0, 500);
        assertThat(page).hasSize(500).allMatch(t -> t.agencyCode().value().equals("101002"));
        List<EvaluationTask> rest = repo.tasks(region, YEAR, Set.of(AgencyCode.of("101002")), null,
                page.get(499).taskId(), 500);
        assertThat(rest).hasSize(100);
        assertThat(repo.tasks(region, YEAR, Set.of(), null, 0, 10)).isEmpty();
        assertThat(repo.tasks(region, YEAR, null, TaskStatus.SUBMITTED, 0, 10)).isEmpty();
        assertThat(repo.find(stored.get(0).taskId())).contains(stored.get(0));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aScoredTaskKeepsItsLinesAndIsScoredOnce(TestDatabase db) {
        EvaluationRepository repo = repo(db);
        MofDivCode region = region();
        EvaluationTask open = repo.openTasks(List.of(task(region, "101001", "P-SCORED")),
                EvaluationRepositoryTest::opened).get(0);
        Indicator quantity = new Indicator(Level2.QUANTITY, "培训人次", ComputeSign.GE, "1000", "人次",
                BigDecimal.TEN, "", null);
        Indicator satisfaction = new Indicator(Level2.SATISFACTION, "满意度", ComputeSign.QUALITATIVE, "满意", "",
                BigDecimal.TEN, "", null);
        BigDecimal third = BigDecimal.ONE.divide(new BigDecimal("3"), java.math.MathContext.DECIMAL128);
        Scorecard card = new Scorecard("national/2019#3", List.of(
                new IndicatorScore(IndicatorActual.measured(quantity, new BigDecimal("800"), "报名不足"),
                        new BigDecimal("56.25"), new BigDecimal("0.8"), false, new BigDecimal("45")),
                new IndicatorScore(IndicatorActual.judged(satisfaction, Achievement.PARTLY, new BigDecimal("70.5"),
                        null), new BigDecimal("33.75"), third, false, new BigDecimal("33.75").multiply(third))),
                List.of(), new ExecutionScore(open.budget(), open.spent(), new BigDecimal("0.85"), BigDecimal.TEN,
                        new BigDecimal("8.5")), new BigDecimal("64.75"), new BigDecimal("64.75"), Grade.FAIR);
        EvaluationTask submitted = open.submitted("unit01", Instant.now().truncatedTo(ChronoUnit.MILLIS), card, null);
        AuditEntry audit = new AuditEntry(submitted.submittedAt(), "SELF_EVALUATION_SUBMITTED", region,
                "EVALUATION_TASK", String.valueOf(open.taskId()), HOST, "submitted", "");

        assertThat(repo.score(open.taskId())).as("open: no score yet").isEmpty();
        assertThat(repo.submit(submitted, card, audit)).isTrue();
        assertThat(repo.submit(submitted, card, audit)).as("only an open task is scored").isFalse();

        EvaluationTask found = repo.find(open.taskId()).orElseThrow();
        assertThat(found.status()).isEqualTo(TaskStatus.SUBMITTED);
        assertThat(found.total()).isEqualTo(new BigDecimal("64.75"));
        assertThat(found.grade()).isEqualTo(Grade.FAIR);
        assertThat(found.ruleVersion()).isEqualTo("national/2019#3");
        assertThat(found.submittedBy()).isEqualTo("unit01");
        EvaluationRepository.StoredScore score = repo.score(open.taskId()).orElseThrow();
        assertThat(score.executionRate()).isEqualByComparingTo("0.85");
        assertThat(score.executionWeight()).as("the weight it was scored with").isEqualByComparingTo("10");
        assertThat(score.lines()).hasSize(2);
        assertThat(score.lines().get(0).actual()).isEqualByComparingTo("800");
        assertThat(score.lines().get(0).reason()).isEqualTo("报名不足");
        assertThat(score.lines().get(1).achievement()).isEqualTo(Achievement.PARTLY);
        assertThat(score.lines().get(1).percent()).isEqualByComparingTo("70.5");
        assertThat(score.lines().get(1).fraction()).as("30 decimals kept")
                .isEqualByComparingTo("0.333333333333333333333333333333");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eachEvaluationIsAdjustedOnceAndItsWriteBackIsTracked(TestDatabase db) {
        EvaluationRepository repo = repo(db);
        MofDivCode region = region();
        List<EvaluationTask> open = repo.openTasks(List.of(task(region, "101001", "P-A"), task(region, "101001", "P-B"),
                task(region, "101001", "P-C")), EvaluationRepositoryTest::opened);
        Scorecard card = new Scorecard("r", List.of(), List.of(), new ExecutionScore(open.get(0).budget(),
                open.get(0).spent(),
                new BigDecimal("0.85"), BigDecimal.TEN, new BigDecimal("8.5")), new BigDecimal("72.5"),
                new BigDecimal("72.50"), Grade.FAIR);
        for (EvaluationTask t : open.subList(0, 2)) {
            repo.submit(t.submitted("unit01", Instant.now(), card, null), card, new AuditEntry(Instant.now(),
                    "SELF_EVALUATION_SUBMITTED", region, "EVALUATION_TASK", String.valueOf(t.taskId()), HOST, "s", ""));
        }
        List<EvaluationTask> unapplied = repo.unapplied(region, YEAR, 0, 10);
        assertThat(unapplied).extracting(t -> t.proCode().value()).containsExactly("P-A", "P-B");

        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        io.jixiao.api.evaluation.Adjustment cut = new io.jixiao.api.evaluation.Adjustment(unapplied.get(0).taskId(),
                region, YEAR, FiscalYear.of(2028), AgencyCode.of("101001"), "101", ProCode.of("P-A"), Grade.FAIR,
                new BigDecimal("72.50"), io.jixiao.api.evaluation.ResultPolicy.Kind.CUT, new BigDecimal("10"),
                new BigDecimal("500000.00"), new BigDecimal("-50000.00"), "result.action.FAIR=CUT:10 (r)",
                io.jixiao.api.evaluation.AdjustmentStatus.PENDING, "li.finance", now, null);
        repo.insertAdjustments(List.of(cut), a -> new AuditEntry(now, "ALLOCATION_CUT", region, "EVALUATION_TASK",
                String.valueOf(a.taskId()), HOST, "cut", ""));
        assertThatThrownBy(() -> repo.insertAdjustments(List.of(cut), a -> new AuditEntry(now, "ALLOCATION_CUT",
                region, "EVALUATION_TASK", String.valueOf(a.taskId()), HOST, "cut", ""))).as("once per evaluation");
        assertThat(repo.unapplied(region, YEAR, 0, 10)).extracting(t -> t.proCode().value()).containsExactly("P-B");
        assertThat(repo.adjustmentsTargeting(region, FiscalYear.of(2028), List.of(ProCode.of("P-A"),
                ProCode.of("P-B")))).as("the compilation gate's view of 2028").containsOnlyKeys(ProCode.of("P-A"))
                .containsValue(cut);
        assertThat(repo.adjustmentsTargeting(region, FiscalYear.of(2027), List.of(ProCode.of("P-A")))).isEmpty();
        assertThat(repo.adjustments(region, YEAR, null, io.jixiao.api.evaluation.AdjustmentStatus.PENDING, 0, 10))
                .containsExactly(cut);
        assertThat(repo.adjustments(region, YEAR, Set.of(AgencyCode.of("101002")), null, 0, 10))
                .as("another agency's").isEmpty();
        assertThat(repo.markAdjustments(List.of(cut.taskId()), io.jixiao.api.evaluation.AdjustmentStatus.APPLIED,
                now)).isEqualTo(1);
        assertThat(repo.markAdjustments(List.of(cut.taskId()), io.jixiao.api.evaluation.AdjustmentStatus.APPLIED,
                now)).as("only pending ones move").isZero();
        var applied = repo.adjustments(region, YEAR, Set.of(AgencyCode.of("101001")), null, 0, 10).get(0);
        assertThat(applied.status()).isEqualTo(io.jixiao.api.evaluation.AdjustmentStatus.APPLIED);
        assertThat(applied.appliedAt()).isEqualTo(now);
        assertThat(applied.change()).isEqualTo(new BigDecimal("-50000.00"));
    }

    private static EvaluationTask of(EvaluationTask base, EvaluationKind kind, String evaluator, String selfTotal) {
        return new EvaluationTask(0, base.mofDivCode(), base.fiscalYear(), base.agencyCode(), base.proCode(), kind,
                base.goalId(), base.goalVersion(), base.budget(), base.spent(), TaskStatus.OPEN, base.openedAt(), null,
                null, null, null, null, null, evaluator, selfTotal == null ? null : new BigDecimal(selfTotal), null);
    }

    private static void submit(EvaluationRepository repo, EvaluationTask t, Scorecard card, Boolean flagged) {
        repo.submit(t.submitted("x", Instant.now(), card, flagged), card, new AuditEntry(Instant.now(),
                "EVALUATION_SUBMITTED", t.mofDivCode(), "EVALUATION_TASK", String.valueOf(t.taskId()), HOST, "s", ""));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theMostAuthoritativeEvaluationOfAProjectDecidesItsResultAndAnOpenOneIsAwaited(TestDatabase db) {
        EvaluationRepository repo = repo(db);
        MofDivCode region = region();
        List<EvaluationTask> self = repo.openTasks(List.of(task(region, "101001", "P-A"), task(region, "101001", "P-B"),
                task(region, "101001", "P-C")), EvaluationRepositoryTest::opened);
        Scorecard card = new Scorecard("r", List.of(), List.of(), new ExecutionScore(self.get(0).budget(),
                self.get(0).spent(), new BigDecimal("0.85"), BigDecimal.TEN, new BigDecimal("8.5")),
                new BigDecimal("72.5"), new BigDecimal("72.50"), Grade.FAIR);
        self.forEach(t -> submit(repo, t, card, null));
        List<EvaluationTask> second = repo.openTasks(List.of(of(self.get(0), EvaluationKind.SPOT_CHECK, null, "72.50"),
                of(self.get(1), EvaluationKind.KEY, "pwc.zhang", null),
                of(self.get(2), EvaluationKind.DEPARTMENT, null, null)), EvaluationRepositoryTest::opened);
        assertThat(repo.tasksOf(region, YEAR, EvaluationKind.SELF, List.of(ProCode.of("P-A"), ProCode.of("P-C"),
                ProCode.of("P-X")))).containsOnlyKeys(ProCode.of("P-A"), ProCode.of("P-C"));
        assertThat(repo.tasks(region, YEAR, null, null, "pwc.zhang", null, 0, 10)).extracting(EvaluationTask::kind)
                .containsExactly(EvaluationKind.KEY);
        assertThat(repo.tasks(region, YEAR, null, EvaluationKind.SPOT_CHECK, null, null, 0, 10)).singleElement()
                .satisfies(t -> assertThat(t.selfTotal()).isEqualByComparingTo("72.50"));
        assertThat(repo.unapplied(region, YEAR, 0, 10)).as("each project awaits its open re-evaluation").isEmpty();

        Scorecard key = new Scorecard("r", List.of(), List.of(new io.jixiao.api.evaluation.CriterionScore(
                new io.jixiao.api.evaluation.CriterionEntry(io.jixiao.api.evaluation.KeyPart.DECISION, "立项依据充分性",
                        new BigDecimal("10"), new BigDecimal("7.5")), new BigDecimal("20"), new BigDecimal("15"))),
                card.execution(), new BigDecimal("91"), new BigDecimal("91.00"), Grade.EXCELLENT);
        submit(repo, second.get(0), card, Boolean.TRUE);
        submit(repo, second.get(1), key, null);
        assertThat(repo.unapplied(region, YEAR, 0, 10)).extracting(EvaluationTask::taskId)
                .containsExactly(second.get(0).taskId(), second.get(1).taskId());
        assertThat(repo.find(second.get(0).taskId()).orElseThrow().gapFlagged()).isTrue();
        assertThat(repo.find(second.get(1).taskId()).orElseThrow().gapFlagged()).isNull();
        assertThat(repo.score(second.get(1).taskId()).orElseThrow().criteria()).singleElement().satisfies(c -> {
            assertThat(c.entry().name()).isEqualTo("立项依据充分性");
            assertThat(c.entry().score()).isEqualByComparingTo("7.5");
            assertThat(c.points()).isEqualByComparingTo("15");
        });
    }
}
