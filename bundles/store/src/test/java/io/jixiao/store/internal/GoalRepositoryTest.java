package io.jixiao.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.api.goal.Assessment;
import io.jixiao.api.goal.AssessmentConclusion;
import io.jixiao.api.goal.AssessmentTier;
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
import io.jixiao.api.goal.ReviewOpinion;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.GoalRepository;
import java.math.BigDecimal;
import io.jixiao.api.goal.ReviewStage;
import io.jixiao.api.goal.StageReview;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Goal versions with their indicators round-trip, change status once, and old versions stay. Every dialect. */
class GoalRepositoryTest extends EveryDialect {
    private static final Actor UNIT = Actor.of("PROJECT-LIB", "wang.unit", Role.UNIT);
    private static final AtomicInteger PROJECTS = new AtomicInteger();
    private static final MofDivCode REGION = MofDivCode.of("440100000");

    static GoalVersion draft(long goalId, String project) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ProjectFacts facts = new ProjectFacts(REGION, FiscalYear.of(2026), AgencyCode.of("101001"),
                ProCode.of(project), ProjectClass.DEVELOPMENT, ProjectLevel.FIRST, BudgetKind.GENERAL_PUBLIC,
                Money.positive("AMOUNT", new BigDecimal("12000000.00")), true, true, null);
        Goal goal = new Goal(GoalSubject.PROJECT, "建成 3 所学校", "三年内覆盖全区", List.of(
                new Indicator(Level2.QUANTITY, "新建学校数", ComputeSign.GE, "3", "所", new BigDecimal("45.00"), "达到得满分",
                        null),
                new Indicator(Level2.SATISFACTION, "家长满意度", ComputeSign.QUALITATIVE, "明显提高", "",
                        new BigDecimal("45.00"), "", "LIB-7")));
        return new GoalVersion(goalId, 1, null, GoalStatus.DRAFT, facts, goal, null, null, UNIT, now, now);
    }

    private static AuditEntry audit(GoalVersion v, String action) {
        return new AuditEntry(v.statusAt(), action, REGION, "GOAL", v.goalId() + "/" + v.version(), UNIT, action,
                "", v.project().agencyCode(), v.project().proCode());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aVersionRoundTripsWithItsIndicatorsAndAudit(TestDatabase db) {
        Repositories store = store(db);
        GoalVersion draft = draft(store.goals().nextGoalId(), "G-" + PROJECTS.incrementAndGet());

        store.goals().insert(draft, audit(draft, "GOAL_DRAFTED"));

        assertThat(store.goals().find(draft.goalId(), 1)).contains(draft);
        assertThat(store.audit().findBySubject("GOAL", draft.goalId() + "/1", 10)).hasSize(1);
        assertThat(store.goals().find(draft.goalId(), 2)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void statusChangesOnlyFromTheStatusRead(TestDatabase db) {
        Repositories store = store(db);
        GoalVersion draft = draft(store.goals().nextGoalId(), "G-" + PROJECTS.incrementAndGet());
        store.goals().insert(draft, audit(draft, "GOAL_DRAFTED"));
        GoalVersion submitted = draft.withStatus(GoalStatus.SUBMITTED, "440100000/2020#1", null, Instant.now());
        GoalVersion returned = submitted.withStatus(GoalStatus.RETURNED, null,
                new ReviewOpinion(List.of(1, 10), "补充满意度指标"), Instant.now());

        assertThat(store.goals().changeStatus(draft, submitted, audit(submitted, "GOAL_SUBMITTED"))).isTrue();
        assertThat(store.goals().changeStatus(draft, submitted, audit(submitted,
                "GOAL_SUBMITTED"))).as("stale").isFalse();
        assertThat(store.goals().changeStatus(submitted, returned, audit(returned, "GOAL_RETURNED"))).isTrue();

        GoalVersion read = store.goals().find(draft.goalId(), 1).orElseThrow();
        assertThat(read.status()).isEqualTo(GoalStatus.RETURNED);
        assertThat(read.ruleVersion()).isEqualTo("440100000/2020#1");
        assertThat(read.opinion().codes()).containsExactly(1, 10);
        assertThat(store.audit().findBySubject("GOAL", draft.goalId() + "/1", 10)).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onlyEditableVersionsTakeNewContent(TestDatabase db) {
        Repositories store = store(db);
        GoalVersion draft = draft(store.goals().nextGoalId(), "G-" + PROJECTS.incrementAndGet());
        store.goals().insert(draft, audit(draft, "GOAL_DRAFTED"));
        Goal shorter = new Goal(GoalSubject.PROJECT, "新概述", "", draft.goal().indicators().subList(0, 1));
        GoalVersion edited = new GoalVersion(draft.goalId(), 1, null, GoalStatus.DRAFT, draft.project(), shorter,
                null, null, UNIT, draft.createdAt(), draft.statusAt());

        assertThat(store.goals().replaceDraft(edited, audit(edited, "GOAL_EDITED"))).isTrue();
        assertThat(store.goals().find(draft.goalId(), 1).orElseThrow().goal()).isEqualTo(shorter);

        GoalVersion approved = edited.withStatus(GoalStatus.APPROVED, "r", null, Instant.now());
        store.goals().changeStatus(edited, approved, audit(approved, "GOAL_APPROVED"));
        assertThat(store.goals().replaceDraft(edited, audit(edited, "GOAL_EDITED"))).as("approved").isFalse();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theNewestApprovedVersionIsInForceAndOldVersionsStay(TestDatabase db) {
        Repositories store = store(db);
        String project = "G-" + PROJECTS.incrementAndGet();
        GoalVersion v1 = draft(store.goals().nextGoalId(), project);
        store.goals().insert(v1, audit(v1, "GOAL_DRAFTED"));
        assertThat(store.goals().inForce(REGION, FiscalYear.of(2026), ProCode.of(project))).as("a draft").isEmpty();
        GoalVersion approved = v1.withStatus(GoalStatus.APPROVED, "r1", null, Instant.now());
        store.goals().changeStatus(v1, approved, audit(approved, "GOAL_APPROVED"));
        GoalVersion v2 = new GoalVersion(v1.goalId(), 2, "TZ2026-001", GoalStatus.DRAFT, v1.project(), v1.goal(),
                null, null, UNIT, Instant.now(), Instant.now());
        store.goals().insert(v2, audit(v2, "GOAL_ADJUSTED"));

        assertThat(store.goals().inForce(REGION, FiscalYear.of(2026), ProCode.of(project)).orElseThrow().version())
                .as("the adjustment is not approved yet").isEqualTo(1);
        GoalVersion v2approved = v2.withStatus(GoalStatus.APPROVED, "r2", null, Instant.now());
        store.goals().changeStatus(v2, v2approved, audit(v2approved, "GOAL_APPROVED"));

        GoalVersion inForce = store.goals().inForce(REGION, FiscalYear.of(2026), ProCode.of(project)).orElseThrow();
        assertThat(inForce.version()).isEqualTo(2);
        assertThat(inForce.adjustmentBatch()).isEqualTo("TZ2026-001");
        assertThat(store.goals().versions(v1.goalId())).containsExactly(1, 2);
        assertThat(store.goals().find(v1.goalId(), 1).orElseThrow().status()).isEqualTo(GoalStatus.APPROVED);
        assertThat(store.goals().goalsOf(REGION, FiscalYear.of(2026),
                ProCode.of(project))).containsExactly(v1.goalId());
        assertThat(store.goals().inForceOfAgency(REGION, FiscalYear.of(2026), v1.project().agencyCode(),
                v1.goal().subject())).as("the agency's goals of the subject, newest version")
                .containsEntry(ProCode.of(project), new GoalRepository.GoalRef(v1.goalId(), 2));
        assertThat(store.goals().inForceOfAgency(REGION, FiscalYear.of(2026), v1.project().agencyCode(),
                v1.goal().subject() == io.jixiao.api.goal.GoalSubject.DEPARTMENT ? io.jixiao.api.goal.GoalSubject.PROJECT
                        : io.jixiao.api.goal.GoalSubject.DEPARTMENT)).doesNotContainKey(ProCode.of(project));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void stageReviewsAreKeptOncePerStageAndReadInBulk(TestDatabase db) {
        Repositories store = store(db);
        GoalVersion a = draft(store.goals().nextGoalId(), "S-" + PROJECTS.incrementAndGet());
        store.goals().insert(a, audit(a, "GOAL_DRAFTED"));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        StageReview compilation = new StageReview(a.goalId(), 1, ReviewStage.COMPILATION,
                new BigDecimal("9000000.00"), "联合评审核减", UNIT, at);
        StageReview admission = new StageReview(a.goalId(), 1, ReviewStage.ADMISSION, null, "", UNIT, at);

        assertThat(store.goals().insertStageReview(a, admission, audit(a, "GOAL_STAGE_REVIEWED"))).isTrue();
        assertThat(store.goals().insertStageReview(a, compilation, audit(a, "GOAL_STAGE_REVIEWED"))).isTrue();
        assertThat(store.goals().insertStageReview(a, compilation, audit(a,
                "GOAL_STAGE_REVIEWED"))).as("once").isFalse();

        assertThat(store.goals().stageReviews(a.goalId(), 1)).containsExactly(admission, compilation);
        assertThat(store.audit().findBySubject("GOAL", a.goalId() + "/1", 10)).hasSize(3);
        GoalRepository.GoalRef ref = new GoalRepository.GoalRef(a.goalId(), 1);
        List<GoalRepository.GoalRef> few = List.of(ref, new GoalRepository.GoalRef(a.goalId(), 2));
        List<GoalRepository.GoalRef> many = new ArrayList<>(few);
        for (long i = 1; many.size() <= MyBatisGoals.REGION_SCAN_FROM; i++) {
            many.add(new GoalRepository.GoalRef(-i, 1));
        }
        for (List<GoalRepository.GoalRef> asked : List.of(few, many)) {
            assertThat(store.goals().stagesPassed(REGION, FiscalYear.of(2026), asked, ReviewStage.COMPILATION))
                    .as("%d versions", asked.size()).containsOnly(java.util.Map.entry(ref,
                            new GoalRepository.StagePassed(new BigDecimal("9000000.00"))));
            assertThat(store.goals().stagesPassed(REGION, FiscalYear.of(2026), asked, ReviewStage.ADMISSION))
                    .containsOnly(java.util.Map.entry(ref, new GoalRepository.StagePassed(null)));
            assertThat(store.goals().stagesPassed(REGION, FiscalYear.of(2026), asked, ReviewStage.FINAL)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void bulkReadsAgreeWhetherProjectsAreLookedUpOrTheRegionIsScanned(TestDatabase db) {
        Repositories store = store(db);
        FiscalYear year = FiscalYear.of(2026);
        String approved = "B-" + PROJECTS.incrementAndGet();
        String drafted = "B-" + PROJECTS.incrementAndGet();
        GoalVersion a = draft(store.goals().nextGoalId(), approved);
        store.goals().insert(a, audit(a, "GOAL_DRAFTED"));
        store.goals().changeStatus(a, a.withStatus(GoalStatus.APPROVED, "r", null, Instant.now()), audit(a,
                "GOAL_APPROVED"));
        GoalVersion d = draft(store.goals().nextGoalId(), drafted);
        store.goals().insert(d, audit(d, "GOAL_DRAFTED"));
        Assessment older = assessment(approved, AssessmentConclusion.REJECT);
        Assessment newer = assessment(approved, AssessmentConclusion.SUPPORT);
        store.goals().insertAssessment(older, UNIT, Instant.now(), new AuditEntry(Instant.now(), "ASSESSED", REGION,
                "PROJECT", approved, UNIT, "assessed", "", null, ProCode.of(approved)));
        store.goals().insertAssessment(newer, UNIT, Instant.now(), new AuditEntry(Instant.now(), "ASSESSED", REGION,
                "PROJECT", approved, UNIT, "assessed", "", null, ProCode.of(approved)));

        List<ProCode> few = List.of(ProCode.of(approved), ProCode.of(drafted), ProCode.of("B-NONE"));
        List<ProCode> many = new ArrayList<>(few);
        for (int i = 0; many.size() <= MyBatisGoals.REGION_SCAN_FROM; i++) {
            many.add(ProCode.of("B-ABSENT-" + i));
        }
        for (List<ProCode> asked : List.of(few, many)) {
            assertThat(store.goals().inForce(REGION, year, asked)).as("%d projects", asked.size())
                    .containsOnlyKeys(ProCode.of(approved))
                    .containsEntry(ProCode.of(approved), new GoalRepository.GoalRef(a.goalId(), 1));
            assertThat(store.goals().latestAssessments(REGION, year, asked)).as("%d projects", asked.size())
                    .containsOnlyKeys(ProCode.of(approved))
                    .containsEntry(ProCode.of(approved), newer);
            assertThat(store.goals().inForce(MofDivCode.of("440106000"), year, asked)).as("another region").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void decisionsOfSeveralRegionsAreChainedInOneBatch(TestDatabase db) {
        Repositories store = store(db);
        MofDivCode other = MofDivCode.of("440106000");
        List<AuditEntry> batch = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            MofDivCode region = i % 3 == 0 ? other : REGION;
            batch.add(new AuditEntry(Instant.now(), "COMPILATION_LINE_BLOCKED", region, "PROJECT", "2026/X-" + i,
                    UNIT, "GOAL_REQUIRED", "draft=D1", null, ProCode.of("X-" + i)));
        }
        store.goals().recordDecisions(batch);
        store.goals().recordDecisions(batch.subList(0, 3));
        assertThat(store.audit().verify(REGION).intact()).isTrue();
        assertThat(store.audit().verify(other).intact()).isTrue();
        assertThat(store.audit().verify(other).rowsChecked()).isGreaterThanOrEqualTo(85);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theGoalsInForceOfARegionStreamNewestVersionFirstWithTheirIndicators(TestDatabase db) {
        Repositories store = store(db);
        MofDivCode region = MofDivCode.of("440199" + String.format("%03d", PROJECTS.incrementAndGet() % 1000));
        List<Long> approved = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            GoalVersion d = draft(store.goals().nextGoalId(), "S-" + PROJECTS.incrementAndGet());
            GoalVersion v = new GoalVersion(d.goalId(), 1, null, GoalStatus.DRAFT, new ProjectFacts(region,
                    d.project().fiscalYear(), d.project().agencyCode(), d.project().proCode(),
                    d.project().projectClass(), d.project().level(), d.project().budget(), d.project().amount(),
                    true, true, null), d.goal(), null, null, UNIT, d.createdAt(), d.statusAt());
            store.goals().insert(v, audit(v, "GOAL_DRAFTED"));
            if (i < 2) {
                store.goals().changeStatus(v, v.withStatus(GoalStatus.APPROVED, "r1", null, Instant.now()),
                        audit(v, "GOAL_APPROVED"));
                approved.add(v.goalId());
            }
            if (i == 0) {
                GoalVersion v2 = new GoalVersion(v.goalId(), 2, "TZ-S", GoalStatus.DRAFT, v.project(),
                        new Goal(GoalSubject.PROJECT, "v2", "", v.goal().indicators().subList(0, 1)), null, null,
                        UNIT, Instant.now(), Instant.now());
                store.goals().insert(v2, audit(v2, "GOAL_ADJUSTED"));
                store.goals().changeStatus(v2, v2.withStatus(GoalStatus.APPROVED, "r2", null, Instant.now()),
                        audit(v2, "GOAL_APPROVED"));
            }
        }
        List<GoalVersion> seen = new ArrayList<>();

        store.goals().forEachInForce(region, FiscalYear.of(2026), 0, seen::add);

        assertThat(seen).extracting(GoalVersion::goalId).containsExactlyElementsOf(approved);
        assertThat(seen.get(0).version()).isEqualTo(2);
        assertThat(seen.get(0).goal().indicators()).hasSize(1);
        assertThat(seen.get(1).version()).isEqualTo(1);
        assertThat(seen.get(1).goal().indicators()).hasSize(2);
        List<GoalVersion> after = new ArrayList<>();
        store.goals().forEachInForce(region, FiscalYear.of(2026), approved.get(0), after::add);
        assertThat(after).extracting(GoalVersion::goalId).containsExactly(approved.get(1));
    }

    private static Assessment assessment(String project, AssessmentConclusion conclusion) {
        return new Assessment(REGION, FiscalYear.of(2026), ProCode.of(project), AssessmentTier.GENERAL,
                java.util.Map.of("必要性", new BigDecimal("20.00")), conclusion, "评审中心", false, "穗财评〔2026〕1号");
    }
}
