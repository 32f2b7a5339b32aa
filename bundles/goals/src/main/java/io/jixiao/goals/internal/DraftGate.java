package io.jixiao.goals.internal;

import io.jixiao.api.goal.Assessment;
import io.jixiao.api.goal.AssessmentTier;
import io.jixiao.api.goal.BudgetDraft;
import io.jixiao.api.goal.Gate;
import io.jixiao.api.goal.GateMode;
import io.jixiao.api.goal.GoalRules;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.goal.ReviewStage;
import io.jixiao.api.goal.RuleViolation;
import io.jixiao.api.hook.CompilationGate;
import io.jixiao.api.hook.DraftDecision;
import io.jixiao.api.hook.GateDecision;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import io.jixiao.api.model.Violations;
import io.jixiao.api.rectification.RectificationCase;
import io.jixiao.api.rectification.RectificationRules;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.GoalRepository;
import io.jixiao.store.GoalRepository.GoalRef;
import io.jixiao.store.RectificationRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The compilation gate, and the same gate for adjustments and supplementary appropriations: every line of a draft
 * is checked like an admission, from two bulk reads (the goals in force and the latest assessments of the draft's
 * projects), so a draft of many lines costs a few queries, not two per line.
 */
@Component(service = CompilationGate.class, immediate = true)
public final class DraftGate implements CompilationGate {
    /** The most lines one call may carry. */
    static final int MAX_LINES = 200_000;
    private static final Pattern DRAFT_NO = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._\\-]{0,39}");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final GoalRepository goals;
    private final RectificationRepository cases;
    private final Supplier<RuleBook> rules;
    private final Clock clock;
    private final io.jixiao.store.EvaluationRepository evaluations;

    @Activate
    public DraftGate(@Reference GoalRepository goals, @Reference RectificationRepository cases,
            @Reference Goals rules, @Reference io.jixiao.store.EvaluationRepository evaluations) {
        this(goals, cases, rules::book, Clock.systemUTC(), evaluations);
    }

    DraftGate(GoalRepository goals, RectificationRepository cases, Supplier<RuleBook> rules, Clock clock) {
        this(goals, cases, rules, clock, null);
    }

    /** @param evaluations where the evaluation results applied to budget years are, or {@code null} not to show them */
    DraftGate(GoalRepository goals, RectificationRepository cases, Supplier<RuleBook> rules, Clock clock,
            io.jixiao.store.EvaluationRepository evaluations) {
        this.goals = goals;
        this.cases = cases;
        this.rules = rules;
        this.clock = clock;
        this.evaluations = evaluations;
    }

    @Override
    public DraftDecision check(BudgetDraft draft, Actor actor) {
        validate(draft, actor);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        GoalRules in = rules.get().rulesFor(draft.mofDivCode(), draft.fiscalYear());
        GateMode mode = in.mode(draft.gate(), LocalDate.ofInstant(now, CHINA));
        List<ProjectFacts> lines = draft.lines();
        List<AssessmentTier> tiers = lines.stream().map(p -> GoalRuleEngine.exAnte(p, in)).toList();
        Map<ProCode, GoalRef> inForce = mode == GateMode.OFF ? Map.of()
                : goals.inForce(draft.mofDivCode(), draft.fiscalYear(), lines.stream().map(ProjectFacts::proCode).toList());
        List<ProCode> assessed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (tiers.get(i) != AssessmentTier.NONE) {
                assessed.add(lines.get(i).proCode());
            }
        }
        Map<ProCode, Assessment> latest = mode == GateMode.OFF || assessed.isEmpty() ? Map.of()
                : goals.latestAssessments(draft.mofDivCode(), draft.fiscalYear(), assessed);

        // the joint review at compilation (where the region has it) settles each line's amount
        boolean staged = mode != GateMode.OFF && draft.gate() == Gate.COMPILATION
                && in.reviewStages().contains(ReviewStage.COMPILATION);
        Map<GoalRef, GoalRepository.StagePassed> joint = staged && !inForce.isEmpty()
                ? goals.stagesPassed(draft.mofDivCode(), draft.fiscalYear(), inForce.values(), ReviewStage.COMPILATION)
                : Map.of();

        // the evaluation results applied to this year's requested amounts (结果应用): shown with each line
        Map<ProCode, io.jixiao.api.evaluation.Adjustment> adjusted = evaluations == null ? Map.of()
                : evaluations.adjustmentsTargeting(draft.mofDivCode(), draft.fiscalYear(),
                        lines.stream().map(ProjectFacts::proCode).toList());

        // the lines without a goal in force: which have a goal not approved yet, which none at all
        java.util.Set<ProCode> drafted = mode == GateMode.OFF ? java.util.Set.of()
                : goals.withAnyGoal(draft.mofDivCode(), draft.fiscalYear(), lines.stream().map(ProjectFacts::proCode)
                        .filter(p -> !inForce.containsKey(p)).toList());
        // strict control 从严控制 of the projects: one read of the region's cases keeping something under it
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        RectificationRules rectification = rules.get().rectificationFor(draft.mofDivCode(), draft.fiscalYear());
        Map<ProCode, List<RectificationCase>> strict = new java.util.HashMap<>();
        if (rectification.strictModeOn(today) != GateMode.OFF) {
            for (RectificationCase c : cases.underStrictControl(draft.mofDivCode(), null)) {
                if (c.proCode() != null) {
                    strict.computeIfAbsent(c.proCode(), k -> new ArrayList<>()).add(c);
                }
            }
        }
        List<GateDecision> decisions = new ArrayList<>(lines.size());
        List<AuditEntry> audits = new ArrayList<>();
        int blocked = 0;
        int flagged = 0;
        String prefix = draft.gate().name();
        for (int i = 0; i < lines.size(); i++) {
            ProjectFacts line = lines.get(i);
            GoalRef goal = inForce.get(line.proCode());
            List<RuleViolation> reasons = mode == GateMode.OFF ? List.of()
                    : LineCheck.reasons(line, in, goal != null, goal != null || drafted.contains(line.proCode()),
                            tiers.get(i), latest.get(line.proCode()));
            if (staged) {
                GoalRepository.StagePassed passed = goal == null ? null : joint.get(goal);
                List<RuleViolation> stage = StageCheck.reasons(line, in, ReviewStage.COMPILATION, goal != null,
                        passed != null, passed == null ? null : passed.amount());
                if (!stage.isEmpty()) {
                    reasons = new ArrayList<>(reasons);
                    reasons.addAll(stage);
                }
            }
            List<RectificationCase> strictCases = strict.get(line.proCode());
            List<RuleViolation> strictReasons = strictCases == null ? List.of()
                    : StrictCheck.reasons(ProCode.FIELD, strictCases, rectification, today);
            boolean admitted = (reasons.isEmpty() || mode != GateMode.ENFORCE)
                    && !StrictCheck.blocks(strictReasons, rectification, today);
            if (!strictReasons.isEmpty()) {
                reasons = new ArrayList<>(reasons);
                reasons.addAll(strictReasons);
            }
            decisions.add(new GateDecision(draft.gate(), admitted, mode, reasons, in.version(),
                    goal == null ? null : goal.goalId(), goal == null ? null : goal.version(), tiers.get(i),
                    GoalRuleEngine.review(line, in), adjusted.get(line.proCode())));
            if (!reasons.isEmpty()) {
                flagged++;
                blocked += admitted ? 0 : 1;
                audits.add(new AuditEntry(now, prefix + (admitted ? "_LINE_WARNED" : "_LINE_BLOCKED"),
                        draft.mofDivCode(), "PROJECT", line.fiscalYear() + "/" + line.proCode(), actor,
                        reasons.stream().map(RuleViolation::code).collect(Collectors.joining(",")),
                        "draft=" + draft.draftNo() + ";mode=" + mode + ";rules=" + in.version() + ";amount="
                                + line.amount(), line.agencyCode(), line.proCode()));
            }
        }
        audits.add(new AuditEntry(now, prefix + "_CHECKED", draft.mofDivCode(), "DRAFT",
                draft.fiscalYear() + "/" + draft.draftNo(), actor,
                lines.size() + " lines, " + blocked + " blocked, " + flagged + " with reasons",
                "mode=" + mode + ";rules=" + in.version(), null, null));
        goals.recordDecisions(audits);
        return new DraftDecision(draft.gate(), mode, in.version(), decisions, blocked, flagged);
    }

    private static void validate(BudgetDraft draft, Actor actor) {
        if (draft == null) {
            throw InvalidInputException.of("LINES", "required", "a draft is required");
        }
        if (actor == null) {
            throw InvalidInputException.of(Actor.OPERATOR_FIELD, "required", "is required");
        }
        Violations v = new Violations();
        if (!DRAFT_NO.matcher(draft.draftNo()).matches()) {
            v.add("DRAFT_NO", "pattern", "1 to 40 letters, digits, '.', '_' or '-'");
        }
        if (draft.lines().isEmpty() || draft.lines().size() > MAX_LINES) {
            v.add("LINES", "size", "1 to " + MAX_LINES + " project lines");
        }
        List<ProjectFacts> lines = draft.lines();
        for (int i = 0; i < lines.size() && i < MAX_LINES; i++) {
            ProjectFacts line = lines.get(i);
            if (!line.mofDivCode().equals(draft.mofDivCode()) || !line.fiscalYear().equals(draft.fiscalYear())) {
                v.add("LINES[" + i + "]", "same-draft", "a line belongs to the draft's region and year");
            }
        }
        v.throwIfAny();
        if (!actor.has(Role.HOST_SYSTEM) && !actor.has(Role.FINANCE)) {
            throw new ForbiddenException("the compilation gate is called by the host's compilation module "
                    + "(HOST_SYSTEM) or by FINANCE");
        }
        if (!actor.scope().covers(draft.mofDivCode())
                || lines.stream().anyMatch(line -> !actor.scope().covers(line.agencyCode()))) {
            throw new ForbiddenException("region " + draft.mofDivCode() + " or an agency of the draft is outside "
                    + "your scope");
        }
    }
}
