package io.jixiao.goals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.goal.AssessmentTier;
import io.jixiao.api.goal.BudgetKind;
import io.jixiao.api.goal.ComputeSign;
import io.jixiao.api.goal.Goal;
import io.jixiao.api.goal.GoalRules;
import io.jixiao.api.goal.GoalSubject;
import io.jixiao.api.goal.Indicator;
import io.jixiao.api.goal.Level2;
import io.jixiao.api.goal.ProjectClass;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.goal.ProjectLevel;
import io.jixiao.api.goal.RuleReport;
import io.jixiao.api.goal.RuleViolation;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seed regions' goal rules, from the presets shipped in {@code config/}, on a table of goals and projects.
 */
class GoalRulesTest {
    private static final RuleBook BOOK = Presets.book();
    private static final String GUANGZHOU = "440100000";
    private static final String ALETAI = "654300000";
    private static final String CHANGZHI = "140400000";
    private static final String YUNXI = "430603000";

    /** Categories cycled through so that every level-1 and the cost category are present from 4 indicators on. */
    private static final Level2[] CYCLE = {Level2.QUANTITY, Level2.COST, Level2.SOCIAL, Level2.SATISFACTION,
        Level2.QUALITY, Level2.TIMELINESS, Level2.ECONOMIC, Level2.ECOLOGICAL, Level2.SUSTAINABLE};

    /** A goal of {@code total} indicators, {@code quantitative} of them quantitative, points adding up to 90. */
    static Goal goal(int total, int quantitative) {
        List<Indicator> indicators = new ArrayList<>();
        BigDecimal each = BigDecimal.valueOf(90).divide(BigDecimal.valueOf(total), 2, RoundingMode.DOWN);
        for (int i = 0; i < total; i++) {
            BigDecimal points = i == total - 1 ? BigDecimal.valueOf(90).subtract(each.multiply(BigDecimal.valueOf(
                    total - 1))) : each;
            indicators.add(i < quantitative
                    ? new Indicator(CYCLE[i % CYCLE.length], "指标" + i, ComputeSign.GE, "100", "人", points, "", null)
                    : new Indicator(CYCLE[i % CYCLE.length], "指标" + i, ComputeSign.QUALITATIVE, "明显改善", "",
                            points, "达成为满分", null));
        }
        return new Goal(GoalSubject.PROJECT, "完成年度任务", "", indicators);
    }

    static ProjectFacts project(String region, ProjectClass type, String amount, boolean newProject,
            boolean recurring, String lastYear) {
        return new ProjectFacts(MofDivCode.of(region), FiscalYear.of(2026), AgencyCode.of("101001"),
                ProCode.of("P-1"), type, ProjectLevel.FIRST, BudgetKind.GENERAL_PUBLIC,
                Money.positive("AMOUNT", new BigDecimal(amount)), newProject, recurring,
                lastYear == null ? null : Money.positive("LAST", new BigDecimal(lastYear)));
    }

    static RuleReport check(String region, Goal goal, ProjectClass type) {
        return GoalRuleEngine.check(goal, project(region, type, "100000", false, true, null),
                BOOK.rulesFor(MofDivCode.of(region), FiscalYear.of(2026)));
    }

    static List<String> codes(RuleReport result) {
        return result.violations().stream().map(RuleViolation::code).toList();
    }

    /** Expected: the codes of the rules broken, in order, space-separated. */
    @ParameterizedTest(name = "{0} {1}: {2} indicators, {3} quantitative → {4}")
    @CsvSource({
        // Guangzhou: development ≥ 8, running ≥ 4, quantitative ≥ 50 % inclusive
        "440100000, DEVELOPMENT,       7, 7, INDICATORS_MIN",
        "440100000, DEVELOPMENT,       8, 8, ''",
        "440100000, RUNNING_GUARANTEE, 3, 3, INDICATORS_MIN LEVEL1_REQUIRED_SATISFACTION",
        "440100000, RUNNING_GUARANTEE, 4, 4, ''",
        "440100000, DEVELOPMENT,       8, 4, ''",
        "440100000, DEVELOPMENT,       8, 3, QUANTITATIVE_SHARE_MIN",
        "440100000, DEVELOPMENT,       9, 4, QUANTITATIVE_SHARE_MIN",
        // a Guangzhou county inherits Guangzhou's rules through the configured hierarchy
        "440106000, DEVELOPMENT,       7, 7, INDICATORS_MIN",
        // Yunxi sets no counts: the national default (3, illustrative) applies, no quantitative share
        "430603000, DEVELOPMENT,       3, 0, ''",
        "430603000, DEVELOPMENT,       2, 2, INDICATORS_MIN LEVEL1_REQUIRED_BENEFIT",
    })
    void indicatorCountsAndQuantitativeShare(String region, ProjectClass type, int total, int quantitative,
            String expected) {
        RuleReport result = check(region, goal(total, quantitative), type);

        assertThat(codes(result)).containsExactlyElementsOf(expected.isEmpty() ? List.of()
                : List.of(expected.split(" ")));
    }

    @Test
    void aMissingSatisfactionIndicatorIsNamedWithItsSourceWhereRequired() {
        Goal noSatisfaction = replace(goal(8, 8), Level2.SATISFACTION, Level2.QUANTITY);

        RuleViolation v = check(GUANGZHOU, noSatisfaction, ProjectClass.DEVELOPMENT).violations().get(0);

        assertThat(v.code()).isEqualTo("LEVEL1_REQUIRED_SATISFACTION");
        assertThat(v.field()).isEqualTo("INDICATORS");
        assertThat(v.messageZh()).contains("满意度指标");
        assertThat(v.source()).contains("seed 002").contains("服务对象满意度");
        assertThat(codes(check(YUNXI, noSatisfaction, ProjectClass.DEVELOPMENT))).as("optional nationally").isEmpty();
    }

    @Test
    void changzhiRequiresCostAndScoresSixAssessmentDimensions() {
        Goal noCost = replace(goal(8, 8), Level2.COST, Level2.QUANTITY);

        assertThat(codes(check(CHANGZHI, noCost, ProjectClass.DEVELOPMENT))).containsExactly("LEVEL2_REQUIRED_COST");
        assertThat(BOOK.rulesFor(MofDivCode.of(CHANGZHI), FiscalYear.of(2026)).assessmentDimensions()).hasSize(6)
                .contains("riskResponse");
        assertThat(BOOK.rulesFor(MofDivCode.of(YUNXI), FiscalYear.of(2026)).assessmentDimensions()).hasSize(5);
    }

    @Test
    void changzhisRolloutIsWrittenAsDatedRuleSets() {
        // seed 004 Art. 5: 2020 the general public budget, 2021 the government fund budget too, 2022 all four
        assertThat(BOOK.rulesFor(MofDivCode.of(CHANGZHI), FiscalYear.of(2020)).budgets())
                .containsExactly(io.jixiao.api.goal.BudgetKind.GENERAL_PUBLIC);
        assertThat(BOOK.rulesFor(MofDivCode.of(CHANGZHI), FiscalYear.of(2021)).budgets())
                .containsExactlyInAnyOrder(io.jixiao.api.goal.BudgetKind.GENERAL_PUBLIC,
                        io.jixiao.api.goal.BudgetKind.GOVERNMENT_FUND);
        assertThat(BOOK.rulesFor(MofDivCode.of(CHANGZHI), FiscalYear.of(2026)).budgets())
                .hasSize(io.jixiao.api.goal.BudgetKind.values().length);
        assertThat(BOOK.rulesFor(MofDivCode.of(CHANGZHI), FiscalYear.of(2026)).version())
                .startsWith("140400000/2022#1");
        assertThat(BOOK.view(MofDivCode.of(CHANGZHI), FiscalYear.of(2021)).rules())
                .containsEntry("evaluation.wholeDepartment", "true")
                .containsEntry("rectification.strictControl.mode", "ENFORCE");
        assertThat(BOOK.view(MofDivCode.of(CHANGZHI), FiscalYear.of(2020)).rules())
                .doesNotContainKey("evaluation.wholeDepartment");
    }

    @Test
    void pointsMustAddUpToNinety() {
        Goal goal = goal(8, 8);
        List<Indicator> indicators = new ArrayList<>(goal.indicators());
        Indicator first = indicators.get(0);
        indicators.set(0, new Indicator(first.level2(), first.name(), first.sign(), first.target(), first.unit(),
                first.points().add(new BigDecimal("0.01")), first.standard(), null));

        RuleViolation v = check(GUANGZHOU, new Goal(GoalSubject.PROJECT, "x", "", indicators),
                ProjectClass.DEVELOPMENT).violations().get(0);

        assertThat(v.code()).isEqualTo("POINTS_TOTAL");
        assertThat(v.messageEn()).contains("90").contains("90.01");
        assertThat(v.source()).contains("财预〔2020〕10号");
    }

    @Test
    void structuralFaultsNameTheIndicator() {
        List<Indicator> indicators = new ArrayList<>(goal(8, 8).indicators());
        indicators.set(2, new Indicator(Level2.SOCIAL, "受益人数", ComputeSign.GE, "很多", "人", indicators.get(2).points(),
                "", null));

        RuleReport result = check(GUANGZHOU, new Goal(GoalSubject.PROJECT, " ", "", indicators),
                ProjectClass.DEVELOPMENT);

        assertThat(result.violations()).extracting(RuleViolation::code, RuleViolation::field).contains(
                org.assertj.core.groups.Tuple.tuple("GOAL_OVERVIEW_REQUIRED", "KPI_TARGET"),
                org.assertj.core.groups.Tuple.tuple("INDICATOR_TARGET_NUMERIC", "INDICATORS[2].KPI_VAL"));
    }

    @ParameterizedTest(name = "{0}: {1} yuan, new={2}, recurring={3}, last year {4} → {5}, review {6}")
    @CsvSource({
        // Aletai: every new project; key from 1,000,000 inclusive
        "654300000, 1000000.00, true,  true,  ,            KEY,     false",
        "654300000, 999999.99,  true,  false, ,            GENERAL, false",
        "654300000, 5000000.00, false, true,  5000000.00,  NONE,    false",
        // Guangzhou: new recurring ≥ 10,000,000 / one-off ≥ 30,000,000; review ≥ 5,000,000 / 10,000,000
        "440100000, 10000000,   true,  true,  ,            KEY,     true",
        "440100000, 9999999.99, true,  true,  ,            NONE,    true",
        "440100000, 4999999.99, true,  true,  ,            NONE,    false",
        "440100000, 29999999,   true,  false, ,            NONE,    true",
        "440100000, 30000000,   true,  false, ,            KEY,     true",
        // a continuing project growing ≥ 30 % over last year (national, illustrative)
        "430603000, 1300000,    false, true,  1000000,     KEY,     false",
        "430603000, 1299999.99, false, true,  1000000,     NONE,    false",
    })
    void exAnteAssessmentAndReviewThresholds(String region, String amount, boolean newProject, boolean recurring,
            String lastYear, AssessmentTier tier, boolean review) {
        RuleReport result = GoalRuleEngine.check(goal(8, 8),
                project(region, ProjectClass.DEVELOPMENT, amount, newProject, recurring, lastYear),
                BOOK.rulesFor(MofDivCode.of(region), FiscalYear.of(2026)));

        assertThat(result.exAnte()).isEqualTo(tier);
        assertThat(result.reviewRequired()).isEqualTo(review);
    }

    @Test
    void rulesApplyFromTheirYearAndNameTheirVersion() {
        GoalRules y2019 = BOOK.rulesFor(MofDivCode.of(GUANGZHOU), FiscalYear.of(2019));
        GoalRules y2026 = BOOK.rulesFor(MofDivCode.of("440106000"), FiscalYear.of(2026));

        assertThat(y2019.minIndicators().get(ProjectClass.DEVELOPMENT)).as("before Guangzhou's 2020 rules").isEqualTo(3);
        assertThat(y2019.version()).isEqualTo("national/2019#3");
        assertThat(y2026.minIndicators().get(ProjectClass.DEVELOPMENT)).isEqualTo(8);
        assertThat(y2026.version()).isEqualTo("440100000/2020#1 < national/2019#3");
        assertThat(y2026.source("indicators.min.DEVELOPMENT")).contains("seed 002");
        assertThat(y2026.source("indicators.min.RUNNING_GUARANTEE")).contains("至少4个");
        assertThat(BOOK.rulesFor(MofDivCode.of(YUNXI), FiscalYear.of(2026)).source("indicators.min.DEVELOPMENT"))
                .isEqualTo(GoalRules.ILLUSTRATIVE);
    }

    @Test
    void uncoveredBudgetsAreNotCheckedForIndicators() {
        RuleSet national = new RuleSet(RuleSet.NATIONAL, 2019, 1, Map.of("covers.budgets", "GENERAL_PUBLIC",
                "indicators.min.DEVELOPMENT", "8"));
        RuleBook book = new RuleBook(List.of(national), region -> Optional.empty());
        ProjectFacts fund = new ProjectFacts(MofDivCode.of(GUANGZHOU), FiscalYear.of(2026), AgencyCode.of("1"),
                ProCode.of("P"), ProjectClass.DEVELOPMENT, ProjectLevel.FIRST, BudgetKind.GOVERNMENT_FUND,
                Money.positive("A", BigDecimal.ONE), false, true, null);

        assertThat(GoalRuleEngine.check(goal(1, 1), fund, book.rulesFor(MofDivCode.of(GUANGZHOU),
                FiscalYear.of(2026))).violations()).isEmpty();
    }

    @Test
    void projectRulesDoNotJudgeADepartmentsWholeGoalUnlessTheRegionCoversIt() {
        Goal two = goal(2, 2);
        Goal department = new Goal(GoalSubject.DEPARTMENT, "部门整体履职目标", "", two.indicators());
        Goal blank = new Goal(GoalSubject.POLICY, " ", "", two.indicators());
        ProjectFacts facts = project(GUANGZHOU, ProjectClass.DEVELOPMENT, "100000", false, true, null);
        GoalRules guangzhou = BOOK.rulesFor(MofDivCode.of(GUANGZHOU), FiscalYear.of(2026));

        assertThat(GoalRuleEngine.check(two, facts, guangzhou).violations()).extracting(RuleViolation::code)
                .contains("INDICATORS_MIN");
        assertThat(GoalRuleEngine.check(department, facts, guangzhou).violations()).isEmpty();
        assertThat(GoalRuleEngine.check(blank, facts, guangzhou).violations()).extracting(RuleViolation::code)
                .as("structural checks hold for every subject").containsExactly("GOAL_OVERVIEW_REQUIRED");

        RuleBook covering = Presets.book("io.jixiao.goals.rules-guangzhou.cfg", Map.of("covers.subjects",
                "PROJECT,DEPARTMENT", "source.covers.subjects", "test"));
        assertThat(GoalRuleEngine.check(department, facts, covering.rulesFor(MofDivCode.of(GUANGZHOU),
                FiscalYear.of(2026))).violations()).extracting(RuleViolation::code).contains("INDICATORS_MIN");
    }

    @Test
    void everySeedRegionRuleCitesItsSource() {
        Presets.files().forEach((file, p) -> {
            if (file.endsWith("-national.cfg")) {
                return; // national keys without a source are the illustrative defaults
            }
            for (String key : p.stringPropertyNames()) {
                if (RuleBook.KEYS.contains(key)) {
                    assertThat(p.getProperty("source." + key)).as(file + ": source of " + key).isNotBlank();
                }
            }
        });
    }

    @Test
    void aBadRuleSetIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new RuleBook(List.of(new RuleSet(RuleSet.NATIONAL, 2019, 1,
                Map.of("indicators.min.DEVELOPEMENT", "8"))), r -> Optional.empty()))
                .hasMessageContaining("unknown rule key indicators.min.DEVELOPEMENT");
        assertThatThrownBy(() -> new RuleBook(List.of(new RuleSet(RuleSet.NATIONAL, 2019, 1,
                Map.of("monitoring.gap.PURPLE", "5", "result.action.AVERAGE", "KEEP", "covers.budgets",
                        "GENERAL_PUBLIC"))), r -> Optional.empty()))
                .as("every bad key of the set, not the first")
                .hasMessageContaining("unknown rule keys monitoring.gap.PURPLE, result.action.AVERAGE");
        assertThatThrownBy(() -> new RuleBook(List.of(new RuleSet(RuleSet.NATIONAL, 2019, 1,
                Map.of("indicators.quantitativeMinPercent", "half"))), r -> Optional.empty()))
                .hasMessageContaining("indicators.quantitativeMinPercent must be a number");
        assertThatThrownBy(() -> new RuleBook(List.of(new RuleSet(RuleSet.NATIONAL, 2019, 1,
                Map.of("indicators.requiredLevel1", "OUTPUT,OUTCOME"))), r -> Optional.empty()))
                .hasMessageContaining("OUTCOME");
        assertThatThrownBy(() -> new RuleBook(List.of(new RuleSet(GUANGZHOU, 2019, 1, Map.of())),
                r -> Optional.empty())).hasMessageContaining("national");
        assertThatThrownBy(() -> RuleSets.from(Map.of("region", "4401", "fromYear", "2020", "revision", "1")))
                .hasMessageContaining("MOF_DIV_CODE");
    }

    private static Goal replace(Goal goal, Level2 from, Level2 to) {
        return new Goal(goal.subject(), goal.annualOverview(), goal.midTermOverview(), goal.indicators().stream()
                .map(k -> k.level2() == from ? new Indicator(to, k.name(), k.sign(), k.target(), k.unit(), k.points(),
                        k.standard(), k.libraryId()) : k).toList());
    }
}
