package io.jixiao.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.evaluation.Achievement;
import io.jixiao.api.evaluation.Assigned;
import io.jixiao.api.evaluation.CriterionEntry;
import io.jixiao.api.evaluation.EvaluationKind;
import io.jixiao.api.evaluation.Grade;
import io.jixiao.api.evaluation.IndicatorEntry;
import io.jixiao.api.evaluation.KeyPart;
import io.jixiao.api.evaluation.Scorecard;
import io.jixiao.api.evaluation.TaskStatus;
import io.jixiao.api.evaluation.YearClosed;
import io.jixiao.api.goal.BudgetKind;
import io.jixiao.api.goal.ComputeSign;
import io.jixiao.api.goal.Goal;
import io.jixiao.api.goal.GoalStatus;
import io.jixiao.api.goal.GoalSubject;
import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.goal.Indicator;
import io.jixiao.api.goal.Level2;
import io.jixiao.api.goal.ProjectClass;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.goal.ProjectLevel;
import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.BgtId;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import io.jixiao.api.model.Scope;
import io.jixiao.api.port.LedgerLine;
import io.jixiao.api.port.LedgerPage;
import io.jixiao.api.port.LedgerPort;
import io.jixiao.api.port.PortUnavailableException;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.MyBatisEvaluation;
import io.jixiao.store.internal.Repositories;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * From the final-accounts close to a submitted scorecard, on the real store over H2; the host's ledger is a
 * stand-in serving pages as the host-client does.
 */
class EvaluationsTest {
    private static final MofDivCode REGION = MofDivCode.of("140400000");
    private static final FiscalYear YEAR = FiscalYear.of(2026);
    private static final AgencyCode AGENCY = AgencyCode.of("101001");
    private static final Actor HOST = Actor.of("FINAL-ACCOUNTS", "host", Role.HOST_SYSTEM);
    private static final Actor FINANCE = Actor.of("JIXIAO-UI", "li.finance", Role.FINANCE);
    private static final Actor UNIT = new Actor("UNIT-PORTAL", "wang", Set.of(Role.UNIT),
            new Scope(Set.of(), Set.of("101001")));
    private static final Actor OTHER_UNIT = new Actor("UNIT-PORTAL", "zhao", Set.of(Role.UNIT),
            new Scope(Set.of(), Set.of("101002")));

    private Repositories store;
    private final List<LedgerLine> ledger = new ArrayList<>();
    private boolean ledgerDown;
    private Evaluations evaluations;
    private MyBatisEvaluation repository;
    private final Map<String, String> rules = new java.util.HashMap<>(Map.of("evaluation.selfDue", "06-15"));

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=Oracle;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Database.migrate(ds);
        var sessions = Database.sessions(ds, "");
        store = Repositories.over(sessions);
        LedgerPort port = (region, year, asOf, after, limit) -> {
            if (ledgerDown) {
                throw new PortUnavailableException("ledger", "connection refused", null);
            }
            int from = after == null ? 0 : Integer.parseInt(after);
            int to = Math.min(ledger.size(), from + 2); // small pages: a project's lines straddle pages
            return new LedgerPage(ledger.subList(from, to), to < ledger.size() ? String.valueOf(to) : null,
                    ledger.size());
        };
        repository = Repositories.over(sessions).evaluation();
        evaluations = new Evaluations(repository, store.goals(), store.rectification(),
                (region, year) -> new io.jixiao.api.goal.RuleSetView("430603000/2021#3 < national/2019#3",
                        "430603000", 3, rules, Map.of()), () -> port, () -> null,
                Clock.fixed(Instant.parse("2027-03-01T02:00:00Z"), ZoneOffset.UTC));
    }

    private void line(String project, String bgtId, String agency, ExpenditureKind kind, String budget, String paid) {
        ledger.add(new LedgerLine(ProCode.of(project), BgtId.of(bgtId), AgencyCode.of(agency), kind,
                new BigDecimal(budget), new BigDecimal(paid)));
    }

    /** 培训人次 ≥ 1000 (20 points), 就业率 ≥ 80 (10), 满意度 qualitative (10). */
    private void approvedGoal(String project) {
        approvedGoal(project, GoalSubject.PROJECT);
    }

    private void approvedGoal(String project, GoalSubject subject) {
        Instant now = Instant.now();
        ProjectFacts facts = new ProjectFacts(REGION, YEAR, AGENCY, ProCode.of(project), ProjectClass.DEVELOPMENT,
                ProjectLevel.FIRST, BudgetKind.GENERAL_PUBLIC, Money.positive("AMOUNT", new BigDecimal("1000000.00")),
                true, true, null);
        Goal goal = new Goal(subject, "培训 1000 人次", "", List.of(
                new Indicator(Level2.QUANTITY, "培训人次", ComputeSign.GE, "1000", "人次", new BigDecimal("20"), "", null),
                new Indicator(Level2.SOCIAL, "就业率", ComputeSign.GE, "80", "%", new BigDecimal("10"), "", null),
                new Indicator(Level2.SATISFACTION, "满意度", ComputeSign.QUALITATIVE, "满意", "", new BigDecimal("10"),
                        "", null)));
        GoalVersion v = new GoalVersion(store.goals().nextGoalId(), 1, null, GoalStatus.APPROVED, facts, goal,
                "test#1", null,
                FINANCE, now, now);
        store.goals().insert(v, new AuditEntry(now, "GOAL_APPROVED", REGION, "GOAL", v.goalId() + "/1", FINANCE,
                "approved",
                ""));
    }

    @Test
    void closingTheYearOpensOneSelfEvaluationPerProjectWithItsFullYearSpend() {
        approvedGoal("P-TRAIN");
        approvedGoal("P-ROAD");
        line("P-TRAIN", "B-1", "101001", ExpenditureKind.PROJECT, "600000.00", "500000.00");
        line("P-ROAD", "B-2", "101001", ExpenditureKind.PROJECT, "300000.00", "300000.00");
        line("P-TRAIN", "B-3", "101001", ExpenditureKind.PROJECT, "400000.00", "350000.00");
        line("P-SALARY", "B-4", "101001", ExpenditureKind.BASIC, "900000.00", "900000.00");
        line("P-NOGOAL", "B-5", "101001", ExpenditureKind.PROJECT, "50000.00", "0.00");
        line("P-OTHER", "B-6", "101002", ExpenditureKind.PROJECT, "70000.00", "0.00");

        YearClosed closed = evaluations.closeYear(REGION, YEAR, AGENCY, HOST);

        assertThat(closed.opened()).extracting(t -> t.proCode().value()).containsExactly("P-ROAD", "P-TRAIN");
        var train = closed.opened().get(1);
        assertThat(train.budget().yuan()).isEqualByComparingTo("1000000.00"); // 600,000 + 400,000 over two pages
        assertThat(train.spent().yuan()).isEqualByComparingTo("850000.00");
        assertThat(train.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(train.due()).as("evaluation.selfDue 06-15 of the year after").isEqualTo(
                java.time.LocalDate.of(2027, 6, 15));
        assertThat(train.overdue(java.time.LocalDate.of(2027, 6, 15))).isFalse();
        assertThat(train.overdue(java.time.LocalDate.of(2027, 6, 16))).isTrue();
        assertThat(closed.withoutGoal()).containsExactly("P-NOGOAL");

        YearClosed again = evaluations.closeYear(REGION, YEAR, AGENCY, FINANCE);
        assertThat(again.opened()).isEmpty();
        assertThat(again.alreadyOpen()).isEqualTo(2);

        assertThat(evaluations.tasks(REGION, YEAR, null, TaskStatus.OPEN, 0, 10, UNIT)).hasSize(2);
        assertThat(evaluations.tasks(REGION, YEAR, null, null, 0, 10, OTHER_UNIT)).isEmpty();
        assertThatThrownBy(() -> evaluations.closeYear(REGION, YEAR, AGENCY, UNIT))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aLedgerThatCannotBeReadOpensNothing() {
        approvedGoal("P-TRAIN");
        line("P-TRAIN", "B-1", "101001", ExpenditureKind.PROJECT, "600000.00", "500000.00");
        ledgerDown = true;
        assertThatThrownBy(() -> evaluations.closeYear(REGION, YEAR, AGENCY, HOST))
                .isInstanceOf(PortUnavailableException.class);
        assertThat(evaluations.tasks(REGION, YEAR, null, null, 0, 10, FINANCE)).isEmpty();
    }

    @Test
    void theUnitScoresItsProjectOnceAndFinanceReadsTheScorecard() {
        approvedGoal("P-TRAIN");
        line("P-TRAIN", "B-1", "101001", ExpenditureKind.PROJECT, "1000000.00", "850000.00");
        long taskId = evaluations.closeYear(REGION, YEAR, AGENCY, HOST).opened().get(0).taskId();

        assertThatThrownBy(() -> evaluations.submit(taskId, List.of(new IndicatorEntry(1, new BigDecimal("800"), null,
                null, "")), UNIT)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(
                        e.violations()).extracting(x -> x.field() + ":" + x.rule())
                        .containsExactly("INDICATORS:complete", "INDICATORS:complete"));
        assertThatThrownBy(() -> evaluations.submit(taskId, entries(), OTHER_UNIT))
                .isInstanceOf(NotFoundException.class);

        // output 50 (only 培训人次): 800/1000 → 40; benefit 30 (就业率 60/80) → 22.5;
        // satisfaction 10 achieved at 95 % → 9.5; execution 85 % → 8.5; total 80.5 → 良
        Scorecard card = evaluations.submit(taskId, entries(), UNIT);
        assertThat(card.total()).isEqualTo(new BigDecimal("80.50"));
        assertThat(card.grade()).isEqualTo(Grade.GOOD);

        assertThatThrownBy(() -> evaluations.submit(taskId, entries(), UNIT)).isInstanceOf(ConflictException.class);
        var task = evaluations.task(taskId, FINANCE);
        assertThat(task.status()).isEqualTo(TaskStatus.SUBMITTED);
        assertThat(task.submittedBy()).isEqualTo("wang");
        Scorecard stored = evaluations.scorecard(taskId, FINANCE);
        assertThat(stored.total()).isEqualTo(card.total());
        assertThat(stored.exactTotal()).isEqualByComparingTo(card.exactTotal());
        assertThat(stored.indicators()).extracting(s -> s.shownPoints().toPlainString())
                .containsExactly("40.00", "22.50", "9.50");
        assertThat(stored.indicators().get(0).entry().deviationReason()).isEqualTo("报名人数不足");
        assertThat(stored.execution().ratePercent()).isEqualByComparingTo("85.00");
        assertThat(stored.execution().weight()).isEqualByComparingTo("10");
    }

    private static List<IndicatorEntry> entries() {
        return List.of(new IndicatorEntry(3, null, Achievement.ACHIEVED, new BigDecimal("95"), ""),
                new IndicatorEntry(1, new BigDecimal("800"), null, null, "报名人数不足"),
                new IndicatorEntry(2, new BigDecimal("60"), null, null, ""));
    }

    private static final Actor DEPARTMENT = new Actor("DEPT-PORTAL", "chen", Set.of(Role.DEPARTMENT),
            new Scope(Set.of(), Set.of("101001")));
    private static final Actor THIRD_PARTY = new Actor("EVAL-PORTAL", "pwc.zhang", Set.of(Role.EVALUATOR),
            new Scope(Set.of("140400000"), Set.of()));
    private static final Actor OTHER_THIRD_PARTY = new Actor("EVAL-PORTAL", "kpmg.liu", Set.of(Role.EVALUATOR),
            new Scope(Set.of("140400000"), Set.of()));

    /** Closes the year for projects P-00 … P-(n−1), each with a goal and 1,000,000.00 spent 850,000.00. */
    private List<Long> selfEvaluated(int n, boolean submit) {
        for (int i = 0; i < n; i++) {
            String project = String.format("P-%02d", i);
            approvedGoal(project);
            line(project, "B-" + i, "101001", ExpenditureKind.PROJECT, "1000000.00", "850000.00");
        }
        List<Long> ids = evaluations.closeYear(REGION, YEAR, AGENCY, HOST).opened().stream()
                .map(io.jixiao.api.evaluation.EvaluationTask::taskId).toList();
        if (submit) {
            ids.forEach(id -> evaluations.submit(id, entries(), UNIT)); // 80.50 each (see above)
        }
        return ids;
    }

    @Test
    void aSpotCheckDrawsItsSampleByRuleAndFlagsAGapAboveTheThreshold() {
        selfEvaluated(20, true);
        assertThatThrownBy(() -> evaluations.assign(REGION, YEAR, EvaluationKind.SPOT_CHECK, List.of(), null, UNIT))
                .isInstanceOf(ForbiddenException.class);

        // national default: 10 % of the 20 submitted self-evaluations, rounded up, at least 1 → 2
        Assigned drawn = evaluations.assign(REGION, YEAR, EvaluationKind.SPOT_CHECK, List.of(), null, FINANCE);
        assertThat(drawn.opened()).hasSize(2).allSatisfy(t -> {
            assertThat(t.kind()).isEqualTo(EvaluationKind.SPOT_CHECK);
            assertThat(t.selfTotal()).isEqualByComparingTo("80.50");
            assertThat(t.status()).isEqualTo(TaskStatus.OPEN);
        });
        assertThat(drawn.sample()).contains("10 % (minimum 1) of 20 submitted self-evaluations = 2")
                .contains("2 drawn").containsPattern("seed [0-9a-f]{32}");
        Assigned again = evaluations.assign(REGION, YEAR, EvaluationKind.SPOT_CHECK, List.of(), null, FINANCE);
        assertThat(again.opened()).as("the sample is complete: drawing again draws none").isEmpty();
        assertThat(again.sample()).contains("2 already checked, 0 drawn");

        long low = drawn.opened().get(0).taskId();
        long same = drawn.opened().get(1).taskId();
        assertThatThrownBy(() -> evaluations.submit(low, entries(), UNIT)).isInstanceOf(ForbiddenException.class);
        // re-evaluated: 培训人次 500 of 1000 → 25 (not 40): 25 + 22.5 + 9.5 + 8.5 = 65.50, 15 below 80.50
        List<IndicatorEntry> lower = List.of(new IndicatorEntry(1, new BigDecimal("500"), null, null, "复核: 台账不实"),
                new IndicatorEntry(2, new BigDecimal("60"), null, null, ""),
                new IndicatorEntry(3, null, Achievement.ACHIEVED, new BigDecimal("95"), ""));
        assertThat(evaluations.submit(low, lower, FINANCE).total()).isEqualTo(new BigDecimal("65.50"));
        assertThat(evaluations.submit(same, entries(), FINANCE).total()).isEqualTo(new BigDecimal("80.50"));

        var flagged = evaluations.task(low, FINANCE);
        assertThat(flagged.gap()).isEqualByComparingTo("-15.00");
        assertThat(flagged.gapFlagged()).as("|−15| > evaluation.spotCheck.gap 10").isTrue();
        assertThat(evaluations.task(same, FINANCE).gapFlagged()).isFalse();
        assertThat(evaluations.tasks(REGION, YEAR, null, EvaluationKind.SPOT_CHECK, null, 0, 10, FINANCE))
                .extracting(io.jixiao.api.evaluation.EvaluationTask::taskId).containsExactly(low, same);

        // the spot check decides its project's result, not the self-evaluation
        List<io.jixiao.api.evaluation.EvaluationTask> deciding = repository.unapplied(REGION, YEAR, 0, 100);
        assertThat(deciding).hasSize(20);
        assertThat(deciding).filteredOn(t -> t.proCode().equals(flagged.proCode()))
                .singleElement().satisfies(t -> assertThat(t.taskId()).isEqualTo(low));
    }

    @Test
    void aKeyEvaluationIsScoredByItsThirdPartyUnderTheDecisionProcessOutputBenefitFramework() {
        long self = selfEvaluated(1, true).get(0);
        ProCode project = evaluations.task(self, FINANCE).proCode();
        assertThatThrownBy(() -> evaluations.assign(REGION, YEAR, EvaluationKind.KEY, List.of(project), " ", FINANCE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(x -> x.field() + ":" + x.rule()).containsExactly("EVALUATOR:required"));
        Assigned assigned = evaluations.assign(REGION, YEAR, EvaluationKind.KEY,
                List.of(project, ProCode.of("P-UNKNOWN")), "pwc.zhang", FINANCE);
        assertThat(assigned.notEvaluable()).singleElement().asString().startsWith("P-UNKNOWN: no self-evaluation");
        long key = assigned.opened().get(0).taskId();

        // until it is submitted, the key evaluation holds the project's result back
        assertThat(repository.unapplied(REGION, YEAR, 0, 10)).isEmpty();
        assertThat(evaluations.tasks(REGION, YEAR, null, null, null, 0, 10, THIRD_PARTY))
                .extracting(io.jixiao.api.evaluation.EvaluationTask::taskId).containsExactly(key);
        assertThat(evaluations.tasks(REGION, YEAR, null, null, null, 0, 10, OTHER_THIRD_PARTY)).isEmpty();
        assertThatThrownBy(() -> evaluations.task(self, THIRD_PARTY)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> evaluations.submit(key, entries(), List.of(), FINANCE))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("assigned to pwc.zhang");
        assertThatThrownBy(() -> evaluations.submit(key, entries(), List.of(), THIRD_PARTY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(x -> x.field() + ":" + x.rule())
                        .containsExactly("CRITERIA:required", "CRITERIA:required"));
        assertThatThrownBy(() -> evaluations.submit(self + 0, entries(), List.of(criterion(KeyPart.DECISION, "立项",
                "10", "8")), FINANCE)).isInstanceOf(ConflictException.class);

        // decision 20 over plan points 10 + 10: 8 + 10 = 18; process 20 over 5 + 15: 4.25 + 15 = 19.25;
        // output 30 (培训人次 800/1000) = 24; benefit 30 over 就业率 10 and 满意度 10 declared: 15 × 60/80 = 11.25
        // and 15 × 95 % = 14.25; total 18 + 19.25 + 24 + 11.25 + 14.25 = 86.75 → 良
        Scorecard card = evaluations.submit(key, entries(), List.of(
                criterion(KeyPart.DECISION, "立项依据充分性", "10", "8"),
                criterion(KeyPart.DECISION, "绩效目标合理性", "10", "10"),
                criterion(KeyPart.PROCESS, "预算执行率", "5", "4.25"),
                criterion(KeyPart.PROCESS, "资金使用合规性", "15", "15")), THIRD_PARTY);
        assertThat(card.total()).isEqualTo(new BigDecimal("86.75"));
        assertThat(card.grade()).isEqualTo(Grade.GOOD);
        Scorecard stored = evaluations.scorecard(key, FINANCE);
        assertThat(stored.criteria()).extracting(c -> c.entry().name() + "=" + c.shownPoints()).containsExactly(
                "立项依据充分性=8.00", "绩效目标合理性=10.00", "预算执行率=4.25", "资金使用合规性=15.00");
        assertThat(stored.indicators()).extracting(l -> l.shownPoints().toPlainString())
                .containsExactly("24.00", "11.25", "14.25");
        assertThat(stored.execution().weight()).isEqualByComparingTo("0");
        assertThat(evaluations.task(key, FINANCE).submittedBy()).isEqualTo("pwc.zhang");
        assertThat(repository.unapplied(REGION, YEAR, 0, 10)).singleElement()
                .satisfies(t -> assertThat(t.taskId()).isEqualTo(key));
    }

    @Test
    void theDepartmentEvaluatesItsOwnAgenciesProjects() {
        long self = selfEvaluated(1, false).get(0);
        ProCode project = evaluations.task(self, FINANCE).proCode();
        Actor otherDepartment = new Actor("DEPT-PORTAL", "sun", Set.of(Role.DEPARTMENT),
                new Scope(Set.of(), Set.of("101002")));
        assertThat(evaluations.assign(REGION, YEAR, EvaluationKind.DEPARTMENT, List.of(project), null,
                otherDepartment).notEvaluable()).as("another department's project looks unknown").hasSize(1);
        assertThatThrownBy(() -> evaluations.assign(REGION, YEAR, EvaluationKind.SELF, List.of(project), null,
                FINANCE)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> evaluations.assign(REGION, YEAR, EvaluationKind.DEPARTMENT, List.of(), null,
                DEPARTMENT)).isInstanceOf(InvalidInputException.class);
        Assigned assigned = evaluations.assign(REGION, YEAR, EvaluationKind.DEPARTMENT, List.of(project), null,
                DEPARTMENT);
        assertThat(assigned.opened()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(EvaluationKind.DEPARTMENT);
            assertThat(t.budget().yuan()).isEqualByComparingTo("1000000.00");
            assertThat(t.selfTotal()).isNull();
        });
        assertThat(evaluations.assign(REGION, YEAR, EvaluationKind.DEPARTMENT, List.of(project), null, FINANCE)
                .alreadyAssigned()).isEqualTo(1);
        long dept = assigned.opened().get(0).taskId();
        assertThatThrownBy(() -> evaluations.submit(dept, entries(), UNIT)).isInstanceOf(ForbiddenException.class);
        assertThat(evaluations.submit(dept, entries(), DEPARTMENT).total()).isEqualTo(new BigDecimal("80.50"));
        // the self-evaluation is still open, and the department's evaluation decides the result
        assertThat(repository.unapplied(REGION, YEAR, 0, 10)).singleElement()
                .satisfies(t -> assertThat(t.kind()).isEqualTo(EvaluationKind.DEPARTMENT));
    }

    @Test
    void whereTheRegionRequiresItClosingTheYearAlsoOpensTheUnitsWholeDepartmentEvaluation() {
        rules.put("evaluation.wholeDepartment", "true");
        approvedGoal("P-TRAIN");
        line("P-TRAIN", "B-1", "101001", ExpenditureKind.PROJECT, "1000000.00", "850000.00");
        line("P-SALARY", "B-2", "101001", ExpenditureKind.BASIC, "900000.00", "900000.00");
        line("P-OTHER", "B-3", "101002", ExpenditureKind.BASIC, "500000.00", "500000.00");

        YearClosed first = evaluations.closeYear(REGION, YEAR, AGENCY, HOST);
        assertThat(first.opened()).extracting(t -> t.kind()).containsExactly(EvaluationKind.SELF);
        assertThat(first.wholeWithoutGoal()).as("no whole-department goal yet").isTrue();

        approvedGoal("D-101001", GoalSubject.DEPARTMENT); // the host's code for the unit's whole expenditure
        YearClosed second = evaluations.closeYear(REGION, YEAR, AGENCY, HOST);
        assertThat(second.wholeWithoutGoal()).isFalse();
        assertThat(second.alreadyOpen()).isEqualTo(1);
        var whole = second.opened().get(0);
        assertThat(whole.kind()).isEqualTo(EvaluationKind.WHOLE);
        assertThat(whole.proCode()).isEqualTo(ProCode.of("D-101001"));
        assertThat(whole.budget().yuan()).as("basic and project lines of the unit").isEqualByComparingTo("1900000.00");
        assertThat(whole.spent().yuan()).isEqualByComparingTo("1750000.00");
        assertThat(evaluations.closeYear(REGION, YEAR, AGENCY, HOST).alreadyOpen()).isEqualTo(2);

        long self = first.opened().get(0).taskId();
        evaluations.submit(self, entries(), UNIT);
        assertThat(repository.unapplied(REGION, YEAR, 0, 10)).as("the unit's projects wait for its whole evaluation")
                .isEmpty();
        assertThatThrownBy(() -> evaluations.submit(whole.taskId(), entries(), OTHER_UNIT))
                .isInstanceOf(NotFoundException.class);
        // 40 + 22.5 + 9.5 = 72 from the indicators; execution 1,750,000 / 1,900,000 = 92.105…% → 9.2105…; 81.21 → 良
        Scorecard card = evaluations.submit(whole.taskId(), entries(), UNIT);
        assertThat(card.total()).isEqualTo(new BigDecimal("81.21"));
        assertThat(repository.unapplied(REGION, YEAR, 0, 10)).extracting(t -> t.taskId()).containsExactly(self);
        assertThatThrownBy(() -> evaluations.assign(REGION, YEAR, EvaluationKind.WHOLE, List.of(whole.proCode()),
                null, FINANCE)).isInstanceOf(InvalidInputException.class);
    }

    private static CriterionEntry criterion(KeyPart part, String name, String points, String score) {
        return new CriterionEntry(part, name, new BigDecimal(points), new BigDecimal(score));
    }
}
