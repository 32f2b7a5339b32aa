package io.jixiao.goals.internal;

import io.jixiao.api.goal.Assessment;
import io.jixiao.api.goal.AssessmentTier;
import io.jixiao.api.goal.GoalRules;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.goal.RuleViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * What the gates ask of one project: an approved goal, and a supporting ex-ante assessment of the required tier
 * where the thresholds require one. A pure function of what the gate read.
 */
final class LineCheck {
    /** Where the gates' own rules come from. */
    static final String SOURCE = "中发〔2018〕34号 and the seeds: 绩效目标作为预算安排的前置条件; 评估结果作为申请预算的必备要件";

    private LineCheck() {
    }

    /**
     * @param project the project
     * @param rules the rules in force
     * @param hasGoal whether an approved goal is in force for it
     * @param anyGoal whether it has a goal of the year at all (a draft, submitted or returned one)
     * @param required the assessment tier the thresholds require
     * @param latest its latest assessment, or {@code null}
     * @return every reason to refuse it
     */
    static List<RuleViolation> reasons(ProjectFacts project, GoalRules rules, boolean hasGoal, boolean anyGoal,
            AssessmentTier required, Assessment latest) {
        List<RuleViolation> reasons = new ArrayList<>(2);
        if (!hasGoal && anyGoal) {
            reasons.add(new RuleViolation("GOAL_NOT_APPROVED", "PRO_CODE", "项目的绩效目标尚未批复(无目标不安排预算)",
                    "the project's performance goal for " + project.fiscalYear() + " is not approved yet: submit it "
                            + "for review (no goal, no budget)", SOURCE));
        } else if (!hasGoal) {
            reasons.add(new RuleViolation("GOAL_MISSING", "PRO_CODE", "项目没有绩效目标(无目标不安排预算)",
                    "the project has no performance goal for " + project.fiscalYear()
                            + ": declare one (no goal, no budget)", SOURCE));
        }
        if (required == AssessmentTier.NONE) {
            return reasons;
        }
        String source = rules.source(project.newProject() ? project.recurring() ? "exAnte.newRecurringFrom"
                : "exAnte.newOneOffFrom" : "exAnte.increasePercentFrom");
        String tierZh = required == AssessmentTier.KEY ? "重点评估" : "一般评估";
        if (latest == null) {
            reasons.add(new RuleViolation("EX_ANTE_REQUIRED", "PRO_CODE", "项目需要事前绩效评估(" + tierZh + "),尚无评估记录",
                    "the project needs an ex-ante assessment (" + required + "); none is recorded", source));
        } else if (required == AssessmentTier.KEY && latest.tier() != AssessmentTier.KEY) {
            reasons.add(new RuleViolation("EX_ANTE_TIER", "PRO_CODE", "项目需要重点评估,已有的是一般评估",
                    "the project needs a KEY assessment, the one recorded is GENERAL", rules.source("exAnte.keyFrom")));
        } else if (!latest.conclusion().supports()) {
            reasons.add(new RuleViolation("EX_ANTE_NOT_SUPPORTED", "PRO_CODE",
                    "事前绩效评估结论为不予支持(" + latest.documentRef() + ")",
                    "the ex-ante assessment concluded REJECT (" + latest.documentRef() + ")", SOURCE));
        }
        return reasons;
    }
}
