package io.jixiao.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.evaluation.Achievement;
import io.jixiao.api.evaluation.Grade;
import io.jixiao.api.evaluation.IndicatorActual;
import io.jixiao.api.evaluation.Scorecard;
import io.jixiao.api.evaluation.ScoringRules;
import io.jixiao.api.goal.ComputeSign;
import io.jixiao.api.goal.Indicator;
import io.jixiao.api.goal.Level2;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.rules.RuleReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Worked scoring examples; every expected number is worked out by hand in the comment above it. */
class ScorerTest {
    private static final ScoringRules NATIONAL = RuleReader.scoring("national/2019#3", Map.of());

    private static Indicator indicator(Level2 level2, String name, ComputeSign sign, String target, int points) {
        return new Indicator(level2, name, sign, target, "", BigDecimal.valueOf(points), "", null);
    }

    private static IndicatorActual measured(Level2 level2, ComputeSign sign, String target, int points,
            String actual) {
        return IndicatorActual.measured(indicator(level2, level2 + " " + sign + " " + target, sign, target, points),
                new BigDecimal(actual), "");
    }

    private static IndicatorActual judged(Level2 level2, int points, Achievement achievement, String percent) {
        return IndicatorActual.judged(indicator(level2, "qualitative " + level2, ComputeSign.QUALITATIVE, "好",
                points), achievement, new BigDecimal(percent), "");
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aTrainingProjectWithAllFourParts() {
        // output 50 split 20:20 → 25 each; 培训人次 ≥ 1000, actual 800 → 25 × 800/1000 = 20;
        //                                   合格率 ≥ 95, actual 96 → met → 25            output 45
        // benefit 30 split 10:10 → 15 each; 就业率 ≥ 80, actual 60 → 15 × 60/80 = 11.25;
        //                                    投诉率 ≤ 2, actual 4 → 15 × 2/4 = 7.5        benefit 18.75
        // satisfaction 10, qualitative achieved at 90 % → 9
        // execution 850,000 / 1,000,000 = 0.85 → 0.85 × 10 = 8.5
        // total 45 + 18.75 + 9 + 8.5 = 81.25 → 良
        Scorecard card = Scorer.score(NATIONAL, List.of(
                measured(Level2.QUANTITY, ComputeSign.GE, "1000", 20, "800"),
                measured(Level2.QUALITY, ComputeSign.GE, "95", 20, "96"),
                measured(Level2.SOCIAL, ComputeSign.GE, "80", 10, "60"),
                measured(Level2.SOCIAL, ComputeSign.LE, "2", 10, "4"),
                judged(Level2.SATISFACTION, 10, Achievement.ACHIEVED, "90")), d("1000000.00"), d("850000.00"));

        assertThat(card.indicators()).extracting(s -> s.shownPoints().toPlainString())
                .containsExactly("20.00", "25.00", "11.25", "7.50", "9.00");
        assertThat(card.indicators()).extracting(s -> s.met()).containsExactly(false, true, false, false, true);
        assertThat(card.execution().ratePercent()).isEqualByComparingTo("85.00");
        assertThat(card.execution().points()).isEqualByComparingTo("8.5");
        assertThat(card.total()).isEqualTo(d("81.25"));
        assertThat(card.grade()).isEqualTo(Grade.GOOD);
        assertThat(card.ruleVersion()).isEqualTo("national/2019#3");
    }

    @Test
    void withoutASatisfactionIndicatorItsTenPointsGoToOutputAndBenefitInProportion() {
        // output 50 + 10 × 50/80 = 56.25; benefit 30 + 10 × 30/80 = 33.75
        // output met → 56.25; benefit ≥ 100, actual 50 → 33.75 × 0.5 = 16.875
        // execution 1,200,000 of 1,000,000 → rate 1.2, capped → 10
        // total 56.25 + 16.875 + 10 = 83.125 → 83.13 (half up) → 良
        Scorecard card = Scorer.score(NATIONAL, List.of(
                measured(Level2.QUANTITY, ComputeSign.GE, "10", 30, "12"),
                measured(Level2.ECONOMIC, ComputeSign.GE, "100", 20, "50")), d("1000000.00"), d("1200000.00"));

        assertThat(card.indicators().get(0).weight()).isEqualByComparingTo("56.25");
        assertThat(card.indicators().get(1).weight()).isEqualByComparingTo("33.75");
        assertThat(card.exactTotal()).isEqualByComparingTo("83.125");
        assertThat(card.total()).isEqualTo(d("83.13"));
        assertThat(card.execution().ratePercent()).isEqualByComparingTo("120.00");
        assertThat(card.grade()).isEqualTo(Grade.GOOD);
    }

    @Test
    void aRegionCanSendTheSatisfactionPointsToOutputOnly() {
        // evaluation.satisfactionAbsent = OUTPUT: output 50 + 10 = 60, benefit 30
        // output ≥ 10, actual 5 → 60 × 0.5 = 30; benefit met → 30; execution 0 of 100 → 0
        // total 60 → 中
        ScoringRules rules = RuleReader.scoring("r", Map.of("evaluation.satisfactionAbsent", "OUTPUT"));
        Scorecard card = Scorer.score(rules, List.of(
                measured(Level2.QUANTITY, ComputeSign.GE, "10", 5, "5"),
                measured(Level2.SOCIAL, ComputeSign.GE, "1", 5, "1")), d("100.00"), d("0"));
        assertThat(card.indicators().get(0).weight()).isEqualByComparingTo("60");
        assertThat(card.total()).isEqualTo(d("60.00"));
        assertThat(card.grade()).isEqualTo(Grade.FAIR);
    }

    @Test
    void indicatorsWithoutDeclaredPointsShareTheirCategoryEqually() {
        // output 50 over three indicators of 0 points → 16.666… each; two met, one at 0 → 33.333…
        // benefit 30 met, satisfaction qualitative partly at 70 % → 7; execution full → 10
        // total 33.3333… + 30 + 7 + 10 = 80.3333… → 80.33 → 良
        Scorecard card = Scorer.score(NATIONAL, List.of(
                measured(Level2.QUANTITY, ComputeSign.GE, "10", 0, "10"),
                measured(Level2.QUALITY, ComputeSign.GE, "10", 0, "11"),
                measured(Level2.TIMELINESS, ComputeSign.LE, "0", 0, "3"),
                measured(Level2.SOCIAL, ComputeSign.GE, "1", 10, "1"),
                judged(Level2.SATISFACTION, 10, Achievement.PARTLY, "70")), d("500.00"), d("500.00"));
        assertThat(card.total()).isEqualTo(d("80.33"));
        assertThat(card.grade()).isEqualTo(Grade.GOOD);
    }

    @Test
    void theGradeComesFromTheRoundedTotal() {
        // output ≥ 1000, actual 999.9 → 50 × 0.9999 = 49.995; benefit met 30; satisfaction not achieved at 0 % → 0;
        // execution 0 → total 79.995 exactly → rounded 80.00 → 良 (not 中)
        Scorecard card = Scorer.score(NATIONAL, List.of(
                measured(Level2.QUANTITY, ComputeSign.GE, "1000", 10, "999.9"),
                measured(Level2.SOCIAL, ComputeSign.GE, "1", 10, "1"),
                judged(Level2.SATISFACTION, 10, Achievement.NOT_ACHIEVED, "0")), d("100.00"), d("0.00"));
        assertThat(card.exactTotal()).isEqualByComparingTo("79.995");
        assertThat(card.total()).isEqualTo(d("80.00"));
        assertThat(card.grade()).isEqualTo(Grade.GOOD);
    }

    @ParameterizedTest
    @CsvSource({"100.00,EXCELLENT", "90.00,EXCELLENT", "89.99,GOOD", "80.00,GOOD", "79.99,FAIR", "60.00,FAIR",
        "59.99,POOR", "0.00,POOR"})
    void gradeBoundaries(String total, Grade grade) {
        assertThat(NATIONAL.grades().gradeOf(d(total))).isEqualTo(grade);
    }

    @Test
    void aRegionMovesTheBands() {
        ScoringRules strict = RuleReader.scoring("r", Map.of("evaluation.grades", "95,85,70"));
        assertThat(strict.grades().gradeOf(d("94.99"))).isEqualTo(Grade.GOOD);
        assertThat(strict.grades().gradeOf(d("69.99"))).isEqualTo(Grade.POOR);
        assertThatThrownBy(() -> NATIONAL.grades().gradeOf(d("79.995"))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} {1}, actual {2} → {3}")
    @CsvSource({
        // met: the whole weight
        "GE,100,100,1", "GT,100,101,1", "LE,2,2,1", "LT,2,1.5,1", "EQ,100,100,1",
        // missed ≥ / >: actual / target
        "GE,100,80,0.8", "GT,100,100,1", "GT,100,40,0.4",
        // missed ≤ / <: target / actual
        "LE,2,4,0.5", "LT,2,2,1", "LT,5,8,0.625",
        // missed =: 1 − |actual − target| / |target|, never below 0
        "EQ,100,90,0.9", "EQ,100,110,0.9", "EQ,100,250,0",
        // zero targets and actuals
        "GE,0,0,1", "GT,0,0,0", "LE,0,0,1", "LE,0,3,0", "LT,0,0,0", "LT,5,0,1", "GE,10,0,0", "EQ,0,0,1", "EQ,0,1,0",
        // no meaningful share: a negative target or actual
        "GE,-5,-10,0", "LE,3,-1,1", "GE,10,-1,0"})
    void comparators(ComputeSign sign, String target, String actual, String fraction) {
        boolean met = Scorer.meets(sign, d(actual), d(target));
        BigDecimal share = met ? BigDecimal.ONE : Scorer.missedShare(sign, d(actual), d(target));
        assertThat(share).isEqualByComparingTo(fraction);
    }

    @Test
    void aStrictComparatorMissedAtEqualityEarnsTheWholeShareButIsNotMet() {
        // > 100 with actual 100: missed (100 is not above 100), share 100/100 = 1 → full points, met = false
        Scorecard card = Scorer.score(NATIONAL, List.of(
                measured(Level2.QUANTITY, ComputeSign.GT, "100", 10, "100"),
                measured(Level2.SOCIAL, ComputeSign.GE, "1", 10, "1")), d("100.00"), d("100.00"));
        assertThat(card.indicators().get(0).met()).isFalse();
        assertThat(card.indicators().get(0).fraction()).isEqualByComparingTo("1");
    }

    @Test
    void entriesThatCannotBeScoredAreRefusedWithTheFieldAndTheRule() {
        IndicatorActual noActual = IndicatorActual.measured(indicator(Level2.QUANTITY, "人次", ComputeSign.GE, "10",
                10), null, "");
        IndicatorActual outOfBand = judged(Level2.SATISFACTION, 10, Achievement.PARTLY, "80");
        IndicatorActual noJudgement = IndicatorActual.measured(indicator(Level2.SOCIAL, "影响", ComputeSign.QUALITATIVE,
                "显著", 10), BigDecimal.ONE, "");
        assertThatThrownBy(() -> Scorer.score(NATIONAL, List.of(noActual, outOfBand, noJudgement), d("0"), d("-1")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(x -> x.field() + ":" + x.rule())
                        .containsExactly("INDICATORS[0].ACTUAL:required", "INDICATORS[1].PERCENT:band",
                                "INDICATORS[2].ACHIEVEMENT:required", "BUDGET:positive", "SPENT:range"));
        assertThatThrownBy(() -> Scorer.score(NATIONAL, List.of(), d("1.00"), d("1.00")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("INDICATORS");
    }

    @Test
    void qualitativeBandsIncludeTheirLowerBoundAndAchievedIncludesOneHundred() {
        assertThat(Achievement.ACHIEVED.admits(d("100"))).isTrue();
        assertThat(Achievement.ACHIEVED.admits(d("80"))).isTrue();
        assertThat(Achievement.PARTLY.admits(d("80"))).isFalse();
        assertThat(Achievement.PARTLY.admits(d("60"))).isTrue();
        assertThat(Achievement.NOT_ACHIEVED.admits(d("59.99"))).isTrue();
        assertThat(Achievement.NOT_ACHIEVED.admits(d("60"))).isFalse();
        assertThat(Achievement.ACHIEVED.admits(d("100.01"))).isFalse();
    }

    @Test
    void rulesAreCheckedWhenTheyAreRead() {
        assertThatThrownBy(() -> RuleReader.scoring("r", Map.of("evaluation.weight.OUTPUT", "60")))
                .hasMessageContaining("add up to 100");
        RuleReader.check("child", Map.of("evaluation.weight.OUTPUT", "60")); // completed by inheritance
        assertThatThrownBy(() -> RuleReader.check("r", Map.of("evaluation.weight.OUTPUT", "60",
                "evaluation.weight.BENEFIT", "30", "evaluation.weight.SATISFACTION", "10",
                "evaluation.weight.EXECUTION", "10"))).hasMessageContaining("add up to 100");
        assertThatThrownBy(() -> RuleReader.scoring("r", Map.of("evaluation.grades", "80,90,60")))
                .hasMessageContaining("100 ≥ 优 > 良 > 中 > 0");
        assertThatThrownBy(() -> RuleReader.scoring("r", Map.of("evaluation.satisfactionAbsent", "NOWHERE")))
                .hasMessageContaining("evaluation.satisfactionAbsent");
        assertThatThrownBy(() -> RuleReader.scoring("r", Map.of("evaluation.weight.EXECUTION", "ten")))
                .hasMessageContaining("evaluation.weight.EXECUTION");
        assertThatThrownBy(() -> RuleReader.scoring("r", Map.of("evaluation.selfDue", "06-31")))
                .hasMessageContaining("evaluation.selfDue");
        assertThat(RuleReader.scoring("r", Map.of("evaluation.selfDue", "06-15")).selfDueFor(2026))
                .isEqualTo(java.time.LocalDate.of(2027, 6, 15));
    }
}
