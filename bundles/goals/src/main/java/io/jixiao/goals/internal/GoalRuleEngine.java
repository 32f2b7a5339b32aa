package io.jixiao.goals.internal;

import io.jixiao.api.goal.AssessmentTier;
import io.jixiao.api.goal.Goal;
import io.jixiao.api.goal.GoalRules;
import io.jixiao.api.goal.Indicator;
import io.jixiao.api.goal.Level1;
import io.jixiao.api.goal.Level2;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.goal.RuleReport;
import io.jixiao.api.goal.RuleViolation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a goal and its project against the rules in force: every rule it breaks, with the field path, a Chinese
 * and an English message and the rule's source, and which ex-ante assessment and review the project needs.
 * A pure function of its inputs.
 */
final class GoalRuleEngine {
    /** Structural checks that hold in every region: a goal the forms could not carry. */
    static final String STRUCTURE = "项目支出绩效目标申报表 (the standard declaration form)";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private GoalRuleEngine() {
    }

    static RuleReport check(Goal goal, ProjectFacts project, GoalRules rules) {
        List<RuleViolation> out = new ArrayList<>();
        structure(goal, out);
        if (rules.subjects().contains(goal.subject()) && rules.budgets().contains(project.budget())
                && rules.classes().contains(project.projectClass())) {
            indicators(goal, project, rules, out);
        }
        return new RuleReport(rules.version(), out, exAnte(project, rules), review(project, rules));
    }

    private static void structure(Goal goal, List<RuleViolation> out) {
        if (goal.annualOverview().isBlank()) {
            out.add(new RuleViolation("GOAL_OVERVIEW_REQUIRED", "KPI_TARGET", "年度绩效目标概述不能为空",
                    "the annual goal overview is required", STRUCTURE));
        }
        List<Indicator> indicators = goal.indicators();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator k = indicators.get(i);
            String at = "INDICATORS[" + i + "]";
            if (k.name().isBlank()) {
                out.add(new RuleViolation("INDICATOR_NAME_REQUIRED", at + ".KPI_CONTENT", "三级指标名称不能为空",
                        "the indicator needs a name", STRUCTURE));
            }
            RuleViolation untyped = targetType(k, i);
            if (untyped != null) {
                out.add(untyped);
            }
            if (!k.sign().quantitative() && k.target().isBlank()) {
                out.add(new RuleViolation("INDICATOR_TARGET_REQUIRED", at + ".KPI_VAL", "定性指标须写明目标",
                        "a qualitative indicator needs a stated target", STRUCTURE));
            }
            if (k.points().signum() < 0) {
                out.add(new RuleViolation("INDICATOR_POINTS_NEGATIVE", at + ".WEIGHT", "指标分值不能为负",
                        "points must not be negative", STRUCTURE));
            }
        }
    }

    private static void indicators(Goal goal, ProjectFacts project, GoalRules rules, List<RuleViolation> out) {
        List<Indicator> indicators = goal.indicators();
        Integer min = rules.minIndicators().get(project.projectClass());
        if (min != null && indicators.size() < min) {
            String key = "indicators.min." + project.projectClass().name();
            out.add(new RuleViolation("INDICATORS_MIN", "INDICATORS",
                    classZh(project) + "项目至少需要 " + min + " 个绩效指标,实有 " + indicators.size() + " 个",
                    "a " + project.projectClass().name() + " project needs at least " + min + " indicators, has "
                            + indicators.size(), rules.source(key)));
        }
        BigDecimal minShare = rules.minQuantitativePercent();
        if (minShare != null && !indicators.isEmpty()) {
            long quantitative = indicators.stream().filter(Indicator::quantitative).count();
            // exact: quantitative / total ≥ minShare / 100  ⇔  quantitative × 100 ≥ minShare × total
            if (BigDecimal.valueOf(quantitative).multiply(HUNDRED)
                    .compareTo(minShare.multiply(BigDecimal.valueOf(indicators.size()))) < 0) {
                BigDecimal share = BigDecimal.valueOf(quantitative * 100)
                        .divide(BigDecimal.valueOf(indicators.size()), 1, RoundingMode.HALF_UP);
                out.add(new RuleViolation("QUANTITATIVE_SHARE_MIN", "INDICATORS",
                        "定量指标须占 " + minShare.stripTrailingZeros().toPlainString() + "% 以上,实为 " + share + "% ("
                                + quantitative + "/" + indicators.size() + ")",
                        "at least " + minShare.stripTrailingZeros().toPlainString() + " % of indicators must be "
                                + "quantitative, " + share + " % are (" + quantitative + " of " + indicators.size() + ")",
                        rules.source("indicators.quantitativeMinPercent")));
            }
        }
        Set<Level1> level1 = EnumSet.noneOf(Level1.class);
        Set<Level2> level2 = EnumSet.noneOf(Level2.class);
        indicators.forEach(k -> {
            level1.add(k.level1());
            level2.add(k.level2());
        });
        for (Level1 required : rules.requiredLevel1()) {
            if (!level1.contains(required)) {
                out.add(new RuleViolation("LEVEL1_REQUIRED_" + required.name(), "INDICATORS",
                        "缺少" + required.chinese(), "a " + required.name() + " indicator is required",
                        rules.source("indicators.requiredLevel1")));
            }
        }
        for (Level2 required : rules.requiredLevel2()) {
            if (!level2.contains(required)) {
                out.add(new RuleViolation("LEVEL2_REQUIRED_" + required.name(), "INDICATORS",
                        "缺少" + required.chinese(), "a " + required.name() + " indicator is required",
                        rules.source("indicators.requiredLevel2")));
            }
        }
        BigDecimal total = rules.pointsTotal();
        if (total != null && !indicators.isEmpty()) {
            BigDecimal sum = indicators.stream().map(Indicator::points).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(total) != 0) {
                out.add(new RuleViolation("POINTS_TOTAL", "INDICATORS",
                        "指标分值合计须为 " + total.stripTrailingZeros().toPlainString() + " 分,实为 "
                                + sum.stripTrailingZeros().toPlainString() + " 分",
                        "indicator points must add up to " + total.stripTrailingZeros().toPlainString() + ", they add up to "
                                + sum.stripTrailingZeros().toPlainString(), rules.source("indicators.pointsTotal")));
            }
        }
    }

    /** Which ex-ante assessment the thresholds require. */
    static AssessmentTier exAnte(ProjectFacts project, GoalRules rules) {
        BigDecimal amount = project.amount().yuan();
        boolean required;
        if (project.newProject()) {
            BigDecimal from = project.recurring() ? rules.exAnteNewRecurringFrom() : rules.exAnteNewOneOffFrom();
            required = from != null && amount.compareTo(from) >= 0;
        } else {
            BigDecimal percent = rules.exAnteIncreasePercentFrom();
            BigDecimal last = project.previousYearAmount() == null ? null : project.previousYearAmount().yuan();
            // growth ≥ percent  ⇔  amount - last ≥ last × percent / 100  ⇔  (amount - last) × 100 ≥ last × percent
            required = percent != null && last != null && last.signum() > 0
                    && amount.subtract(last).multiply(HUNDRED).compareTo(last.multiply(percent)) >= 0;
        }
        if (!required) {
            return AssessmentTier.NONE;
        }
        BigDecimal key = rules.exAnteKeyFrom();
        return key == null || amount.compareTo(key) >= 0 ? AssessmentTier.KEY : AssessmentTier.GENERAL;
    }

    /** Whether the project needs library-admission review 入库评审. */
    static boolean review(ProjectFacts project, GoalRules rules) {
        if (!project.newProject()) {
            return false;
        }
        BigDecimal from = project.recurring() ? rules.reviewNewRecurringFrom() : rules.reviewNewOneOffFrom();
        return from != null && project.amount().yuan().compareTo(from) >= 0;
    }

    private static String classZh(ProjectFacts project) {
        return switch (project.projectClass()) {
            case RUNNING_GUARANTEE -> "运行保障类";
            case DEVELOPMENT -> "经济和社会发展类";
        };
    }

    /**
     * A target's type is part of the indicator, not a rule of the region: a quantitative indicator (COMPUTESIGN 1–5)
     * needs a numeric target. Drafting refuses it at once ({@link GoalWorkflow}); a check names it with the rules.
     *
     * @param k the indicator
     * @param i its place in the goal
     * @return the violation, or {@code null} when the target has its type
     */
    static RuleViolation targetType(Indicator k, int i) {
        if (!k.sign().quantitative() || k.numericTarget() != null) {
            return null;
        }
        return new RuleViolation("INDICATOR_TARGET_NUMERIC", "INDICATORS[" + i + "].KPI_VAL",
                "定量指标(计算符号 " + k.sign().symbol() + ")的指标值必须是数值,实为“" + k.target() + "”",
                "a quantitative indicator (" + k.sign().symbol() + ") needs a numeric target, got '" + k.target()
                        + "'", STRUCTURE);
    }
}
