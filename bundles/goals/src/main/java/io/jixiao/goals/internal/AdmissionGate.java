package io.jixiao.goals.internal;

import io.jixiao.api.goal.Assessment;
import io.jixiao.api.goal.AssessmentTier;
import io.jixiao.api.goal.Gate;
import io.jixiao.api.goal.GateMode;
import io.jixiao.api.goal.GoalRules;
import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.goal.ReviewStage;
import io.jixiao.api.goal.RuleViolation;
import io.jixiao.api.goal.StageReview;
import io.jixiao.api.hook.GateDecision;
import io.jixiao.api.hook.ProjectAdmission;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.Role;
import io.jixiao.api.rectification.RectificationRules;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.GoalRepository;
import io.jixiao.store.RectificationRepository;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Project-library admission 入库: an approved goal, and where the thresholds say so a supporting ex-ante
 * assessment of the required tier. The goal was checked against the rules when it was approved; a rule tightened
 * since does not silently refuse it here (the re-check report lists such goals).
 */
@Component(service = ProjectAdmission.class, immediate = true)
public final class AdmissionGate implements ProjectAdmission {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final GoalRepository goals;
    private final RectificationRepository cases;
    private final Supplier<RuleBook> rules;
    private final Clock clock;

    @Activate
    public AdmissionGate(@Reference GoalRepository goals, @Reference RectificationRepository cases,
            @Reference Goals rules) {
        this(goals, cases, rules::book, Clock.systemUTC());
    }

    AdmissionGate(GoalRepository goals, RectificationRepository cases, Supplier<RuleBook> rules, Clock clock) {
        this.goals = goals;
        this.cases = cases;
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
            Assessment latest = tier == AssessmentTier.NONE ? null
                    : goals.latestAssessment(project.mofDivCode(), project.fiscalYear(), project.proCode()).orElse(null);
            boolean anyGoal = goal.isPresent()
                    || !goals.goalsOf(project.mofDivCode(), project.fiscalYear(), project.proCode()).isEmpty();
            reasons.addAll(LineCheck.reasons(project, in, goal.isPresent(), anyGoal, tier, latest));
            StageReview stage = goal.isEmpty() || !in.reviewStages().contains(ReviewStage.ADMISSION) ? null
                    : goals.stageReviews(goal.get().goalId(), goal.get().version()).stream()
                            .filter(r -> r.stage() == ReviewStage.ADMISSION).findFirst().orElse(null);
            reasons.addAll(StageCheck.reasons(project, in, ReviewStage.ADMISSION, goal.isPresent(), stage != null,
                    stage == null ? null : stage.amount()));
        }
        // strict control 从严控制 of the unit: its own mode, whatever the gate's
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        RectificationRules rectification = rules.get().rectificationFor(project.mofDivCode(), project.fiscalYear());
        List<RuleViolation> strict = rectification.strictModeOn(today) == GateMode.OFF ? List.of()
                : StrictCheck.reasons(AgencyCode.FIELD, cases.underStrictControl(project.mofDivCode(),
                        project.agencyCode()), rectification, today);
        boolean admitted = (reasons.isEmpty() || mode != GateMode.ENFORCE)
                && !StrictCheck.blocks(strict, rectification, today);
        reasons.addAll(strict);
        GateDecision decision = new GateDecision(Gate.ADMISSION, admitted, mode, reasons, in.version(),
                goal.map(GoalVersion::goalId).orElse(null), goal.map(GoalVersion::version).orElse(null), tier, review);
        String action = !admitted ? "ADMISSION_REFUSED" : reasons.isEmpty() ? "ADMISSION_ADMITTED" : "ADMISSION_WARNED";
        goals.recordDecision(new AuditEntry(now, action, project.mofDivCode(), "PROJECT",
                project.fiscalYear() + "/" + project.proCode(), actor,
                reasons.isEmpty() ? "admitted" : reasons.stream().map(RuleViolation::code)
                        .collect(Collectors.joining(",")),
                "mode=" + mode + ";rules=" + in.version() + ";goal=" + goal.map(g -> g.goalId() + "/" + g.version())
                        .orElse("-") + ";exAnte=" + tier + (strict.isEmpty() ? "" : ";strictControl="
                        + rectification.strictModeOn(today)), project.agencyCode(), project.proCode()));
        return decision;
    }
}
