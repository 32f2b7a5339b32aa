package io.jixiao.goals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.goal.Assessment;
import io.jixiao.api.goal.AssessmentConclusion;
import io.jixiao.api.goal.AssessmentTier;
import io.jixiao.api.goal.BudgetDraft;
import io.jixiao.api.hook.DraftDecision;
import io.jixiao.api.goal.Gate;
import io.jixiao.api.hook.GateDecision;
import io.jixiao.api.goal.GateMode;
import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.goal.ProjectClass;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.goal.ReviewStage;
import io.jixiao.api.goal.RuleViolation;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import io.jixiao.api.model.Scope;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.Repositories;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The compilation gate over a department's draft, and the same gate for adjustments, on the real store. */
class DraftGateTest {
    private static final String GUANGZHOU = "440100000";
    private static final Actor COMPILATION = Actor.of("BUDGET-COMPILATION", "qian.operator", Role.HOST_SYSTEM);
    private static final Actor UNIT = Actor.of("UNIT-PORTAL", "wang.unit", Role.UNIT);
    private static final Actor FINANCE = Actor.of("JIXIAO-UI", "li.finance", Role.FINANCE);
    private static final Map<String, BigDecimal> FIVE = Map.of("necessity", BigDecimal.TEN, "inputEconomy",
            BigDecimal.TEN, "goalReasonableness", BigDecimal.TEN, "feasibility", BigDecimal.TEN, "fundingCompliance",
            BigDecimal.TEN);
    /** Guangzhou's own dimensions (seed 002 ¶20). */
    private static final Map<String, BigDecimal> GUANGZHOU_SIX = Map.of("necessity", BigDecimal.TEN, "feasibility",
            BigDecimal.TEN, "scale", BigDecimal.TEN, "standard", BigDecimal.TEN, "goalReasonableness", BigDecimal.TEN,
            "effectiveness", BigDecimal.TEN);

    private Repositories store;
    private GoalWorkflow goals;
    private final List<RuleSet> sets = new ArrayList<>(Presets.sets());

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=Oracle;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Database.migrate(ds);
        store = Repositories.over(Database.sessions(ds, ""));
        goals = new GoalWorkflow(store.goals(), this::book, Clock.systemUTC());
    }

    private RuleBook book() {
        return new RuleBook(sets, r -> Optional.ofNullable(Presets.PARENTS.get(r.value())).map(MofDivCode::of));
    }

    private DraftGate gate() {
        return new DraftGate(store.goals(), store.rectification(), this::book,
                Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private static ProjectFacts line(String project, String amount, boolean newProject, boolean recurring) {
        ProjectFacts p = GoalRulesTest.project(GUANGZHOU, ProjectClass.DEVELOPMENT, amount, newProject, recurring,
                null);
        return new ProjectFacts(p.mofDivCode(), p.fiscalYear(), p.agencyCode(), ProCode.of(project),
                p.projectClass(), p.level(), p.budget(), p.amount(), newProject, recurring, null);
    }

    /** Approved, and through Guangzhou's library and joint compilation reviews at the line's amount. */
    private void approve(ProjectFacts line) {
        long id = approvedOnly(line);
        goals.reviewStage(id, 1, ReviewStage.ADMISSION, line.amount().yuan(), "", FINANCE);
        goals.reviewStage(id, 1, ReviewStage.COMPILATION, line.amount().yuan(), "", FINANCE);
    }

    private long approvedOnly(ProjectFacts line) {
        GoalVersion draft = goals.draft(line, GoalRulesTest.goal(8, 8), UNIT);
        goals.submit(draft.goalId(), 1, UNIT);
        goals.approve(draft.goalId(), 1, FINANCE);
        return draft.goalId();
    }

    @Test
    void guangzhouCompilationAsksForTheJointReviewAndItsAmount() {
        ProjectFacts unreviewed = line("J-1", "2000000", false, true);
        ProjectFacts cut = line("J-2", "2000000", false, true);
        ProjectFacts asSettled = line("J-3", "2000000", false, true);
        goals.reviewStage(approvedOnly(unreviewed), 1, ReviewStage.ADMISSION, null, "", FINANCE);
        long cutId = approvedOnly(cut);
        goals.reviewStage(cutId, 1, ReviewStage.ADMISSION, null, "", FINANCE);
        goals.reviewStage(cutId, 1, ReviewStage.COMPILATION, new java.math.BigDecimal("1500000.00"), "核减", FINANCE);
        approve(asSettled);

        DraftDecision d = gate().check(draft(Gate.COMPILATION, List.of(unreviewed, cut, asSettled)), COMPILATION);

        assertThat(d.lines()).extracting(GateDecision::admitted).containsExactly(false, false, true);
        assertThat(codes(d.lines().get(0))).containsExactly("REVIEW_STAGE_MISSING");
        assertThat(codes(d.lines().get(1))).containsExactly("REVIEW_AMOUNT_EXCEEDED");
        assertThat(d.lines().get(1).reasons().get(0).messageZh()).contains("1500000.00");
        assertThat(d.lines().get(0).reasons().get(0).source()).startsWith("seed 002 ¶22");
        DraftDecision adjustment = gate().check(draft(Gate.ADJUSTMENT, List.of(unreviewed, cut)), COMPILATION);
        assertThat(adjustment.blocked()).as("adjustments are reviewed as new goal versions, not by stage").isZero();
    }

    private static BudgetDraft draft(Gate gate, List<ProjectFacts> lines) {
        return new BudgetDraft(gate, MofDivCode.of(GUANGZHOU), FiscalYear.of(2026), lines, "BZ2026-0042");
    }

    private static List<String> codes(GateDecision d) {
        return d.reasons().stream().map(RuleViolation::code).toList();
    }

    @Test
    void blockedLinesAreListedWithTheirReasonsAndAudited() {
        ProjectFacts approved = line("L-1", "2000000", false, true);
        ProjectFacts noGoal = line("L-2", "2000000", false, true);
        ProjectFacts bigNew = line("L-3", "30000000", true, false);
        ProjectFacts bigNewAssessed = line("L-4", "30000000", true, false);
        approve(approved);
        approve(bigNew);
        approve(bigNewAssessed);
        goals.recordAssessment(new Assessment(MofDivCode.of(GUANGZHOU), FiscalYear.of(2026), ProCode.of("L-4"),
                AssessmentTier.KEY, GUANGZHOU_SIX, AssessmentConclusion.SUPPORT, "评审中心", false, "D-4"), FINANCE);

        DraftDecision d = gate().check(draft(Gate.COMPILATION, List.of(approved, noGoal, bigNew, bigNewAssessed)),
                COMPILATION);

        assertThat(d.mode()).isEqualTo(GateMode.ENFORCE);
        assertThat(d.blocked()).isEqualTo(2);
        assertThat(d.lines()).extracting(GateDecision::admitted).containsExactly(true, false, false, true);
        assertThat(codes(d.lines().get(1))).as("no goal at all").containsExactly("GOAL_MISSING");
        assertThat(codes(d.lines().get(2))).containsExactly("EX_ANTE_REQUIRED");
        assertThat(d.lines().get(2).exAnte()).isEqualTo(AssessmentTier.KEY);
        assertThat(d.lines().get(2).reasons().get(0).source()).contains("3000万元");
        assertThat(store.audit().findBySubject("PROJECT", "2026/L-2", 10)).extracting(e -> e.action())
                .containsExactly("COMPILATION_LINE_BLOCKED");
        assertThat(store.audit().findBySubject("DRAFT", "2026/BZ2026-0042", 10).get(0).reason())
                .isEqualTo("4 lines, 2 blocked, 2 with reasons");
    }

    @Test
    void aDraftGoalAndNoGoalAreDifferentReasons() {
        ProjectFacts approved = line("R-1", "2000000", false, true);
        ProjectFacts draftOnly = line("R-2", "2000000", false, true);
        ProjectFacts none = line("R-3", "2000000", false, true);
        approve(approved);
        goals.draft(draftOnly, GoalRulesTest.goal(8, 8), UNIT);

        DraftDecision d = gate().check(draft(Gate.COMPILATION, List.of(approved, draftOnly, none)), COMPILATION);

        assertThat(d.lines()).extracting(GateDecision::admitted).containsExactly(true, false, false);
        assertThat(codes(d.lines().get(1))).containsExactly("GOAL_NOT_APPROVED");
        assertThat(codes(d.lines().get(2))).containsExactly("GOAL_MISSING");
        assertThat(d.lines().get(1).reasons().get(0).messageEn()).contains("not approved yet");
        assertThat(d.lines().get(2).reasons().get(0).messageEn()).contains("has no performance goal");
    }

    @Test
    void adjustmentsUseTheSameRulesWithTheirOwnMode() {
        sets.add(new RuleSet(GUANGZHOU, 2026, 1, Map.of("gate.ADJUSTMENT.mode", "WARN")));
        ProjectFacts supplementary = line("ZJ-1", "500000", true, false);

        DraftDecision adjustment = gate().check(draft(Gate.ADJUSTMENT, List.of(supplementary)), COMPILATION);
        DraftDecision compilation = gate().check(draft(Gate.COMPILATION, List.of(supplementary)), COMPILATION);

        assertThat(adjustment.mode()).isEqualTo(GateMode.WARN);
        assertThat(adjustment.blocked()).isZero();
        assertThat(adjustment.flagged()).isEqualTo(1);
        assertThat(adjustment.lines().get(0).admitted()).isTrue();
        assertThat(compilation.blocked()).isEqualTo(1);
        assertThat(store.audit().findBySubject("PROJECT", "2026/ZJ-1", 10)).extracting(e -> e.action())
                .containsExactly("ADJUSTMENT_LINE_WARNED", "COMPILATION_LINE_BLOCKED");
    }

    @Test
    void manyLinesAreReadInBatches() {
        List<ProjectFacts> lines = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            lines.add(line("B-" + i, "100000", false, true));
        }
        approve(lines.get(0));
        approve(lines.get(777));
        approve(lines.get(1_199));

        DraftDecision d = gate().check(draft(Gate.COMPILATION, lines), COMPILATION);

        assertThat(d.lines()).hasSize(1_200);
        assertThat(d.blocked()).isEqualTo(1_197);
        assertThat(d.lines().get(777).admitted()).isTrue();
        assertThat(d.lines().get(1_199).goalId()).isNotNull();
    }

    @Test
    void badDraftsAndOutsidersChangeNothing() {
        ProjectFacts elsewhere = GoalRulesTest.project("654300000", ProjectClass.DEVELOPMENT, "1", false, true, null);
        Actor otherAgency = new Actor("BUDGET-COMPILATION", "x", EnumSet.of(Role.HOST_SYSTEM),
                new Scope(Set.of(), Set.of("999999")));

        assertThatThrownBy(() -> gate().check(draft(Gate.COMPILATION, List.of(elsewhere)), COMPILATION))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("LINES[0]");
        assertThatThrownBy(() -> gate().check(draft(Gate.COMPILATION, List.of()), COMPILATION))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> gate().check(draft(Gate.COMPILATION, List.of(line("X", "1", false, true))), UNIT))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> gate().check(draft(Gate.COMPILATION, List.of(line("X", "1", false, true))),
                otherAgency)).isInstanceOf(ForbiddenException.class);
        assertThat(store.audit().findBySubject("DRAFT", "2026/BZ2026-0042", 10)).isEmpty();
    }
}
