package io.jixiao.goals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.jixiao.api.goal.Goal;
import io.jixiao.api.goal.GoalStatus;
import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.goal.ProjectClass;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.goal.Recheck;
import io.jixiao.api.goal.ReviewOpinion;
import io.jixiao.api.goal.ReviewStage;
import io.jixiao.api.goal.StageReview;
import io.jixiao.api.goal.RuleViolation;
import io.jixiao.api.goal.RulesViolatedException;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import io.jixiao.api.model.Scope;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.Repositories;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The review workflow on the real store: who may do what, in which status, and what the audit trail keeps. */
class GoalWorkflowTest {
    private static final String GUANGZHOU = "440100000";
    private static final Actor UNIT = new Actor("UNIT-PORTAL", "wang.unit", EnumSet.of(Role.UNIT),
            new Scope(Set.of(GUANGZHOU), Set.of("101001")));
    private static final Actor OTHER_UNIT = new Actor("UNIT-PORTAL", "zhao.unit", EnumSet.of(Role.UNIT),
            new Scope(Set.of(GUANGZHOU), Set.of("101002")));
    private static final Actor UNIT_ANYWHERE = Actor.of("UNIT-PORTAL", "wu.unit", Role.UNIT);
    private static final Actor DEPARTMENT = Actor.of("DEPT-PORTAL", "chen.dept", Role.DEPARTMENT);
    private static final Actor FINANCE = Actor.of("JIXIAO-UI", "li.finance", Role.FINANCE);
    private static final Actor PUBLIC = Actor.of("PORTAL", "anyone", Role.PUBLIC);

    private Repositories store;
    private GoalWorkflow goals;

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=Oracle;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Database.migrate(ds);
        store = Repositories.over(Database.sessions(ds, ""));
        RuleBook book = Presets.book();
        goals = new GoalWorkflow(store.goals(), () -> book, Clock.systemUTC());
    }

    private static ProjectFacts project() {
        return GoalRulesTest.project(GUANGZHOU, ProjectClass.DEVELOPMENT, "2000000", false, true, null);
    }

    private List<String> actions(GoalVersion v) {
        return store.audit().findBySubject("GOAL", v.goalId() + "/" + v.version(),
                20).stream().map(e -> e.action()).toList();
    }

    @Test
    void aQuantitativeIndicatorWithATextTargetIsRefusedAtDraft() {
        List<io.jixiao.api.goal.Indicator> indicators = new java.util.ArrayList<>(GoalRulesTest.goal(8,
                8).indicators());
        io.jixiao.api.goal.Indicator third = indicators.get(2);
        indicators.set(2, new io.jixiao.api.goal.Indicator(third.level2(), third.name(), third.sign(), "abc",
                third.unit(), third.points(), "", null));
        Goal typed = new Goal(io.jixiao.api.goal.GoalSubject.PROJECT, "完成年度任务", "", indicators);

        assertThatThrownBy(() -> goals.draft(project(), typed, UNIT)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).singleElement()
                        .satisfies(v -> assertThat(v.field()).isEqualTo("INDICATORS[2].KPI_VAL")));
        assertThat(store.goals().goalsOf(project().mofDivCode(), project().fiscalYear(), project().proCode()))
                .as("nothing drafted").isEmpty();
    }

    @Test
    void draftSubmitReturnReviseApprovePublish() {
        GoalVersion draft = goals.draft(project(), GoalRulesTest.goal(7, 7), UNIT);

        RulesViolatedException refused = org.junit.jupiter.api.Assertions.assertThrows(RulesViolatedException.class,
                () -> goals.submit(draft.goalId(), 1, UNIT));
        assertThat(refused.violations()).extracting(RuleViolation::code).containsExactly("INDICATORS_MIN");
        assertThat(refused.ruleVersion()).startsWith("440100000/2020#1");
        assertThat(goals.find(draft.goalId(), 1, UNIT).orElseThrow().status()).as("nothing changed")
                .isEqualTo(GoalStatus.DRAFT);

        goals.revise(draft.goalId(), 1, project(), GoalRulesTest.goal(8, 8), UNIT);
        GoalVersion submitted = goals.submit(draft.goalId(), 1, UNIT);
        assertThat(submitted.ruleVersion()).isEqualTo("440100000/2020#1 < national/2019#3");
        GoalVersion returned = goals.returnForRevision(draft.goalId(), 1, new ReviewOpinion(List.of(2, 8),
                "效益指标不够具体"), DEPARTMENT);
        assertThat(returned.opinion().codes()).containsExactly(2, 8);
        goals.submit(draft.goalId(), 1, UNIT);
        GoalVersion approved = goals.approve(draft.goalId(), 1, FINANCE);
        RulesViolatedException unsettled = org.junit.jupiter.api.Assertions.assertThrows(
                RulesViolatedException.class, () -> goals.publish(draft.goalId(), 1, FINANCE));
        assertThat(unsettled.violations()).extracting(RuleViolation::code).containsExactly("REVIEW_STAGE_MISSING");
        assertThat(unsettled.violations().get(0).source()).startsWith("seed 002 ¶22");
        throughStages(goals, draft.goalId(), 1, "2000000");
        GoalVersion published = goals.publish(draft.goalId(), 1, FINANCE);

        assertThat(approved.status()).isEqualTo(GoalStatus.APPROVED);
        assertThat(published.status()).isEqualTo(GoalStatus.PUBLISHED);
        assertThat(actions(draft)).containsExactly("GOAL_DRAFTED", "GOAL_REVISED", "GOAL_SUBMITTED", "GOAL_RETURNED",
                "GOAL_SUBMITTED", "GOAL_APPROVED", "GOAL_STAGE_REVIEWED", "GOAL_STAGE_REVIEWED", "GOAL_STAGE_REVIEWED",
                "GOAL_PUBLISHED");
        assertThat(store.goals().inForce(project().mofDivCode(), project().fiscalYear(),
                project().proCode())).isPresent();
    }

    @Test
    void anApprovedGoalChangesOnlyByAdjustmentAndOldVersionsStay() {
        GoalVersion v1 = approved();

        assertThatThrownBy(() -> goals.revise(v1.goalId(), 1, project(), GoalRulesTest.goal(9, 9), UNIT))
                .isInstanceOf(ConflictException.class);
        GoalVersion v2 = goals.adjust(v1.goalId(), "TZ2026-03", project(), GoalRulesTest.goal(9, 9), UNIT);
        assertThatThrownBy(() -> goals.adjust(v1.goalId(), "TZ2026-04", project(), GoalRulesTest.goal(9, 9), UNIT))
                .as("one open adjustment at a time").isInstanceOf(ConflictException.class);

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.adjustmentBatch()).isEqualTo("TZ2026-03");
        assertThat(store.goals().inForce(project().mofDivCode(), project().fiscalYear(),
                project().proCode()).orElseThrow()
                .version()).as("v1 until the adjustment is approved").isEqualTo(1);
        goals.submit(v1.goalId(), 2, UNIT);
        goals.approve(v1.goalId(), 2, FINANCE);
        assertThat(store.goals().inForce(project().mofDivCode(), project().fiscalYear(),
                project().proCode()).orElseThrow()
                .version()).isEqualTo(2);
        assertThat(goals.find(v1.goalId(), 1, FINANCE).orElseThrow().goal().indicators()).hasSize(8);
        assertThat(goals.versions(v1.goalId(), FINANCE)).containsExactly(1, 2);
    }

    @Test
    void rolesAndScopeDecideWhoDoesWhat() {
        GoalVersion draft = goals.draft(project(), GoalRulesTest.goal(8, 8), UNIT);

        assertThatThrownBy(() -> goals.draft(project(), GoalRulesTest.goal(8, 8), OTHER_UNIT))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> goals.submit(draft.goalId(), 1, OTHER_UNIT)).as("another agency's goal")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> goals.draft(project(), GoalRulesTest.goal(8, 8), FINANCE))
                .isInstanceOf(ForbiddenException.class);
        goals.submit(draft.goalId(), 1, UNIT);
        assertThatThrownBy(() -> goals.approve(draft.goalId(), 1, UNIT)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> goals.approve(draft.goalId(), 1, DEPARTMENT)).isInstanceOf(ForbiddenException.class);
        assertThat(goals.find(draft.goalId(), 1, PUBLIC)).as("not published").isEmpty();
        goals.approve(draft.goalId(), 1, FINANCE);
        throughStages(goals, draft.goalId(), 1, "2000000");
        goals.publish(draft.goalId(), 1, FINANCE);
        assertThat(goals.find(draft.goalId(), 1, PUBLIC)).isPresent();
    }

    @Test
    void stepsOutOfOrderAndBadInputChangeNothing() {
        GoalVersion draft = goals.draft(project(), GoalRulesTest.goal(8, 8), UNIT);

        assertThatThrownBy(() -> goals.approve(draft.goalId(), 1, FINANCE)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> goals.publish(draft.goalId(), 1, FINANCE)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> goals.adjust(draft.goalId(), "B1", project(), GoalRulesTest.goal(8, 8), UNIT))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> goals.adjust(draft.goalId(), "bad batch!", project(), GoalRulesTest.goal(8, 8),
                UNIT)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ReviewOpinion(List.of(12), "")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> goals.find(99_999, 1, FINANCE).orElseThrow()).isInstanceOf(
                java.util.NoSuchElementException.class);
        assertThat(actions(draft)).containsExactly("GOAL_DRAFTED");
    }

    private GoalVersion approved() {
        GoalVersion draft = goals.draft(project(), GoalRulesTest.goal(8, 8), UNIT);
        goals.submit(draft.goalId(), 1, UNIT);
        return goals.approve(draft.goalId(), 1, FINANCE);
    }

    @Test
    void aTightenedRuleListsTheApprovedGoalsThatNoLongerComplyWithoutTouchingThem() {
        AtomicReference<RuleBook> book = new AtomicReference<>(Presets.book());
        GoalWorkflow workflow = new GoalWorkflow(store.goals(), book::get, Clock.systemUTC());
        long eight = approve(workflow, "RC-8", 8);
        long nine = approve(workflow, "RC-9", 9);
        long alsoEight = approve(workflow, "RC-8B", 8);
        throughStages(workflow, alsoEight, 1, "2000000");
        workflow.publish(alsoEight, 1, FINANCE);
        FiscalYear year = FiscalYear.of(2026);
        assertThat(workflow.recheck(MofDivCode.of(GUANGZHOU), year, 0, 100, FINANCE).noncompliant()).isZero();

        book.set(Presets.book("io.jixiao.goals.rules-guangzhou.cfg", Map.of("indicators.min.DEVELOPMENT", "9",
                "revision", "2")));
        Recheck report = workflow.recheck(MofDivCode.of(GUANGZHOU), year, 0, 100, FINANCE);

        assertThat(report.ruleVersion()).startsWith("440100000/2020#2");
        assertThat(report.checked()).isEqualTo(3);
        assertThat(report.noncompliant()).isEqualTo(2);
        assertThat(report.goals()).extracting(Recheck.NoncompliantGoal::goalId).containsExactly(eight, alsoEight);
        assertThat(report.goals().get(0).approvedUnder()).startsWith("440100000/2020#1");
        assertThat(report.goals().get(0).violations()).extracting(RuleViolation::code).containsExactly("INDICATORS_MIN");
        assertThat(report.goals().get(1).status()).isEqualTo(GoalStatus.PUBLISHED);
        assertThat(report.nextAfterGoalId()).isNull();
        assertThat(workflow.find(eight, 1, FINANCE).orElseThrow().status()).as("not silently invalidated")
                .isEqualTo(GoalStatus.APPROVED);

        Recheck firstPage = workflow.recheck(MofDivCode.of(GUANGZHOU), year, 0, 1, Actor.of("AUDIT", "zhou",
                Role.AUDITOR));
        assertThat(firstPage.goals()).extracting(Recheck.NoncompliantGoal::goalId).containsExactly(eight);
        assertThat(firstPage.nextAfterGoalId()).isEqualTo(eight);
        Recheck secondPage = workflow.recheck(MofDivCode.of(GUANGZHOU), year, eight, 1, FINANCE);
        assertThat(secondPage.goals()).extracting(Recheck.NoncompliantGoal::goalId).containsExactly(alsoEight);
        assertThat(nine).isPositive();

        org.junit.jupiter.api.Assertions.assertThrows(ForbiddenException.class,
                () -> workflow.recheck(MofDivCode.of(GUANGZHOU), year, 0, 10, UNIT));
        org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> workflow.recheck(MofDivCode.of(GUANGZHOU), year, 0, 0, FINANCE));
    }

    private static long approve(GoalWorkflow workflow, String proCode, int indicators) {
        ProjectFacts facts = GoalRulesTest.project(GUANGZHOU, ProjectClass.DEVELOPMENT, "2000000", false, true, null);
        ProjectFacts project = new ProjectFacts(facts.mofDivCode(), facts.fiscalYear(), facts.agencyCode(),
                ProCode.of(proCode), facts.projectClass(), facts.level(), facts.budget(), facts.amount(),
                facts.newProject(), facts.recurring(), facts.previousYearAmount());
        GoalVersion draft = workflow.draft(project, GoalRulesTest.goal(indicators, indicators), UNIT);
        workflow.submit(draft.goalId(), 1, UNIT);
        return workflow.approve(draft.goalId(), 1, FINANCE).goalId();
    }

    /** Guangzhou's three review stages of an approved version (seed 002 ¶22). */
    static void throughStages(GoalWorkflow workflow, long goalId, int version, String amount) {
        workflow.reviewStage(goalId, version, ReviewStage.ADMISSION, null, "总体评审通过", FINANCE);
        workflow.reviewStage(goalId, version, ReviewStage.COMPILATION, new BigDecimal(amount), "", FINANCE);
        workflow.reviewStage(goalId, version, ReviewStage.FINAL, null, "按评审意见确定", DEPARTMENT);
    }

    @Test
    void guangzhouReviewsAGoalInThreeStagesInOrderOncePerVersion() {
        // a new recurring project of 6,000,000: over Guangzhou's 5,000,000 入库评审 threshold
        ProjectFacts big = GoalRulesTest.project(GUANGZHOU, ProjectClass.DEVELOPMENT, "6000000", true, true, null);
        GoalVersion draft = goals.draft(big, GoalRulesTest.goal(8, 8), UNIT);
        long id = draft.goalId();
        assertThatThrownBy(() -> goals.reviewStage(id, 1, ReviewStage.ADMISSION, null, "", FINANCE))
                .as("a draft is not reviewed by stage").isInstanceOf(ConflictException.class);
        goals.submit(id, 1, UNIT);
        goals.approve(id, 1, FINANCE);

        assertThatThrownBy(() -> goals.reviewStage(id, 1, ReviewStage.COMPILATION, new BigDecimal("5000000"), "",
                FINANCE)).as("ADMISSION first").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> goals.reviewStage(id, 1, ReviewStage.ADMISSION, null, "", FINANCE))
                .as("入库评审 settles the amount").isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("seed 002 ¶20");
        assertThatThrownBy(() -> goals.reviewStage(id, 1, ReviewStage.ADMISSION, new BigDecimal("6000000.01"), "",
                FINANCE)).as("not above the declared amount").isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> goals.reviewStage(id, 1, ReviewStage.ADMISSION, new BigDecimal("4000000"), "",
                DEPARTMENT)).as("finance reviews at admission").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> goals.reviewStage(id, 1, ReviewStage.ADMISSION, new BigDecimal("4000000.001"), "",
                FINANCE)).isInstanceOf(InvalidInputException.class);
        assertThat(goals.stageReviews(id, 1, FINANCE)).as("nothing recorded by refused calls").isEmpty();

        StageReview admission = goals.reviewStage(id, 1, ReviewStage.ADMISSION, new BigDecimal("4000000"),
                "核减200万元", FINANCE);
        assertThat(admission.amount()).isEqualByComparingTo("4000000.00");
        assertThatThrownBy(() -> goals.reviewStage(id, 1, ReviewStage.ADMISSION, new BigDecimal("4000000"), "",
                FINANCE)).as("once per version").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> goals.reviewStage(id, 1, ReviewStage.COMPILATION, null, "", FINANCE))
                .as("the joint review names the amount").isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> goals.reviewStage(id, 1, ReviewStage.FINAL, null, "", DEPARTMENT))
                .as("COMPILATION before FINAL").isInstanceOf(ConflictException.class);
        goals.reviewStage(id, 1, ReviewStage.COMPILATION, new BigDecimal("3800000.00"), "联合评审", FINANCE);
        assertThatThrownBy(() -> goals.reviewStage(id, 1, ReviewStage.FINAL, new BigDecimal("1"), "", DEPARTMENT))
                .as("FINAL settles the goal, not an amount").isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> goals.reviewStage(id, 1, ReviewStage.FINAL, null, "", UNIT))
                .isInstanceOf(ForbiddenException.class);
        goals.reviewStage(id, 1, ReviewStage.FINAL, null, "", DEPARTMENT);

        List<StageReview> reviews = goals.stageReviews(id, 1, FINANCE);
        assertThat(reviews).extracting(StageReview::stage).containsExactly(ReviewStage.ADMISSION,
                ReviewStage.COMPILATION, ReviewStage.FINAL);
        assertThat(reviews.get(1).amount()).isEqualByComparingTo("3800000");
        assertThat(reviews.get(1).reviewedBy().operator()).isEqualTo("li.finance");
        assertThat(store.audit().findBySubject("GOAL", id + "/1",
                20)).filteredOn(e -> e.action().equals("GOAL_STAGE_REVIEWED"))
                .hasSize(3).anySatisfy(e -> assertThat(e.detail()).contains("declared=6000000.00")
                        .contains("settled=4000000.00").contains("cut=2000000.00"));
        goals.publish(id, 1, FINANCE);

        GoalVersion adjusted = goals.adjust(id, "TZ-1", big, GoalRulesTest.goal(9, 9), UNIT);
        assertThat(goals.stageReviews(id, adjusted.version(), FINANCE)).as("an adjusted goal is reviewed again")
                .isEmpty();
    }

    @Test
    void aRegionWithoutStagesRefusesAStageAndPublishesOnApproval() {
        ProjectFacts tianjin = GoalRulesTest.project("120000000", ProjectClass.DEVELOPMENT, "2000000", false, true,
                null);
        GoalVersion draft = goals.draft(tianjin, GoalRulesTest.goal(8, 8), UNIT_ANYWHERE);
        goals.submit(draft.goalId(), 1, UNIT_ANYWHERE);
        goals.approve(draft.goalId(), 1, FINANCE);
        assertThatThrownBy(() -> goals.reviewStage(draft.goalId(), 1, ReviewStage.ADMISSION, null, "", FINANCE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("review.stages");
        assertThat(goals.publish(draft.goalId(), 1, FINANCE).status()).isEqualTo(GoalStatus.PUBLISHED);
    }
}
