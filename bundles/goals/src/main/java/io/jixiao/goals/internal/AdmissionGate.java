package io.jixiao.goals.internal;

import io.jixiao.api.goal.Assessment;
import io.jixiao.api.goal.AssessmentTier;
import io.jixiao.api.goal.Gate;
import io.jixiao.api.goal.GateDecision;
import io.jixiao.api.goal.GateMode;
import io.jixiao.api.goal.GoalRules;
import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.goal.RuleViolation;
import io.jixiao.api.hook.ProjectAdmission;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.Role;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.GoalRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Project-library admission 入库: an approved goal, and where the thresholds say so a supporting ex-ante
 * assessment of the required tier. The goal was checked against the rules when it was approved; a rule tightened
 * since does not silently refuse it here (the re-check report lists such goals).
 */
final class AdmissionGate implements ProjectAdmission {
    /** Where the gate's own rules come from. */
    static final String SOURCE = "中发〔2018〕34号 and the seeds: 绩效目标作为预算安排的前置条件; 评估结果作为申请预算的必备要件";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final GoalRepository goals;
    private final Supplier<RuleBook> rules;
    private final Clock clock;

    AdmissionGate(GoalRepository goals, Supplier<RuleBook> rules, Clock clock) {
        this.goals = goals;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public GateDecision admit(ProjectFacts project, Actor actor) {
        if (project == null) {
            throw InvalidInputException.of("PROJECT", "required", "the project is required");
        }
        if (actor == null) {
            throw InvalidInputException.of(Actor.OPERATOR_FIELD, "required", "is required");
        }
        if (!actor.has(Role.HOST_SYSTEM) && !actor.has(Role.FINANCE)) {
            throw new ForbiddenException("the admission gate is called by the host's project library (HOST_SYSTEM) "
                    + "or by FINANCE");
        }
        if (!actor.scope().covers(project.mofDivCode()) || !actor.scope().covers(project.agencyCode())) {
            throw new ForbiddenException("region " + project.mofDivCode() + " or agency " + project.agencyCode()
                    + " is outside your scope");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        GoalRules in = rules.get().rulesFor(project.mofDivCode(), project.fiscalYear());
        GateMode mode = in.mode(Gate.ADMISSION, LocalDate.ofInstant(now, CHINA));
        List<RuleViolation> reasons = new ArrayList<>();
        Optional<GoalVersion> goal = goals.inForce(project.mofDivCode(), project.fiscalYear(), project.proCode());
        AssessmentTier tier = GoalRuleEngine.exAnte(project, in);
        boolean review = GoalRuleEngine.review(project, in);
        if (mode != GateMode.OFF) {
            if (goal.isEmpty()) {
                reasons.add(new RuleViolation("GOAL_NOT_APPROVED", "PRO_CODE",
                        "项目没有已批复的绩效目标(无目标不安排预算)",
                        "the project has no approved performance goal for " + project.fiscalYear()
                                + " (no goal, no budget)", SOURCE));
            }
            exAnte(project, in, tier).ifPresent(reasons::add);
        }
        boolean admitted = reasons.isEmpty() || mode != GateMode.ENFORCE;
        GateDecision decision = new GateDecision(Gate.ADMISSION, admitted, mode, reasons, in.version(),
                goal.map(GoalVersion::goalId).orElse(null), goal.map(GoalVersion::version).orElse(null), tier, review);
        String action = !admitted ? "ADMISSION_REFUSED" : reasons.isEmpty() ? "ADMISSION_ADMITTED" : "ADMISSION_WARNED";
        goals.recordDecision(new AuditEntry(now, action, project.mofDivCode(), "PROJECT",
                project.fiscalYear() + "/" + project.proCode(), actor,
                reasons.isEmpty() ? "admitted" : reasons.stream().map(RuleViolation::code)
                        .collect(Collectors.joining(",")),
                "mode=" + mode + ";rules=" + in.version() + ";goal=" + goal.map(g -> g.goalId() + "/" + g.version())
                        .orElse("-") + ";exAnte=" + tier, project.agencyCode(), project.proCode()));
        return decision;
    }

    private Optional<RuleViolation> exAnte(ProjectFacts project, GoalRules in, AssessmentTier required) {
        if (required == AssessmentTier.NONE) {
            return Optional.empty();
        }
        String source = in.source(project.newProject() ? project.recurring() ? "exAnte.newRecurringFrom"
                : "exAnte.newOneOffFrom" : "exAnte.increasePercentFrom");
        Optional<Assessment> latest = goals.latestAssessment(project.mofDivCode(), project.fiscalYear(),
                project.proCode());
        String tierZh = required == AssessmentTier.KEY ? "重点评估" : "一般评估";
        if (latest.isEmpty()) {
            return Optional.of(new RuleViolation("EX_ANTE_REQUIRED", "PRO_CODE",
                    "项目需要事前绩效评估(" + tierZh + "),尚无评估记录",
                    "the project needs an ex-ante assessment (" + required + "); none is recorded", source));
        }
        Assessment a = latest.get();
        if (required == AssessmentTier.KEY && a.tier() != AssessmentTier.KEY) {
            return Optional.of(new RuleViolation("EX_ANTE_TIER", "PRO_CODE",
                    "项目需要重点评估,已有的是一般评估", "the project needs a KEY assessment, the one recorded is GENERAL",
                    in.source("exAnte.keyFrom")));
        }
        if (!a.conclusion().supports()) {
            return Optional.of(new RuleViolation("EX_ANTE_NOT_SUPPORTED", "PRO_CODE",
                    "事前绩效评估结论为不予支持(" + a.documentRef() + ")",
                    "the ex-ante assessment concluded REJECT (" + a.documentRef() + ")", SOURCE));
        }
        return Optional.empty();
    }
}
