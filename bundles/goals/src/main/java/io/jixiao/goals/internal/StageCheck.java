package io.jixiao.goals.internal;

import io.jixiao.api.goal.GoalRules;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.goal.ReviewStage;
import io.jixiao.api.goal.RuleViolation;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a multi-stage review asks at a gate: where the region's rules list the gate's stage, the approved goal must
 * have passed that stage, and the project may not ask more than the amount the stage settled. A pure function.
 */
final class StageCheck {
    private StageCheck() {
    }

    /**
     * @param project the project as the gate sees it
     * @param rules the rules in force
     * @param stage the gate's stage (ADMISSION at the library, COMPILATION at the compilation gate)
     * @param hasGoal whether an approved goal is in force (without one the gate refuses for that reason alone)
     * @param passed whether the goal version in force passed that stage
     * @param settled the amount the stage settled, or {@code null}
     * @return the reasons to refuse, possibly none
     */
    static List<RuleViolation> reasons(ProjectFacts project, GoalRules rules, ReviewStage stage, boolean hasGoal,
            boolean passed, BigDecimal settled) {
        if (!hasGoal || !rules.reviewStages().contains(stage)) {
            return List.of();
        }
        if (!passed) {
            return List.of(missing(stage, rules));
        }
        if (settled != null && project.amount().yuan().compareTo(settled) > 0) {
            return List.of(new RuleViolation("REVIEW_AMOUNT_EXCEEDED", "AMOUNT",
                    "申报金额" + project.amount() + "元超过" + stage.zh() + "核定金额" + settled.toPlainString() + "元",
                    "the amount " + project.amount() + " exceeds the " + settled.toPlainString()
                            + " yuan settled by the " + stage + " review",
                    rules.source("review.stages")));
        }
        return List.of();
    }

    /**
     * @param stage the stage not passed
     * @param rules the rules that ask for it
     * @return the violation naming it
     */
    static RuleViolation missing(ReviewStage stage, GoalRules rules) {
        return new RuleViolation("REVIEW_STAGE_MISSING", "STAGE", "绩效目标尚未完成" + stage.zh() + "(" + stage + ")",
                "the goal has not passed its " + stage + " review, which the region's rules require",
                rules.source("review.stages"));
    }
}
