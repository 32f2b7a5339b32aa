package io.jixiao.evaluation.internal;

import io.jixiao.api.evaluation.Achievement;
import io.jixiao.api.evaluation.CriterionEntry;
import io.jixiao.api.evaluation.CriterionScore;
import io.jixiao.api.evaluation.ExecutionScore;
import io.jixiao.api.evaluation.IndicatorActual;
import io.jixiao.api.evaluation.IndicatorScore;
import io.jixiao.api.evaluation.KeyPart;
import io.jixiao.api.evaluation.KindRules;
import io.jixiao.api.evaluation.RegionCriterion;
import io.jixiao.api.evaluation.RegionScorecard;
import io.jixiao.api.evaluation.ScoreCategory;
import io.jixiao.api.evaluation.Scorecard;
import io.jixiao.api.evaluation.ScoringRules;
import io.jixiao.api.goal.ComputeSign;
import io.jixiao.api.goal.Indicator;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.Violations;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a self-evaluation out of 100 under a region's {@link ScoringRules} (财预〔2020〕10号 by default):
 * <ul>
 * <li>each indicator category (output, benefit, satisfaction) is worth its weight, split among its indicators in
 * proportion to their declared points (equally when they declare none); a category without indicators passes its
 * weight on — satisfaction as the rules say, output or benefit to the categories present, in proportion;</li>
 * <li>a quantitative indicator that meets its target earns its whole weight; one that misses earns the share
 * actual / target (≥, &gt;) or target / actual (≤, &lt;), and for {@code =} the share 1 − |actual − target| / |target|,
 * never below 0 nor above 1; a share that has no meaning — a target of 0 or below, an actual below 0 — earns 0;</li>
 * <li>a qualitative indicator earns the percentage the evaluator chose inside the band of its achievement;</li>
 * <li>budget execution earns spent / budget × its weight, capped at the weight;</li>
 * <li>the lines are added unrounded and the total rounded half up to two decimals; the grade comes from the
 * rounded total.</li>
 * </ul>
 * Pure arithmetic: no I/O, no clock.
 */
public final class Scorer {
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scorer() {
    }

    /**
     * @param rules the region's scoring rules for the evaluated year
     * @param entries one entry per indicator of the approved goal
     * @param budget the full-year budget, greater than 0
     * @param spent the full-year execution, 0 or more
     * @return the scorecard
     * @throws io.jixiao.api.model.InvalidInputException naming each entry that cannot be scored and why
     */
    public static Scorecard score(ScoringRules rules, List<IndicatorActual> entries, BigDecimal budget,
            BigDecimal spent) {
        Violations v = new Violations();
        if (entries.isEmpty()) {
            v.add("INDICATORS", "required", "a self-evaluation scores the goal's indicators; none given");
        }
        for (int i = 0; i < entries.size(); i++) {
            validate(entries.get(i), "INDICATORS[" + i + "]", v);
        }
        Money budgetMoney = v.check(() -> Money.positive("BUDGET", budget));
        if (spent == null || spent.signum() < 0 || spent.stripTrailingZeros().scale() > 2) {
            v.add("SPENT", "range", "must be an amount of 0 or more with at most 2 decimals, got "
                    + (spent == null ? "nothing" : spent.toPlainString()));
        }
        v.throwIfAny();

        List<IndicatorScore> lines = indicatorLines(categoryWeights(rules, entries), entries, c -> c);
        BigDecimal exact = sum(lines.stream().map(IndicatorScore::points).toList());
        Money spentMoney = new Money(spent.setScale(2, RoundingMode.UNNECESSARY));
        BigDecimal rate = spent.divide(budgetMoney.yuan(), MC);
        BigDecimal executionWeight = rules.weight(ScoreCategory.EXECUTION);
        BigDecimal executionPoints = executionWeight.multiply(rate.min(BigDecimal.ONE), MC);
        exact = exact.add(executionPoints, MC);
        BigDecimal total = exact.setScale(2, RoundingMode.HALF_UP);
        return new Scorecard(rules.version(), lines, List.of(),
                new ExecutionScore(budgetMoney, spentMoney, rate, executionWeight, executionPoints), exact, total,
                rules.grades().gradeOf(total));
    }

    /**
     * Scores a finance key evaluation under the decision / process / output / benefit framework: decision and
     * process are worth their weights, split among the evaluator's criteria in proportion to their plan points, each
     * earning weight × score / plan points; output is worth its weight over the goal's output indicators and benefit
     * its weight over the benefit and satisfaction indicators, scored as in a self-evaluation (a part without
     * indicators passes its weight to the other). Budget execution is shown, not scored apart: the plan scores it as
     * a process criterion (资金管理 · 预算执行率).
     *
     * @param rules the region's kind rules (the key weights)
     * @param grades the region's grade bands and scoring rules version (the self-evaluation rules of the year)
     * @param criteria the decision and process criteria, at least one of each
     * @param entries one entry per indicator of the approved goal
     * @throws io.jixiao.api.model.InvalidInputException naming each entry or criterion that cannot be scored
     */
    public static Scorecard scoreKey(KindRules rules, ScoringRules grades, List<CriterionEntry> criteria,
            List<IndicatorActual> entries, BigDecimal budget, BigDecimal spent) {
        Violations v = new Violations();
        if (entries.isEmpty()) {
            v.add("INDICATORS", "required", "a key evaluation scores the goal's indicators as output and benefit; "
                    + "none given");
        }
        for (int i = 0; i < entries.size(); i++) {
            validate(entries.get(i), "INDICATORS[" + i + "]", v);
        }
        for (KeyPart part : List.of(KeyPart.DECISION, KeyPart.PROCESS)) {
            if (criteria.stream().noneMatch(c -> c.part() == part)) {
                v.add("CRITERIA", "required", "a key evaluation scores its " + part + " part ("
                        + (part == KeyPart.DECISION ? "决策" : "过程") + ") with at least one criterion of the plan");
            }
        }
        for (int i = 0; i < criteria.size(); i++) {
            validate(criteria.get(i), "CRITERIA[" + i + "]", v);
        }
        Money budgetMoney = v.check(() -> Money.positive("BUDGET", budget));
        v.throwIfAny();
        Map<ScoreCategory, BigDecimal> weights = new EnumMap<>(ScoreCategory.class);
        for (IndicatorActual e : entries) {
            ScoreCategory group = keyGroup(ScoreCategory.of(e.indicator().level1()));
            weights.put(group, rules.keyWeight(group == ScoreCategory.OUTPUT ? KeyPart.OUTPUT : KeyPart.BENEFIT));
        }
        if (weights.size() == 1) { // a goal with output indicators only, or benefit only: the other part's points too
            weights.replaceAll((c, w) -> rules.keyWeight(KeyPart.OUTPUT).add(rules.keyWeight(KeyPart.BENEFIT)));
        }
        List<IndicatorScore> lines = indicatorLines(weights, entries, Scorer::keyGroup);
        List<CriterionScore> scored = new ArrayList<>();
        for (KeyPart part : List.of(KeyPart.DECISION, KeyPart.PROCESS)) {
            BigDecimal plan = sum(criteria.stream().filter(c -> c.part() == part).map(CriterionEntry::points)
                    .toList());
            for (CriterionEntry c : criteria) {
                if (c.part() == part) {
                    BigDecimal weight = rules.keyWeight(part).multiply(c.points(), MC).divide(plan, MC);
                    scored.add(new CriterionScore(c, weight, weight.multiply(c.score(), MC).divide(c.points(), MC)));
                }
            }
        }
        BigDecimal exact = sum(lines.stream().map(IndicatorScore::points).toList())
                .add(sum(scored.stream().map(CriterionScore::points).toList()), MC);
        BigDecimal total = exact.setScale(2, RoundingMode.HALF_UP);
        BigDecimal rate = spent.divide(budgetMoney.yuan(), MC);
        return new Scorecard(rules.version(), lines, scored, new ExecutionScore(budgetMoney,
                new Money(spent.setScale(2, RoundingMode.UNNECESSARY)), rate, BigDecimal.ZERO, BigDecimal.ZERO),
                exact, total, grades.grades().gradeOf(total));
    }

    /** In a key evaluation satisfaction counts with benefit (效益 · 满意度). */
    private static ScoreCategory keyGroup(ScoreCategory c) {
        return c == ScoreCategory.SATISFACTION ? ScoreCategory.BENEFIT : c;
    }

    /**
     * The indicator lines: each group's weight split among its indicators by their declared points (equally when
     * they declare none); quantitative shares or the qualitative percentage chosen.
     */
    private static List<IndicatorScore> indicatorLines(Map<ScoreCategory, BigDecimal> weights,
            List<IndicatorActual> entries, java.util.function.UnaryOperator<ScoreCategory> group) {
        Map<ScoreCategory, BigDecimal> declared = new EnumMap<>(ScoreCategory.class);
        Map<ScoreCategory, Integer> counts = new EnumMap<>(ScoreCategory.class);
        for (IndicatorActual e : entries) {
            ScoreCategory c = group.apply(ScoreCategory.of(e.indicator().level1()));
            declared.merge(c, e.indicator().points().max(BigDecimal.ZERO), BigDecimal::add);
            counts.merge(c, 1, Integer::sum);
        }
        List<IndicatorScore> lines = new ArrayList<>();
        for (IndicatorActual e : entries) {
            ScoreCategory c = group.apply(ScoreCategory.of(e.indicator().level1()));
            BigDecimal share = declared.get(c).signum() == 0
                    ? BigDecimal.ONE.divide(BigDecimal.valueOf(counts.get(c)), MC)
                    : e.indicator().points().max(BigDecimal.ZERO).divide(declared.get(c), MC);
            BigDecimal weight = weights.get(c).multiply(share, MC);
            boolean met;
            BigDecimal fraction;
            if (e.achievement() != null) {
                met = e.achievement() == Achievement.ACHIEVED;
                fraction = e.percent().divide(HUNDRED, MC);
            } else {
                BigDecimal target = e.indicator().numericTarget();
                met = meets(e.indicator().sign(), e.actual(), target);
                fraction = met ? BigDecimal.ONE : missedShare(e.indicator().sign(), e.actual(), target);
            }
            lines.add(new IndicatorScore(e, weight, fraction, met, weight.multiply(fraction, MC)));
        }
        return lines;
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal value : values) {
            sum = sum.add(value, MC);
        }
        return sum;
    }

    /** Most characters of a criterion's name (stored in 400 bytes: Chinese text takes three bytes a character). */
    public static final int MAX_CRITERION_NAME = 100;
    private static final BigDecimal MAX_PLAN_POINTS = BigDecimal.valueOf(100);

    private static void validate(CriterionEntry c, String field, Violations v) {
        if (c.part() != KeyPart.DECISION && c.part() != KeyPart.PROCESS) {
            v.add(field + ".PART", "part", "criteria score the DECISION and PROCESS parts; " + c.part()
                    + " is scored from the goal's indicators");
        }
        validatePlanned(c.name(), c.points(), c.score(), field, v);
    }

    /** A criterion of an evaluator's plan: named, worth above 0 to 100 points, scored 0 to its points. */
    private static void validatePlanned(String name, BigDecimal points, BigDecimal score, String field,
            Violations v) {
        if (name.isBlank() || name.length() > MAX_CRITERION_NAME) {
            v.add(field + ".NAME", "length", "is required, at most " + MAX_CRITERION_NAME + " characters");
        }
        if (points.signum() <= 0 || points.compareTo(MAX_PLAN_POINTS) > 0
                || points.stripTrailingZeros().scale() > 4) {
            v.add(field + ".POINTS", "range", "the criterion's points in the plan: above 0, at most 100, at most 4 "
                    + "decimals, got " + points.toPlainString());
        } else if (score.signum() < 0 || score.compareTo(points) > 0 || score.stripTrailingZeros().scale() > 4) {
            v.add(field + ".SCORE", "range", "earns 0 to its " + points.toPlainString() + " points, at most 4 "
                    + "decimals, got " + score.toPlainString());
        }
    }

    /** Most criteria of a comprehensive evaluation's plan. */
    public static final int MAX_REGION_CRITERIA = 200;

    /**
     * Scores a comprehensive evaluation of a lower government (财政运行综合绩效评价): the evaluator's plan is a list of
     * criteria grouped by dimension whose points add up to 100; the total is the sum of the scores rounded half up to
     * two decimals, graded by the evaluating region's bands.
     *
     * @param grades the evaluating region's scoring rules (their grade bands)
     * @throws io.jixiao.api.model.InvalidInputException naming each criterion that cannot be scored, or the plan
     *         whose points do not add up to 100
     */
    public static RegionScorecard scoreRegion(ScoringRules grades, List<RegionCriterion> criteria) {
        Violations v = new Violations();
        if (criteria.isEmpty()) {
            v.add("CRITERIA", "required", "the evaluation plan's criteria, their points adding up to 100");
        } else if (criteria.size() > MAX_REGION_CRITERIA) {
            v.add("CRITERIA", "size", "at most " + MAX_REGION_CRITERIA + " criteria, got " + criteria.size());
        }
        v.throwIfAny();
        for (int i = 0; i < criteria.size(); i++) {
            RegionCriterion c = criteria.get(i);
            String field = "CRITERIA[" + i + "]";
            if (c.dimension().isBlank() || c.dimension().length() > MAX_CRITERION_NAME) {
                v.add(field + ".DIMENSION", "length", "is required, at most " + MAX_CRITERION_NAME + " characters");
            }
            validatePlanned(c.name(), c.points(), c.score(), field, v);
        }
        v.throwIfAny();
        BigDecimal plan = sum(criteria.stream().map(RegionCriterion::points).toList());
        if (plan.compareTo(HUNDRED) != 0) {
            v.add("CRITERIA", "sum", "the plan's points add up to 100, got " + plan.toPlainString());
        }
        v.throwIfAny();
        BigDecimal total = sum(criteria.stream().map(RegionCriterion::score).toList()).setScale(2, RoundingMode.HALF_UP);
        return new RegionScorecard(grades.version(), criteria, total, grades.grades().gradeOf(total));
    }

    /**
     * The weight of each indicator category once the weights of categories without indicators are passed on.
     */
    static Map<ScoreCategory, BigDecimal> categoryWeights(ScoringRules rules, List<IndicatorActual> entries) {
        Map<ScoreCategory, BigDecimal> weights = new EnumMap<>(ScoreCategory.class);
        for (IndicatorActual e : entries) {
            ScoreCategory c = ScoreCategory.of(e.indicator().level1());
            weights.put(c, rules.weight(c));
        }
        if (!weights.containsKey(ScoreCategory.SATISFACTION)) {
            BigDecimal satisfaction = rules.weight(ScoreCategory.SATISFACTION);
            switch (rules.satisfactionAbsent()) {
                case OUTPUT -> give(weights, ScoreCategory.OUTPUT, satisfaction);
                case BENEFIT -> give(weights, ScoreCategory.BENEFIT, satisfaction);
                case PROPORTIONAL -> spread(weights, satisfaction);
            }
        }
        for (ScoreCategory c : List.of(ScoreCategory.OUTPUT, ScoreCategory.BENEFIT)) {
            if (!weights.containsKey(c)) {
                spread(weights, rules.weight(c));
            }
        }
        return weights;
    }

    /** Gives the points to one category; if it has no indicators either, they are spread over those present. */
    private static void give(Map<ScoreCategory, BigDecimal> weights, ScoreCategory to, BigDecimal points) {
        if (weights.containsKey(to)) {
            weights.merge(to, points, BigDecimal::add);
        } else {
            spread(weights, points);
        }
    }

    /** Spreads the points over the categories present, in proportion to their weights (equally if all are 0). */
    private static void spread(Map<ScoreCategory, BigDecimal> weights, BigDecimal points) {
        BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<ScoreCategory, BigDecimal> before = new EnumMap<>(weights);
        for (Map.Entry<ScoreCategory, BigDecimal> w : before.entrySet()) {
            BigDecimal share = sum.signum() == 0 ? BigDecimal.ONE.divide(BigDecimal.valueOf(before.size()), MC)
                    : w.getValue().divide(sum, MC);
            weights.put(w.getKey(), w.getValue().add(points.multiply(share, MC), MC));
        }
    }

    /** Whether the actual value meets the target under the comparator. */
    static boolean meets(ComputeSign sign, BigDecimal actual, BigDecimal target) {
        int c = actual.compareTo(target);
        return switch (sign) {
            case GE -> c >= 0;
            case GT -> c > 0;
            case EQ -> c == 0;
            case LE -> c <= 0;
            case LT -> c < 0;
            case QUALITATIVE -> throw new IllegalArgumentException("a qualitative indicator has no numeric target");
        };
    }

    /** The share of its weight an indicator that missed its target earns, 0 to 1. */
    static BigDecimal missedShare(ComputeSign sign, BigDecimal actual, BigDecimal target) {
        BigDecimal share = switch (sign) {
            case GE, GT -> target.signum() > 0 && actual.signum() >= 0 ? actual.divide(target, MC) : BigDecimal.ZERO;
            case LE, LT -> target.signum() >= 0 && actual.signum() > 0 ? target.divide(actual, MC) : BigDecimal.ZERO;
            case EQ -> target.signum() > 0 && actual.signum() >= 0
                    ? BigDecimal.ONE.subtract(actual.subtract(target).abs().divide(target, MC)) : BigDecimal.ZERO;
            case QUALITATIVE -> throw new IllegalArgumentException("a qualitative indicator has no numeric target");
        };
        return share.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    }

    /** Most characters of a deviation reason (stored in 1,000 bytes: Chinese text takes three bytes a character). */
    public static final int MAX_REASON = 300;
    private static final BigDecimal MAX_ACTUAL = new BigDecimal("1E18");

    private static void validate(IndicatorActual e, String field, Violations v) {
        Indicator indicator = e.indicator();
        if (e.deviationReason().length() > MAX_REASON) {
            v.add(field + ".DEVIATION_REASON", "length", "has at most " + MAX_REASON + " characters");
        }
        if (e.actual() != null && (e.actual().abs().compareTo(MAX_ACTUAL) >= 0
                || e.actual().stripTrailingZeros().scale() > 10)) {
            v.add(field + ".ACTUAL", "range", "must be below 10^18 in size with at most 10 decimals, got "
                    + e.actual().toPlainString());
        }
        if (e.percent() != null && e.percent().stripTrailingZeros().scale() > 4) {
            v.add(field + ".PERCENT", "scale", "has at most 4 decimals, got " + e.percent().toPlainString());
        }
        if (indicator.quantitative()) {
            if (e.actual() == null) {
                v.add(field + ".ACTUAL", "required", "'" + indicator.name() + "' is quantitative (" + indicator.sign()
                        .symbol() + " " + indicator.target() + indicator.unit() + "): enter its actual value");
            } else if (e.achievement() != null || e.percent() != null) {
                v.add(field + ".ACHIEVEMENT", "quantitative", "'" + indicator.name() + "' is scored from its actual "
                        + "value; an achievement applies to qualitative indicators only");
            }
            return;
        }
        if (e.achievement() == null || e.percent() == null) {
            v.add(field + ".ACHIEVEMENT", "required", "'" + indicator.name() + "' is qualitative: choose its "
                    + "achievement (ACHIEVED, PARTLY, NOT_ACHIEVED) and the percentage of its points inside the band");
            return;
        }
        if (!e.achievement().admits(e.percent())) {
            Achievement a = e.achievement();
            v.add(field + ".PERCENT", "band", a + " earns " + a.from().toPlainString() + "–" + a.to().toPlainString()
                    + " % of the points" + (a == Achievement.ACHIEVED ? " (100 included)" : " (" + a.to()
                            .toPlainString() + " excluded)") + ", got " + e.percent().toPlainString());
        }
    }
}
