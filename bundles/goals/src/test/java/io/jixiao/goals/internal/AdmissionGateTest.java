package io.jixiao.goals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.goal.Assessment;
import io.jixiao.api.goal.AssessmentConclusion;
import io.jixiao.api.goal.AssessmentTier;
import io.jixiao.api.goal.GateMode;
import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.goal.ProjectClass;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.goal.ReviewStage;
import io.jixiao.api.goal.RuleViolation;
import io.jixiao.api.hook.GateDecision;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.Role;
import io.jixiao.api.rectification.CaseOrigin;
import io.jixiao.api.rectification.CaseStatus;
import io.jixiao.api.rectification.CaseStep;
import io.jixiao.api.rectification.CaseSubject;
import io.jixiao.api.rectification.Problem;
import io.jixiao.api.rectification.RectificationCase;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.Repositories;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "No goal, no budget" at the project library: an approved goal, and a supporting ex-ante assessment of the
 * required tier where the region's thresholds require one; warn mode reports but admits; every decision audited.
 */
class AdmissionGateTest {
    private static final Actor LIBRARY = Actor.of("PROJECT-LIB", "sun.operator", Role.HOST_SYSTEM);
    private static final Actor UNIT = Actor.of("UNIT-PORTAL", "wang.unit", Role.UNIT);
    private static final Actor FINANCE = Actor.of("JIXIAO-UI", "li.finance", Role.FINANCE);
    private static final AtomicInteger PROJECTS = new AtomicInteger();
    private static final Map<String, BigDecimal> FIVE = Map.of("necessity", BigDecimal.valueOf(90), "inputEconomy",
            BigDecimal.valueOf(85), "goalReasonableness", BigDecimal.valueOf(80), "feasibility", BigDecimal.valueOf(88),
            "fundingCompliance", BigDecimal.valueOf(95));

    /** Guangzhou's own dimensions (seed 002 ¶20: 必要性、可行性、规模、标准、绩效目标合理性和有效性). */
    private static final Map<String, BigDecimal> GUANGZHOU_SIX = Map.of("necessity", BigDecimal.valueOf(90),
            "feasibility", BigDecimal.valueOf(88), "scale", BigDecimal.valueOf(85), "standard", BigDecimal.valueOf(80),
            "goalReasonableness", BigDecimal.valueOf(82), "effectiveness", BigDecimal.valueOf(86));

    private Repositories store;
    private GoalWorkflow goals;
    private List<RuleSet> sets;
    private Clock clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=Oracle;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Database.migrate(ds);
        store = Repositories.over(Database.sessions(ds, ""));
        sets = new ArrayList<>(Presets.sets());
        goals = new GoalWorkflow(store.goals(), this::book, Clock.systemUTC());
    }

    private RuleBook book() {
        return new RuleBook(sets, region -> Optional.ofNullable(Presets.PARENTS.get(region.value()))
                .map(io.jixiao.api.model.MofDivCode::of));
    }

    private AdmissionGate gate() {
        return new AdmissionGate(store.goals(), store.rectification(), this::book, clock);
    }

    private static ProjectFacts project(String region, String amount, boolean newProject) {
        ProjectFacts p = GoalRulesTest.project(region, ProjectClass.DEVELOPMENT, amount, newProject, true, null);
        return new ProjectFacts(p.mofDivCode(), p.fiscalYear(), p.agencyCode(),
                io.jixiao.api.model.ProCode.of("AD-" + PROJECTS.incrementAndGet()), p.projectClass(), p.level(),
                p.budget(), p.amount(), p.newProject(), p.recurring(), p.previousYearAmount());
    }

    private GoalVersion approvedGoal(ProjectFacts project) {
        GoalVersion draft = goals.draft(project, GoalRulesTest.goal(8, 8), UNIT);
        goals.submit(draft.goalId(), 1, UNIT);
        return goals.approve(draft.goalId(), 1, FINANCE);
    }

    private void assess(ProjectFacts project, AssessmentTier tier, AssessmentConclusion conclusion) {
        goals.recordAssessment(new Assessment(project.mofDivCode(), project.fiscalYear(), project.proCode(), tier,
                project.mofDivCode().value().equals("440100000") ? GUANGZHOU_SIX : FIVE, conclusion, "广州市财政局评审中心",
                false, "穗财评〔2026〕1号"), FINANCE);
    }

    private static List<String> codes(GateDecision d) {
        return d.reasons().stream().map(RuleViolation::code).toList();
    }

    private List<String> audit(ProjectFacts p) {
        return store.audit().findBySubject("PROJECT", p.fiscalYear() + "/" + p.proCode(), 20).stream()
                .map(e -> e.action() + ":" + e.actor().callerSystem() + "/" + e.actor().operator())
                .collect(Collectors.toList());
    }

    /** Sets the strict-control mode of a region's own rule set (the rest of the preset unchanged). */
    private void strictControl(String region, String mode) {
        RuleSet own = sets.stream().filter(set -> set.region().equals(region))
                .max(java.util.Comparator.comparingInt(RuleSet::fromYear).thenComparingInt(RuleSet::revision))
                .orElseThrow();
        Map<String, String> values = new java.util.HashMap<>(own.values());
        values.put("rectification.strictControl.mode", mode);
        values.put("rectification.strictControl.article", "长治市 第三十二条");
        sets.remove(own);
        sets.add(new RuleSet(own.region(), own.fromYear(), own.revision(), values));
    }

    /** A case of the project's unit, overdue: the unit is under strict control. */
    static RectificationCase overdueCase(Repositories store, ProjectFacts p, String project) {
        long id = store.rectification().nextCaseId();
        Instant at = Instant.parse("2026-02-01T00:00:00Z");
        RectificationCase c = new RectificationCase(id, CaseOrigin.MANUAL, null, p.mofDivCode(), p.fiscalYear(),
                CaseSubject.PROJECT, p.agencyCode(), io.jixiao.api.model.ProCode.of(project), null, null, Role.FINANCE,
                List.of(new Problem("执行率偏低", null)), null, java.time.LocalDate.of(2026, 1, 31), CaseStatus.OVERDUE,
                null, at, null, null, "JIXIAO-UI/li", at, null, "test#1");
        store.rectification().open(List.of(new io.jixiao.store.RectificationRepository.Opening(c,
                new CaseStep(id, 1, "OPENED", CaseStatus.OVERDUE, "JIXIAO-UI/li", at, null, c.deadline()),
                new io.jixiao.store.AuditEntry(at, "RECTIFICATION_OPENED", p.mofDivCode(), "RECTIFICATION_CASE",
                        String.valueOf(id), FINANCE, "test", ""))));
        return c;
    }

    @Test
    void aUnitUnderStrictControlGetsNoNewProjectWhereTheRegionEnforcesIt() {
        ProjectFacts project = project("140400000", "2000000", true);
        approvedGoal(project);
        GateDecision before = gate().admit(project, LIBRARY);
        assertThat(codes(before)).doesNotContain("STRICT_CONTROL");
        RectificationCase c = overdueCase(store, project, "OLD-1");

        strictControl("140400000", "WARN");
        GateDecision warned = gate().admit(project, LIBRARY);
        assertThat(warned.admitted()).as("WARN reports it").isEqualTo(before.admitted());
        RuleViolation strict = warned.reasons().stream().filter(r -> r.code().equals("STRICT_CONTROL")).findFirst()
                .orElseThrow();
        assertThat(strict.field()).isEqualTo("AGENCY_CODE");
        assertThat(strict.messageEn()).contains("case(s) " + c.id(), "OVERDUE");
        assertThat(strict.source()).isEqualTo("长治市 第三十二条");

        strictControl("140400000", "ENFORCE");
        GateDecision refused = gate().admit(project, LIBRARY);
        assertThat(refused.admitted()).isFalse();
        assertThat(codes(refused)).contains("STRICT_CONTROL");
        assertThat(audit(project)).last().asString().startsWith("ADMISSION_REFUSED");

        strictControl("140400000", "OFF");
        assertThat(codes(gate().admit(project, LIBRARY))).doesNotContain("STRICT_CONTROL");
    }

    @Test
    void noApprovedGoalNoAdmission() {
        ProjectFacts project = project("440100000", "2000000", false);
        goals.draft(project, GoalRulesTest.goal(8, 8), UNIT);

        GateDecision refused = gate().admit(project, LIBRARY);

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.mode()).isEqualTo(GateMode.ENFORCE);
        assertThat(codes(refused)).as("a draft, not approved").containsExactly("GOAL_NOT_APPROVED");
        assertThat(refused.reasons().get(0).messageZh()).contains("无目标不安排预算");
        assertThat(audit(project)).containsExactly("ADMISSION_REFUSED:PROJECT-LIB/sun.operator");

        GoalVersion goal = approvedGoal(project);
        GateDecision unreviewed = gate().admit(project, LIBRARY);
        assertThat(codes(unreviewed)).as("Guangzhou reviews the goal at admission").containsExactly(
                "REVIEW_STAGE_MISSING");
        goals.reviewStage(goal.goalId(), 1, ReviewStage.ADMISSION, null, "总体评审通过", FINANCE);
        GateDecision admitted = gate().admit(project, LIBRARY);
        assertThat(admitted.admitted()).isTrue();
        assertThat(admitted.reasons()).isEmpty();
        assertThat(admitted.goalId()).isEqualTo(goal.goalId());
        assertThat(admitted.ruleVersion()).isEqualTo("440100000/2020#1 < national/2019#3");
    }

    @Test
    void guangzhouLibraryReviewCutsTheAmountTheProjectMayEnterWith() {
        // a new recurring project of 8,000,000: 入库评审 from 5,000,000 (seed 002 ¶20)
        ProjectFacts project = project("440100000", "8000000", true);
        GoalVersion goal = approvedGoal(project);
        goals.reviewStage(goal.goalId(), 1, ReviewStage.ADMISSION, new java.math.BigDecimal("6000000"), "核减25%",
                FINANCE);

        GateDecision refused = gate().admit(project, LIBRARY);
        assertThat(refused.reviewRequired()).isTrue();
        assertThat(codes(refused)).containsExactly("REVIEW_AMOUNT_EXCEEDED");
        assertThat(refused.reasons().get(0).field()).isEqualTo("AMOUNT");
        ProjectFacts asSettled = new ProjectFacts(project.mofDivCode(), project.fiscalYear(), project.agencyCode(),
                project.proCode(), project.projectClass(), project.level(), project.budget(),
                io.jixiao.api.model.Money.positive("AMOUNT", new java.math.BigDecimal("6000000")), true, true, null);
        assertThat(gate().admit(asSettled, LIBRARY).admitted()).isTrue();
        assertThat(audit(project)).containsExactly("ADMISSION_REFUSED:PROJECT-LIB/sun.operator",
                "ADMISSION_ADMITTED:PROJECT-LIB/sun.operator");
    }

    @Test
    void aletaiProjectsOfOneMillionNeedASupportingKeyAssessment() {
        ProjectFacts project = project("654300000", "1000000.00", true);
        approvedGoal(project);

        GateDecision none = gate().admit(project, LIBRARY);
        assertThat(none.exAnte()).isEqualTo(AssessmentTier.KEY);
        assertThat(codes(none)).containsExactly("EX_ANTE_REQUIRED");
        assertThat(none.reasons().get(0).source()).contains("seed 003");

        assess(project, AssessmentTier.GENERAL, AssessmentConclusion.SUPPORT);
        assertThat(codes(gate().admit(project, LIBRARY))).containsExactly("EX_ANTE_TIER");
        assess(project, AssessmentTier.KEY, AssessmentConclusion.REJECT);
        assertThat(codes(gate().admit(project, LIBRARY))).containsExactly("EX_ANTE_NOT_SUPPORTED");
        assess(project, AssessmentTier.KEY, AssessmentConclusion.SUPPORT_AFTER_ADJUSTMENT);
        assertThat(gate().admit(project, LIBRARY).admitted()).isTrue();
    }

    @Test
    void aletaiProjectsBelowOneMillionNeedAGeneralAssessment() {
        ProjectFacts project = project("654300000", "999999.99", true);
        approvedGoal(project);
        assess(project, AssessmentTier.GENERAL, AssessmentConclusion.SUPPORT);

        GateDecision d = gate().admit(project, LIBRARY);

        assertThat(d.exAnte()).isEqualTo(AssessmentTier.GENERAL);
        assertThat(d.admitted()).isTrue();
    }

    @Test
    void warnModeReportsButAdmitsUntilTheEnforcementDate() {
        sets.add(new RuleSet("440106000", 2020, 1, Map.of("gate.ADMISSION.mode", "WARN",
                "gate.ADMISSION.enforceFrom", "2026-04-01")));
        ProjectFacts project = project("440106000", "2000000", false);

        GateDecision warned = gate().admit(project, LIBRARY);
        assertThat(warned.admitted()).isTrue();
        assertThat(warned.mode()).isEqualTo(GateMode.WARN);
        assertThat(warned.wouldRefuse()).isTrue();
        assertThat(codes(warned)).as("no goal at all").containsExactly("GOAL_MISSING");

        clock = Clock.fixed(Instant.parse("2026-03-31T16:00:00Z"), ZoneOffset.UTC); // 1 April in China
        GateDecision enforced = gate().admit(project, LIBRARY);
        assertThat(enforced.mode()).isEqualTo(GateMode.ENFORCE);
        assertThat(enforced.admitted()).isFalse();
        assertThat(audit(project)).containsExactly("ADMISSION_WARNED:PROJECT-LIB/sun.operator",
                "ADMISSION_REFUSED:PROJECT-LIB/sun.operator");
    }

    @Test
    void offModeAdmitsWithoutCheckingAndIsRecorded() {
        sets.add(new RuleSet("440106000", 2020, 1, Map.of("gate.ADMISSION.mode", "OFF")));
        ProjectFacts project = project("440106000", "2000000", false);

        GateDecision d = gate().admit(project, LIBRARY);

        assertThat(d.admitted()).isTrue();
        assertThat(d.reasons()).isEmpty();
        assertThat(audit(project)).hasSize(1);
    }

    @Test
    void assessmentsScoreTheRegionsDimensionsAndOnlyAuthorisedCallersAct() {
        ProjectFacts changzhi = project("140400000", "2000000", true);

        assertThatThrownBy(() -> goals.recordAssessment(new Assessment(changzhi.mofDivCode(), changzhi.fiscalYear(),
                changzhi.proCode(), AssessmentTier.KEY, FIVE, AssessmentConclusion.SUPPORT, "第三方", true, "D-1"),
                FINANCE)).isInstanceOf(InvalidInputException.class).hasMessageContaining("riskResponse");
        assertThatThrownBy(() -> gate().admit(changzhi, UNIT)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> goals.recordAssessment(new Assessment(changzhi.mofDivCode(), changzhi.fiscalYear(),
                changzhi.proCode(), AssessmentTier.KEY, FIVE, AssessmentConclusion.SUPPORT, "x", false, "D-1"),
                UNIT)).isInstanceOf(ForbiddenException.class);
        assertThat(store.goals().latestAssessment(changzhi.mofDivCode(), changzhi.fiscalYear(),
                changzhi.proCode())).isEmpty();
    }
}
