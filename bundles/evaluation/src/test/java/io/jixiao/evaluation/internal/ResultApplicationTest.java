package io.jixiao.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.evaluation.Adjustment;
import io.jixiao.api.evaluation.AdjustmentStatus;
import io.jixiao.api.evaluation.ApplicationRun;
import io.jixiao.api.evaluation.EvaluationKind;
import io.jixiao.api.evaluation.EvaluationTask;
import io.jixiao.api.evaluation.ExecutionScore;
import io.jixiao.api.evaluation.Grade;
import io.jixiao.api.evaluation.ResultPolicy;
import io.jixiao.api.evaluation.Scorecard;
import io.jixiao.api.evaluation.TaskStatus;
import io.jixiao.api.evaluation.WhatIf;
import io.jixiao.api.goal.RuleSetView;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import io.jixiao.api.port.AllocationChange;
import io.jixiao.api.port.AllocationPort;
import io.jixiao.api.port.PortUnavailableException;
import io.jixiao.api.port.RequestedAmount;
import io.jixiao.api.rectification.CaseOrigin;
import io.jixiao.api.rectification.CaseStatus;
import io.jixiao.api.rectification.CaseStep;
import io.jixiao.api.rectification.RectificationCase;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.RectificationRepository;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.MyBatisEvaluation;
import io.jixiao.store.internal.Repositories;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Grades become changes of the next open year's requested amounts, written back once each — also when the host
 * fails in the middle of a batch. The store is real (H2); the host's compilation module is a stand-in that, like a
 * real one, applies a change id once.
 */
class ResultApplicationTest {
    private static final MofDivCode REGION = MofDivCode.of("140400000");
    private static final FiscalYear YEAR = FiscalYear.of(2026);
    private static final Actor FINANCE = Actor.of("JIXIAO-UI", "li.finance", Role.FINANCE);
    private static final Actor HOST = Actor.of("FINAL-ACCOUNTS", "host", Role.HOST_SYSTEM);
    /** 优 priority, 良 keep, 中 cut 10 %, 差 cancel; below 60 % execution a further 10 %. */
    private static final Map<String, String> POLICY = Map.of("result.action.EXCELLENT", "PRIORITY",
            "result.action.GOOD", "KEEP", "result.action.FAIR", "CUT:10", "result.action.POOR", "CANCEL",
            "result.lowExecution", "60:10");

    /** The host's compilation draft of 2028: requested amounts, and the change ids it applied. */
    private final Map<String, BigDecimal> draft = new LinkedHashMap<>();
    private final Map<String, String> depts = new HashMap<>();
    private final Map<String, BigDecimal> appliedIds = new HashMap<>();
    private final Map<String, String> appliedHashes = new HashMap<>();
    /** Changes the host applies in the next call before it fails; negative: it does not fail. */
    private int failAfter = -1;
    private int applyCalls;

    private MyBatisEvaluation repository;
    private Repositories store;
    private final Map<Long, Scorecard> submittedCards = new HashMap<>();
    private Evaluations evaluations;
    /** The region's rules: the policy above, and what a test adds. */
    private final Map<String, String> rules = new HashMap<>(POLICY);

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=Oracle;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Database.migrate(ds);
        var sessions = Database.sessions(ds, "");
        store = Repositories.over(sessions);
        repository = Repositories.over(sessions).evaluation();
        AllocationPort host = new AllocationPort() {
            @Override
            public Map<ProCode, RequestedAmount> requested(MofDivCode region, FiscalYear year,
                    Collection<ProCode> codes) {
                assertThat(year.value()).as("the evaluated year + 2").isEqualTo(2028);
                Map<ProCode, RequestedAmount> out = new HashMap<>();
                for (ProCode c : codes) {
                    if (draft.containsKey(c.value())) {
                        out.put(c, new RequestedAmount(c, AgencyCode.of("101001"), depts.get(c.value()),
                                draft.get(c.value())));
                    }
                }
                return out;
            }

            @Override
            public Map<String, Outcome> apply(MofDivCode region, FiscalYear year, List<AllocationChange> changes) {
                applyCalls++;
                Map<String, Outcome> out = new HashMap<>();
                int n = 0;
                for (AllocationChange c : changes) {
                    if (failAfter >= 0 && n++ == failAfter) {
                        failAfter = -1;
                        throw new PortUnavailableException("allocation", "connection reset", null);
                    }
                    if (appliedIds.containsKey(c.changeId())) {
                        out.put(c.changeId(), c.contentHash().equals(appliedHashes.get(c.changeId()))
                                ? Outcome.DUPLICATE : Outcome.CONFLICT);
                    } else if (!draft.containsKey(c.proCode().value())) {
                        out.put(c.changeId(), Outcome.UNKNOWN_PROJECT);
                    } else {
                        appliedIds.put(c.changeId(), c.change());
                        appliedHashes.put(c.changeId(), c.contentHash());
                        draft.merge(c.proCode().value(), c.change(), BigDecimal::add);
                        out.put(c.changeId(), Outcome.APPLIED);
                    }
                }
                return out;
            }
        };
        evaluations = new Evaluations(repository, store.goals(), store.rectification(),
                (region, year) -> new RuleSetView("140400000/2020#2 < national/2019#3", "140400000", 2, rules,
                        Map.of()), () -> null, () -> host,
                Clock.fixed(Instant.parse("2027-07-20T02:00:00Z"), ZoneOffset.UTC));
    }

    /** A submitted self-evaluation with its total, grade and execution (of a budget of 1,000,000). */
    private void evaluated(String project, String dept, String requested, String total, Grade grade, String spent) {
        evaluated(project, EvaluationKind.SELF, dept, requested, total, grade, spent);
    }

    private EvaluationTask evaluated(String project, EvaluationKind kind, String dept, String requested, String total,
            Grade grade, String spent) {
        if (requested != null) {
            draft.put(project, new BigDecimal(requested));
            depts.put(project, dept);
        }
        Instant now = Instant.now();
        EvaluationTask task = repository.openTasks(List.of(new EvaluationTask(0, REGION, YEAR, AgencyCode.of("101001"),
                ProCode.of(project), kind, 1, 1, new Money(new BigDecimal("1000000.00")),
                new Money(new BigDecimal(spent)), TaskStatus.OPEN, now, null, null, null, null, null, null, null,
                        null, null)),
                t -> new AuditEntry(now, "EVALUATION_OPENED", REGION, "EVALUATION_TASK", String.valueOf(t.taskId()),
                        HOST, "closed", "")).get(0);
        Scorecard card = new Scorecard("r", List.of(), List.of(), new ExecutionScore(task.budget(), task.spent(),
                BigDecimal.ONE, BigDecimal.TEN, BigDecimal.TEN), new BigDecimal(total), new BigDecimal(total), grade);
        EvaluationTask submitted = task.submitted("wang", now, card, null);
        repository.submit(submitted, card, new AuditEntry(now, "SELF_EVALUATION_SUBMITTED",
                REGION, "EVALUATION_TASK", String.valueOf(task.taskId()), HOST, "submitted", ""));
        submittedCards.put(task.taskId(), card);
        return submitted;
    }

    private void fourEvaluations() {
        evaluated("P-GOOD", "101", "1000000.00", "95.00", Grade.EXCELLENT, "980000.00");
        evaluated("P-FAIR-SLOW", "101", "500000.00", "72.50", Grade.FAIR, "500000.00");
        evaluated("P-POOR", "102", "300000.00", "55.00", Grade.POOR, "200000.00");
        evaluated("P-GONE", null, null, "85.00", Grade.GOOD, "900000.00");
    }

    @Test
    void gradesChangeTheRequestedAmountsOfTheYearAfterNextOnce() {
        fourEvaluations();
        // 优, execution 98 %: PRIORITY, no cut → 0
        // 中, execution 50 % < 60: CUT 10 + 10 = 20 % of 500,000 → −100,000.00
        // 差: CANCEL, 100 % of 300,000 → −300,000.00 (no further cut past 100)
        // 良 but not in 2028's draft → NOT_IN_DRAFT, nothing written
        ApplicationRun run = evaluations.applyResults(REGION, YEAR, FINANCE);

        assertThat(run.targetYear()).isEqualTo(2028);
        assertThat(run.recorded()).isEqualTo(4);
        assertThat(run.applied()).isEqualTo(3);
        assertThat(run.notInDraft()).isEqualTo(1);
        assertThat(run.change()).isEqualByComparingTo("-400000.00");
        assertThat(draft).containsEntry("P-GOOD", new BigDecimal("1000000.00"))
                .containsEntry("P-FAIR-SLOW", new BigDecimal("400000.00"))
                .containsEntry("P-POOR", new BigDecimal("0.00"));
        List<Adjustment> adjustments = evaluations.adjustments(REGION, YEAR, null, 0, 10, FINANCE);
        Adjustment slow = adjustments.get(1);
        assertThat(slow.action()).isEqualTo(ResultPolicy.Kind.CUT);
        assertThat(slow.cutPercent()).isEqualByComparingTo("20");
        assertThat(slow.policy()).isEqualTo("result.action.FAIR=CUT:10 + result.lowExecution=60:10 (execution 50.00 %)"
                + " @ 140400000/2020#2 < national/2019#3");
        assertThat(adjustments).extracting(Adjustment::status).containsExactly(AdjustmentStatus.APPLIED,
                AdjustmentStatus.APPLIED, AdjustmentStatus.APPLIED, AdjustmentStatus.NOT_IN_DRAFT);

        Actor ownUnit = new Actor("UNIT-PORTAL", "wang", java.util.Set.of(Role.UNIT),
                new io.jixiao.api.model.Scope(java.util.Set.of(), java.util.Set.of("101001")));
        Actor otherUnit = new Actor("UNIT-PORTAL", "zhao", java.util.Set.of(Role.UNIT),
                new io.jixiao.api.model.Scope(java.util.Set.of(), java.util.Set.of("101002")));
        assertThat(evaluations.adjustments(REGION, YEAR, null, 0, 2, ownUnit)).as("a full page of its agency's")
                .hasSize(2);
        assertThat(evaluations.adjustments(REGION, YEAR, null, 0, 10, otherUnit)).isEmpty();

        ApplicationRun again = evaluations.applyResults(REGION, YEAR, FINANCE);
        assertThat(again.recorded()).isZero();
        assertThat(again.applied()).isZero();
        assertThat(draft.get("P-FAIR-SLOW")).as("nothing doubled").isEqualByComparingTo("400000.00");
    }

    @Test
    void aResultNotRectifiedByTheApplicationDateIsAppliedUnderTheNotRectifiedPolicyAndOnceClosedUnderTheNormalOne() {
        rules.put("result.notRectified.action.FAIR", "CUT:30"); // e.g. Yunxi: 不进行整改…调减或取消
        EvaluationTask slow = evaluated("P-FAIR-OPEN", EvaluationKind.SELF, "101", "500000.00", "72.50", Grade.FAIR,
                "800000.00");
        EvaluationTask fixed = evaluated("P-FAIR-FIXED", EvaluationKind.SELF, "101", "500000.00", "72.50", Grade.FAIR,
                "800000.00");
        EvaluationTask good = evaluated("P-GOOD-2", EvaluationKind.SELF, "101", "500000.00", "85.00", Grade.GOOD,
                "800000.00");
        EvaluationCases opener = new EvaluationCases(store.rectification(),
                (region, year) -> io.jixiao.rules.RuleReader.rectification("test#1", rules),
                Clock.fixed(Instant.parse("2027-04-01T02:00:00Z"), ZoneOffset.UTC));
        RectificationCase open = opener.open(slow, submittedCards.get(slow.taskId()), FINANCE);
        RectificationCase toClose = opener.open(fixed, submittedCards.get(fixed.taskId()), FINANCE);
        assertThat(opener.open(good, submittedCards.get(good.taskId()), FINANCE)).as("良 calls for none").isNull();
        assertThat(opener.open(slow, submittedCards.get(slow.taskId()), FINANCE)).as("one per evaluation").isNull();
        assertThat(open.origin()).isEqualTo(CaseOrigin.EVALUATION);
        assertThat(open.originId()).isEqualTo(String.valueOf(slow.taskId()));
        assertThat(open.organiser()).isEqualTo(io.jixiao.api.model.Role.FINANCE);
        assertThat(open.deadline()).as("60 days by default").isEqualTo(java.time.LocalDate.of(2027, 5, 31));
        assertThat(open.problems().get(0).text()).isEqualTo("单位自评得分 72.50，等级中");
        closeRectified(toClose);
        io.jixiao.api.evaluation.WhatIf whatIf = evaluations.whatIf(REGION, YEAR, Map.of(), FINANCE);
        assertThat(whatIf.notRectified()).as("one result not rectified").isEqualTo(1);
        assertThat(whatIf.region().change()).as("CUT:30 of 500,000 and CUT:10 of 500,000")
                .isEqualByComparingTo("-200000.00");
        assertThat(whatIf.regionIfRectified().change()).as("both CUT:10").isEqualByComparingTo("-100000.00");

        evaluations.applyResults(REGION, YEAR, FINANCE);

        Map<String, Adjustment> byProject = new HashMap<>();
        evaluations.adjustments(REGION, YEAR, null, 0, 10, FINANCE).forEach(a -> byProject.put(a.proCode().value(),
                a));
        assertThat(byProject.get("P-FAIR-OPEN").cutPercent()).isEqualByComparingTo("30");
        assertThat(byProject.get("P-FAIR-OPEN").policy()).startsWith("result.notRectified.action.FAIR=CUT:30 "
                + "(rectification case " + open.id() + " OPEN, not closed RECTIFIED)");
        assertThat(draft).containsEntry("P-FAIR-OPEN", new BigDecimal("350000.00"))
                .as("closed RECTIFIED before the application: the normal policy")
                .containsEntry("P-FAIR-FIXED", new BigDecimal("450000.00"))
                .containsEntry("P-GOOD-2", new BigDecimal("500000.00"));
        assertThat(byProject.get("P-FAIR-FIXED").policy()).startsWith("result.action.FAIR=CUT:10");
        assertThat(evaluations.applyResults(REGION, YEAR, FINANCE).recorded()).as("written back once").isZero();
    }

    /** Closes a case RECTIFIED as its organiser would, through the store. */
    private void closeRectified(RectificationCase c) {
        RectificationRepository.StoredCase s = store.rectification().find(c.id()).orElseThrow();
        Instant at = Instant.parse("2027-05-01T02:00:00Z");
        RectificationCase closed = new RectificationCase(c.id(), c.origin(), c.originId(), c.mofDivCode(),
                c.fiscalYear(), c.subject(), c.agencyCode(), c.proCode(), c.deptCode(), c.subjectDivCode(),
                c.organiser(), c.problems(), c.responsible(), c.deadline(), CaseStatus.RECTIFIED, null, null, null,
                null, c.openedBy(), c.openedAt(), at, c.ruleVersion());
        store.rectification().change(new RectificationRepository.Change(s, closed, new CaseStep(c.id(), 2,
                "RECTIFIED", CaseStatus.RECTIFIED, "JIXIAO-UI/li", at, "ok", c.deadline()), new AuditEntry(at,
                        "RECTIFICATION_RECTIFIED", REGION, "RECTIFICATION_CASE", String.valueOf(c.id()), FINANCE, "ok",
                        "")), true).orElseThrow();
    }

    @Test
    void aUnitsWholeDepartmentGradeAddsItsCutToEachOfItsProjects() {
        rules.put("result.department.action.FAIR", "CUT:5");
        fourEvaluations();
        // the unit 101001 as a whole (部门整体): 中; its projects' cuts grow by 5 points
        evaluated("D-101001", EvaluationKind.WHOLE, null, null, "70.00", Grade.FAIR, "900000.00");
        ApplicationRun run = evaluations.applyResults(REGION, YEAR, FINANCE);

        assertThat(run.recorded()).as("the whole-department evaluation is no project's adjustment").isEqualTo(4);
        // 优 PRIORITY + 5 → −50,000.00; 中 at 50 %: 10 + 10 + 5 = 25 % of 500,000 → −125,000.00; 差 CANCEL stays 100 %
        assertThat(draft).containsEntry("P-GOOD", new BigDecimal("950000.00"))
                .containsEntry("P-FAIR-SLOW", new BigDecimal("375000.00"))
                .containsEntry("P-POOR", new BigDecimal("0.00"));
        Adjustment good = evaluations.adjustments(REGION, YEAR, null, 0, 10, FINANCE).get(0);
        assertThat(good.action()).isEqualTo(ResultPolicy.Kind.CUT);
        assertThat(good.policy()).startsWith("result.action.EXCELLENT=PRIORITY + result.department.action.FAIR=CUT:5"
                + " (unit 101001 as a whole 70.00, evaluation ");
    }

    @Test
    void projectsWaitForTheirUnitsOpenWholeDepartmentEvaluation() {
        evaluated("P-GOOD", "101", "1000000.00", "95.00", Grade.EXCELLENT, "980000.00");
        Instant now = Instant.now();
        repository.openTasks(List.of(new EvaluationTask(0, REGION, YEAR, AgencyCode.of("101001"),
                ProCode.of("D-101001"), EvaluationKind.WHOLE, 1, 1, new Money(new BigDecimal("1000000.00")),
                new Money(new BigDecimal("900000.00")), TaskStatus.OPEN, now, null, null, null, null, null, null, null,
                null, null)), t -> new AuditEntry(now, "EVALUATION_OPENED", REGION, "EVALUATION_TASK",
                        String.valueOf(t.taskId()), HOST, "closed", ""));
        assertThat(evaluations.applyResults(REGION, YEAR, FINANCE).recorded()).isZero();
        assertThat(evaluations.whatIf(REGION, YEAR, Map.of(), FINANCE).region().projects()).isZero();
    }

    /**
     * Issue 22: the host applied one of the change ids before with other content (an earlier installation, or a
     * database restored to before the change): the host answers CONFLICT, the change is not counted as applied, not
     * summed into the run's change, and not sent again.
     */
    @Test
    void aChangeIdTheHostAppliedWithOtherContentIsAConflictAndNeverCountedAsApplied() {
        fourEvaluations();
        long slow = repository.unapplied(REGION, YEAR, 0, 100).stream()
                .filter(t -> t.proCode().value().equals("P-FAIR-SLOW")).findFirst().orElseThrow().taskId();
        appliedIds.put("JX-EV-" + slow, new BigDecimal("-1500000.00"));
        appliedHashes.put("JX-EV-" + slow, "0".repeat(64));

        ApplicationRun run = evaluations.applyResults(REGION, YEAR, FINANCE);

        assertThat(run.applied()).isEqualTo(2);
        assertThat(run.conflicts()).isEqualTo(1);
        assertThat(run.pending()).isZero();
        assertThat(run.change()).as("P-GOOD 0 and P-POOR's cancel only").isEqualByComparingTo("-300000.00");
        assertThat(draft.get("P-FAIR-SLOW")).isEqualByComparingTo("500000.00");
        assertThat(evaluations.adjustments(REGION, YEAR, AdjustmentStatus.CONFLICT, 0, 10, FINANCE))
                .singleElement().satisfies(a -> assertThat(a.taskId()).isEqualTo(slow));
        int calls = applyCalls;
        ApplicationRun again = evaluations.applyResults(REGION, YEAR, FINANCE);
        assertThat(again.conflicts()).as("not sent again").isZero();
        assertThat(applyCalls).isEqualTo(calls);
    }

    @Test
    void aHostThatFailsInTheMiddleOfABatchGetsTheSameChangesAgainAndAppliesEachOnce() {
        fourEvaluations();
        failAfter = 1; // the host applies P-GOOD's change, then the connection breaks
        assertThatThrownBy(() -> evaluations.applyResults(REGION, YEAR, FINANCE))
                .isInstanceOf(PortUnavailableException.class);
        assertThat(evaluations.adjustments(REGION, YEAR, AdjustmentStatus.PENDING, 0, 10, FINANCE)).hasSize(3);
        assertThat(draft.get("P-POOR")).as("not reached").isEqualByComparingTo("300000.00");

        ApplicationRun retry = evaluations.applyResults(REGION, YEAR, FINANCE);
        assertThat(retry.recorded()).as("no evaluation recorded twice").isZero();
        assertThat(retry.applied()).isEqualTo(3);
        assertThat(appliedIds).hasSize(3);
        assertThat(draft).containsEntry("P-GOOD", new BigDecimal("1000000.00"))
                .containsEntry("P-FAIR-SLOW", new BigDecimal("400000.00"))
                .containsEntry("P-POOR", new BigDecimal("0.00"));
        assertThat(evaluations.adjustments(REGION, YEAR, AdjustmentStatus.PENDING, 0, 10, FINANCE)).isEmpty();
    }

    @Test
    void whatIfShowsATablesEffectByDepartmentAndWritesNothing() {
        fourEvaluations();
        WhatIf regional = evaluations.whatIf(REGION, YEAR, Map.of(), FINANCE);
        // dept 101: 1,000,000 + 500,000 requested, −100,000; dept 102: 300,000, −300,000
        assertThat(regional.targetYear()).isEqualTo(2028);
        assertThat(regional.region().requested()).isEqualByComparingTo("1800000.00");
        assertThat(regional.region().change()).isEqualByComparingTo("-400000.00");
        assertThat(regional.region().result()).isEqualByComparingTo("1400000.00");
        assertThat(regional.departments()).extracting(WhatIf.Totals::code).containsExactly("101", "102");
        assertThat(regional.departments().get(0).change()).isEqualByComparingTo("-100000.00");
        assertThat(regional.notInDraft()).isEqualTo(1);

        // a stricter table: 中 cut 20 % (+10 % for low execution → 30 % of 500,000), 优 kept
        WhatIf stricter = evaluations.whatIf(REGION, YEAR, Map.of("result.action.FAIR", "CUT:20"), FINANCE);
        assertThat(stricter.policyVersion()).startsWith("proposed < ");
        assertThat(stricter.region().change()).isEqualByComparingTo("-450000.00");
        assertThat(stricter.region().cut()).isEqualTo(2);

        assertThat(applyCalls).as("what-if writes nothing").isZero();
        assertThat(evaluations.adjustments(REGION, YEAR, null, 0, 10, FINANCE)).isEmpty();
        assertThatThrownBy(() -> evaluations.whatIf(REGION, YEAR, Map.of("result.action.FAIR", "HALVE"), FINANCE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("result.action.FAIR");
        assertThatThrownBy(() -> evaluations.whatIf(REGION, YEAR, Map.of("indicators.min", "3"), FINANCE))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> evaluations.applyResults(REGION, YEAR, HOST)).isInstanceOf(ForbiddenException.class);
    }
}
