package io.jixiao.it.framework;

import io.jixiao.api.monitoring.Alert;
import io.jixiao.api.monitoring.AlertLevel;
import io.jixiao.api.monitoring.AlertStatus;
import io.jixiao.api.monitoring.Consequence;
import io.jixiao.api.monitoring.Finding;
import io.jixiao.api.monitoring.Round;
import io.jixiao.api.monitoring.RoundStatus;
import io.jixiao.store.MonitoringRepository;
import java.util.Map;
import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.api.goal.BudgetKind;
import io.jixiao.api.goal.ComputeSign;
import io.jixiao.api.goal.Goal;
import io.jixiao.api.goal.GoalService;
import io.jixiao.api.goal.GoalSubject;
import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.goal.Indicator;
import io.jixiao.api.goal.Level2;
import io.jixiao.api.goal.ProjectClass;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.goal.ReviewStage;
import io.jixiao.api.goal.ProjectLevel;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.Money;
import java.math.BigDecimal;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.PayAppNo;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Role;
import io.jixiao.api.service.AuditService;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldService;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.DecisionRepository;
import java.util.List;

/**
 * The state of region 440100000 that the registry's requests address — a held project, the corpus project and
 * application, the region's audit chain — captured before a batch of refused requests and checked after it.
 */
final class UnchangedState {
    static final MofDivCode REGION = MofDivCode.of("440100000");
    private static final Actor FINANCE = Actor.of("state-check", "state-check", Role.FINANCE);

    private static long goalId;
    private static long roundId;
    private static long alertId;
    private static long bypassId;
    private static long taskId;
    private static long evaluationId;
    private static long caseId;
    private static long referralId;
    /** The lower government (configured under 440100000) whose comprehensive evaluation the requests address. */
    static final MofDivCode LOWER = MofDivCode.of("440199000");
    /** The indicators of the published goal of {@link Endpoints#GOAL_PROJECT}, in order. */
    static final List<String> INDICATORS = java.util.stream.Stream.of("QUANTITY", "COST", "SOCIAL", "SATISFACTION",
            "QUALITY", "TIMELINESS", "ECONOMIC", "ECOLOGICAL").map(l2 -> "指标 " + l2).toList();

    private final Hold held;
    private final long auditRows;
    private final List<Integer> goalVersions;

    private UnchangedState(Hold held, long auditRows, List<Integer> goalVersions) {
        this.held = held;
        this.auditRows = auditRows;
        this.goalVersions = goalVersions;
    }

    /** Makes sure the held project has an active hold to address, and records the audit chain's length. */
    static UnchangedState capture(HoldService holds, AuditService audit) {
        HoldTarget target = HoldTarget.project(REGION, ProCode.of(Endpoints.HELD_PROJECT));
        List<Hold> active = holds.activeHolds(target);
        Hold held = active.isEmpty()
                ? holds.place(target, HoldKind.SUSPEND, Reason.of("addressed by the registry's requests"), FINANCE)
                : active.get(0);
        GoalService goals = service(GoalService.class);
        long goal = goal(goals);
        monitoring(service(MonitoringRepository.class));
        bypass(service(io.jixiao.api.service.PaymentGuardAdmin.class));
        evaluation(service(io.jixiao.store.EvaluationRepository.class), goal);
        comprehensive(service(io.jixiao.store.RegionEvaluationRepository.class));
        rectification(service(io.jixiao.store.RectificationRepository.class));
        return new UnchangedState(held, audit.verify(REGION, FINANCE).rowsChecked(), goals.versions(goal, FINANCE));
    }

    /** A published goal (version 1) with an open adjustment (version 2, a draft), made once per framework. */
    private static synchronized long goal(GoalService goals) {
        if (goalId == 0) {
            Actor unit = Actor.of("state-check", "state-check", Role.UNIT);
            ProjectFacts project = new ProjectFacts(REGION, FiscalYear.of(2026), AgencyCode.of("101001"),
                    ProCode.of(Endpoints.GOAL_PROJECT), ProjectClass.DEVELOPMENT, ProjectLevel.FIRST,
                    BudgetKind.GENERAL_PUBLIC, Money.positive("AMOUNT", new BigDecimal("2000000.00")), false, true,
                    null);
            List<Indicator> indicators = new java.util.ArrayList<>();
            for (String name : INDICATORS) {
                indicators.add(new Indicator(Level2.valueOf(name.substring("指标 ".length())), name, ComputeSign.GE,
                        "1", "个", new BigDecimal("11.25"), "", null));
            }
            Goal goal = new Goal(GoalSubject.PROJECT, "addressed by the registry's requests", "", indicators);
            GoalVersion draft = goals.draft(project, goal, unit);
            goals.submit(draft.goalId(), 1, unit);
            goals.approve(draft.goalId(), 1, FINANCE);
            for (ReviewStage stage : ReviewStage.values()) { // Guangzhou's three review stages
                goals.reviewStage(draft.goalId(), 1, stage, stage == ReviewStage.COMPILATION
                        ? new BigDecimal("2000000.00") : null, "", FINANCE);
            }
            goals.publish(draft.goalId(), 1, FINANCE);
            goals.adjust(draft.goalId(), "TZ-STATE", project, goal, unit);
            goalId = draft.goalId();
        }
        return goalId;
    }

    /**
     * A finished monitoring round of the region with one open RED result, written straight to the store (a round
     * run now would write to the region's audit chain in the background), made once per framework.
     */
    private static synchronized void monitoring(MonitoringRepository repository) {
        if (roundId == 0) {
            long id = repository.nextRoundId();
            java.time.LocalDate cutOff = java.time.LocalDate.parse(Endpoints.CUT_OFF);
            java.time.Instant now = java.time.Instant.now();
            Round round = new Round(id, REGION, FiscalYear.of(2026), cutOff, cutOff.plusMonths(1), false,
                    RoundStatus.QUEUED, "fixture", io.jixiao.api.goal.GateMode.ENFORCE, 1, 1, 1, Map.of(), 0, null,
                    "state-check", now, now);
            repository.insertRound(new MonitoringRepository.RoundState(round, null, FINANCE, null, null), null,
                    new io.jixiao.store.AuditEntry(now, "MONITORING_ROUND_STARTED", REGION, "MONITORING_ROUND",
                            String.valueOf(id), FINANCE, "fixture", ""));
            Alert alert = new Alert(0, id, REGION, FiscalYear.of(2026), ProCode.of(Endpoints.GOAL_PROJECT),
                    AgencyCode.of("101001"), "101001", new BigDecimal("1000.00"), new BigDecimal("10.00"),
                    new BigDecimal("1.00"), new BigDecimal("58.08"), java.util.EnumSet.of(Finding.EXECUTION_GAP),
                    AlertLevel.RED, java.util.EnumSet.of(Consequence.RECTIFY), false, null, AlertStatus.OPEN, null,
                    now);
            repository.claim(id, "fixture", now, now);
            alertId = repository.insertResults(id, "fixture", List.of(alert)).orElseThrow().get(0).id();
            repository.finish(id, "fixture", RoundStatus.COMPLETED, null, now, new io.jixiao.store.AuditEntry(now,
                    "MONITORING_ROUND_COMPLETED", REGION, "MONITORING_ROUND", String.valueOf(id), FINANCE, "fixture",
                    ""));
            roundId = id;
        }
    }

    /** A bypass of the region, opened and closed at once: the registry's closing requests address it. */
    private static synchronized void bypass(io.jixiao.api.service.PaymentGuardAdmin admin) {
        if (bypassId == 0) {
            io.jixiao.api.service.Bypass opened = admin.openBypass(REGION, java.time.Instant.now().plusSeconds(60),
                    Reason.of("addressed by the registry's requests"), FINANCE);
            admin.closeBypass(opened.bypassId(), Reason.of("fixture"), FINANCE);
            bypassId = opened.bypassId();
        }
    }

    /**
     * An open self-evaluation of the goal's project, written straight to the store (a year's close would need the
     * host's ledger), made once per framework.
     */
    private static synchronized void evaluation(io.jixiao.store.EvaluationRepository repository, long goal) {
        if (taskId == 0) {
            java.time.Instant now = java.time.Instant.now();
            io.jixiao.api.evaluation.EvaluationTask task = new io.jixiao.api.evaluation.EvaluationTask(0, REGION,
                    FiscalYear.of(2026), AgencyCode.of("101001"), ProCode.of(Endpoints.GOAL_PROJECT),
                    io.jixiao.api.evaluation.EvaluationKind.SELF, goal, 1,
                    Money.positive("BUDGET_AMT", new BigDecimal("2000000.00")),
                    Money.positive("SPENT_AMT", new BigDecimal("1500000.00")),
                    io.jixiao.api.evaluation.TaskStatus.OPEN, now, null, null, null, null, null, null,
                    null, null, null);
            taskId = repository.openTasks(List.of(task), t -> new io.jixiao.store.AuditEntry(now,
                    "EVALUATION_OPENED", REGION, "EVALUATION_TASK", String.valueOf(t.taskId()), FINANCE, "fixture",
                    "", t.agencyCode(), t.proCode())).get(0).taskId();
        }
    }

    /** An open comprehensive evaluation of the lower government, written straight to the store, made once. */
    private static synchronized void comprehensive(io.jixiao.store.RegionEvaluationRepository repository) {
        if (evaluationId == 0) {
            java.time.Instant now = java.time.Instant.now();
            io.jixiao.api.evaluation.RegionEvaluation open = new io.jixiao.api.evaluation.RegionEvaluation(0, REGION,
                    FiscalYear.of(2026), LOWER, io.jixiao.api.evaluation.TaskStatus.OPEN, "state-check", now, null,
                    null, null, null, null, null, null);
            evaluationId = repository.open(List.of(open), e -> new io.jixiao.store.AuditEntry(now,
                    "REGION_EVALUATION_OPENED", REGION, "REGION_EVALUATION", String.valueOf(e.evaluationId()),
                    FINANCE, "fixture", "subject=" + LOWER)).get(0).evaluationId();
        }
    }

    /**
     * A rectification case of the goal's project, closed RECTIFIED (so no step of the registry's requests applies to
     * it and nothing is under strict control), written straight to the store, made once.
     */
    private static synchronized void rectification(io.jixiao.store.RectificationRepository repository) {
        if (caseId == 0) {
            java.time.Instant now = java.time.Instant.now();
            long id = repository.nextCaseId();
            io.jixiao.api.rectification.RectificationCase closed = new io.jixiao.api.rectification.RectificationCase(
                    id, io.jixiao.api.rectification.CaseOrigin.MANUAL, null, REGION, FiscalYear.of(2026),
                    io.jixiao.api.rectification.CaseSubject.PROJECT, AgencyCode.of("101001"),
                    ProCode.of(Endpoints.GOAL_PROJECT), null, null, Role.FINANCE,
                    List.of(new io.jixiao.api.rectification.Problem("addressed by the registry's requests", null)), null,
                    java.time.LocalDate.of(2026, 12, 31), io.jixiao.api.rectification.CaseStatus.RECTIFIED, null, null,
                    null, null, "state-check/state-check", now, now, "fixture");
            repository.open(List.of(new io.jixiao.store.RectificationRepository.Opening(closed,
                    new io.jixiao.api.rectification.CaseStep(id, 1, "OPENED", closed.status(), closed.openedBy(), now,
                            null, closed.deadline()),
                    new io.jixiao.store.AuditEntry(now, "RECTIFICATION_OPENED", REGION, "RECTIFICATION_CASE",
                            String.valueOf(id), FINANCE, "fixture", ""))));
            caseId = id;
            referralId = repository.refer(new io.jixiao.api.rectification.Referral(0, id, REGION,
                    io.jixiao.api.rectification.ReferralGround.FRAUD, "fixture", "addressed by the registry's requests",
                    List.of(), "state-check/state-check", now, List.of()), new io.jixiao.store.AuditEntry(now,
                            "ACCOUNTABILITY_REFERRED", REGION, "ACCOUNTABILITY_REFERRAL", "0", FINANCE, "fixture",
                            "")).id();
        }
    }

    private static <S> S service(Class<S> type) {
        BundleContext context = FrameworkUtil.getBundle(UnchangedState.class).getBundleContext();
        return context.getService(context.getServiceReference(type));
    }

    long holdId() {
        return held.holdId();
    }

    long goalId() {
        return goalId;
    }

    long roundId() {
        return roundId;
    }

    long alertId() {
        return alertId;
    }

    long bypassId() {
        return bypassId;
    }

    long taskId() {
        return taskId;
    }

    long evaluationId() {
        return evaluationId;
    }

    long caseId() {
        return caseId;
    }

    long referralId() {
        return referralId;
    }

    /** Nothing the refused requests asked for happened. */
    void assertUnchanged(HoldService holds, DecisionRepository decisions, AuditService audit)
            throws Exception {
        Jixiao.journalBarrier(decisions); // a PASS answered to a refused request would be written by now
        assertThat(decisions.findByApplication(REGION, FiscalYear.of(2026), PayAppNo.of(Endpoints.CORPUS_APP)))
                .isEmpty();
        assertThat(holds.activeHolds(HoldTarget.project(REGION, ProCode.of(Endpoints.CORPUS_PROJECT)))).isEmpty();
        assertThat(holds.find(held.holdId()).orElseThrow().isActive()).isTrue();
        assertThat(audit.verify(REGION, FINANCE).rowsChecked()).isEqualTo(auditRows);
        assertThat(service(GoalService.class).versions(goalId, FINANCE)).isEqualTo(goalVersions);
        assertThat(service(io.jixiao.api.service.PaymentGuardAdmin.class).state(REGION, FINANCE).bypass())
                .as("no bypass opened").isNull();
        MonitoringRepository monitoring = service(MonitoringRepository.class);
        assertThat(monitoring.round(roundId).orElseThrow().round().status()).isEqualTo(RoundStatus.COMPLETED);
        assertThat(monitoring.alert(alertId).orElseThrow().status()).isEqualTo(AlertStatus.OPEN);
        assertThat(monitoring.active(REGION, FiscalYear.of(2026), java.time.LocalDate.parse(Endpoints.CUT_OFF)))
                .isFalse();
        assertThat(service(io.jixiao.store.EvaluationRepository.class).find(taskId).orElseThrow().status())
                .as("the self-evaluation still open").isEqualTo(io.jixiao.api.evaluation.TaskStatus.OPEN);
        assertThat(service(io.jixiao.store.RegionEvaluationRepository.class).find(evaluationId).orElseThrow()
                .status()).as("the comprehensive evaluation still open")
                .isEqualTo(io.jixiao.api.evaluation.TaskStatus.OPEN);
        assertThat(service(io.jixiao.store.RegionEvaluationRepository.class).evaluations(REGION, FiscalYear.of(2026),
                null, null)).as("no other opened").hasSize(1);
        io.jixiao.store.RectificationRepository.StoredCase fixture = service(
                io.jixiao.store.RectificationRepository.class).find(caseId).orElseThrow();
        assertThat(fixture.value().status()).as("the case still closed RECTIFIED")
                .isEqualTo(io.jixiao.api.rectification.CaseStatus.RECTIFIED);
        assertThat(fixture.steps()).as("no step taken").isEqualTo(1);
        assertThat(service(io.jixiao.store.RectificationRepository.class).referrals(REGION))
                .as("no referral made, no outcome added")
                .filteredOn(r -> r.caseId() == caseId).singleElement()
                .satisfies(r -> assertThat(r.outcomes()).isEmpty());
        assertThat(service(io.jixiao.store.RectificationRepository.class).page(REGION, java.util.Set.of(), false, 0,
                1000)).as("no case opened").extracting(io.jixiao.api.rectification.RectificationCase::proCode)
                .doesNotContain(ProCode.of(Endpoints.CORPUS_PROJECT));
        assertThat(monitoring.report(REGION, FiscalYear.of(2026), java.time.LocalDate.parse(Endpoints.CUT_OFF),
                ProCode.of(Endpoints.GOAL_PROJECT))).isEmpty();
    }
}
