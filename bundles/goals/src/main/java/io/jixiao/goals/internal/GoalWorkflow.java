package io.jixiao.goals.internal;

import io.jixiao.api.goal.Assessment;
import io.jixiao.api.goal.Goal;
import io.jixiao.api.goal.GoalRules;
import io.jixiao.api.goal.GoalService;
import io.jixiao.api.goal.GoalStatus;
import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.goal.Recheck;
import io.jixiao.api.goal.ReviewOpinion;
import io.jixiao.api.goal.ReviewStage;
import io.jixiao.api.goal.RuleReport;
import io.jixiao.api.goal.RulesViolatedException;
import io.jixiao.api.goal.StageReview;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Role;
import io.jixiao.api.model.Violations;
import io.jixiao.api.service.RegionHierarchy;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.GoalRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The goal review workflow: draft → submitted → returned or approved → published, and adjustments as new
 * versions. Roles and data scope are checked here, so every adapter meets the same rules.
 */
@Component(service = GoalService.class, immediate = true)
public final class GoalWorkflow implements GoalService {
    static final String SUBJECT = "GOAL";
    private static final Pattern BATCH = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._\\-]{0,39}");

    private final GoalRepository goals;
    private final Supplier<RuleBook> rules;
    private final Clock clock;
    /** Checks indicators that name a library entry, or {@code null}: references are not checked. */
    private final LibraryReferences library;

    @Activate
    public GoalWorkflow(@Reference GoalRepository goals, @Reference Goals rules,
            @Reference io.jixiao.store.LibraryRepository library, @Reference RegionHierarchy regions) {
        this(goals, rules::book, Clock.systemUTC(), new LibraryReferences(library, regions::parent));
    }

    /**
     * @param goals where goals are kept
     * @param rules the rule book in force (a configuration change swaps it)
     * @param clock the time
     */
    GoalWorkflow(GoalRepository goals, Supplier<RuleBook> rules, Clock clock) {
        this(goals, rules, clock, null);
    }

    /**
     * @param library checks indicators that name a library entry, or {@code null} not to check them
     */
    GoalWorkflow(GoalRepository goals, Supplier<RuleBook> rules, Clock clock, LibraryReferences library) {
        this.goals = goals;
        this.rules = rules;
        this.clock = clock;
        this.library = library;
    }

    @Override
    public GoalVersion draft(ProjectFacts project, Goal goal, Actor actor) {
        required(project, goal, actor);
        declarer(project, actor);
        Instant now = now();
        GoalVersion v = new GoalVersion(goals.nextGoalId(), 1, null, GoalStatus.DRAFT, project, goal, null, null,
                actor, now, now);
        goals.insert(v, audit(v, "GOAL_DRAFTED", actor, "drafted", ""));
        return v;
    }

    @Override
    public GoalVersion revise(long goalId, int version, ProjectFacts project, Goal goal, Actor actor) {
        required(project, goal, actor);
        GoalVersion current = existing(goalId, version, actor);
        declarer(current.project(), actor);
        declarer(project, actor);
        sameProject(current.project(), project);
        if (!current.status().editable()) {
            throw new ConflictException("goal " + goalId + " version " + version + " is " + current.status()
                    + ": only a DRAFT or RETURNED version may change (an approved goal changes by adjustment)");
        }
        GoalVersion revised = new GoalVersion(goalId, version, current.adjustmentBatch(), GoalStatus.DRAFT, project,
                goal, current.ruleVersion(), null, current.createdBy(), current.createdAt(), now());
        if (!goals.replaceDraft(revised, audit(revised, "GOAL_REVISED", actor, "revised", ""))) {
            throw new ConflictException("goal " + goalId + " version " + version + " changed meanwhile");
        }
        return revised;
    }

    @Override
    public GoalVersion submit(long goalId, int version, Actor actor) {
        GoalVersion current = existing(goalId, version, actor);
        declarer(current.project(), actor);
        if (!current.status().editable()) {
            throw new ConflictException("goal " + goalId + " version " + version + " is " + current.status()
                    + ": only a DRAFT or RETURNED version may be submitted");
        }
        RuleReport report = compliant(current);
        return move(current, GoalStatus.SUBMITTED, report.ruleVersion(), null, actor, "GOAL_SUBMITTED", "submitted");
    }

    @Override
    public GoalVersion returnForRevision(long goalId, int version, ReviewOpinion opinion, Actor actor) {
        if (opinion == null) {
            throw InvalidInputException.of("OPINION_CODES", "required", "name at least one opinion code 1–11");
        }
        GoalVersion current = existing(goalId, version, actor);
        reviewer(current.project(), actor, Role.FINANCE, Role.DEPARTMENT);
        expect(current, GoalStatus.SUBMITTED, "returned");
        return move(current, GoalStatus.RETURNED, null, opinion, actor, "GOAL_RETURNED",
                "opinion " + opinion.codes() + (opinion.text().isEmpty() ? "" : ": " + opinion.text()));
    }

    @Override
    public GoalVersion approve(long goalId, int version, Actor actor) {
        GoalVersion current = existing(goalId, version, actor);
        reviewer(current.project(), actor, Role.FINANCE);
        expect(current, GoalStatus.SUBMITTED, "approved");
        RuleReport report = compliant(current);
        return move(current, GoalStatus.APPROVED, report.ruleVersion(), null, actor, "GOAL_APPROVED", "approved");
    }

    @Override
    public GoalVersion publish(long goalId, int version, Actor actor) {
        GoalVersion current = existing(goalId, version, actor);
        reviewer(current.project(), actor, Role.FINANCE);
        expect(current, GoalStatus.APPROVED, "published");
        GoalRules in = rulesFor(current.project());
        if (in.reviewStages().contains(ReviewStage.FINAL) && goals.stageReviews(goalId, version).stream()
                .noneMatch(r -> r.stage() == ReviewStage.FINAL)) {
            throw new RulesViolatedException(List.of(StageCheck.missing(ReviewStage.FINAL, in)), in.version());
        }
        return move(current, GoalStatus.PUBLISHED, null, null, actor, "GOAL_PUBLISHED", "published");
    }

    @Override
    public GoalVersion adjust(long goalId, String adjustmentBatch, ProjectFacts project, Goal goal, Actor actor) {
        required(project, goal, actor);
        if (adjustmentBatch == null || !BATCH.matcher(adjustmentBatch).matches()) {
            throw InvalidInputException.of("ADJUST_BATCH", "pattern",
                    "the adjustment batch number is 1 to 40 letters, digits, '.', '_' or '-'");
        }
        List<Integer> versions = goals.versions(goalId);
        if (versions.isEmpty()) {
            throw new NotFoundException("no goal " + goalId);
        }
        int newest = versions.get(versions.size() - 1);
        GoalVersion current = existing(goalId, newest, actor);
        declarer(current.project(), actor);
        declarer(project, actor);
        sameProject(current.project(), project);
        if (!current.status().inForce()) {
            throw new ConflictException("goal " + goalId + " version " + newest + " is " + current.status()
                    + ": only an approved goal is adjusted; finish this version first");
        }
        Instant now = now();
        GoalVersion next = new GoalVersion(goalId, newest + 1, adjustmentBatch, GoalStatus.DRAFT, project, goal, null,
                null, actor, now, now);
        goals.insert(next, audit(next, "GOAL_ADJUSTED", actor, "adjustment " + adjustmentBatch + " of version "
                + newest, "batch=" + adjustmentBatch));
        return next;
    }

    @Override
    public Optional<GoalVersion> find(long goalId, int version, Actor actor) {
        if (actor == null) {
            throw InvalidInputException.of(Actor.OPERATOR_FIELD, "required", "is required");
        }
        return goals.find(goalId, version).filter(v -> readable(v, actor));
    }

    @Override
    public List<Integer> versions(long goalId, Actor actor) {
        return goals.versions(goalId).stream().filter(n -> find(goalId, n, actor).isPresent()).toList();
    }

    @Override
    public RuleReport check(ProjectFacts project, Goal goal, Actor actor) {
        required(project, goal, actor);
        if (!actor.has(Role.FINANCE)) {
            declarer(project, actor);
        } else {
            reviewer(project, actor, Role.FINANCE);
        }
        return withLibrary(GoalRuleEngine.check(goal, project, rulesFor(project)), goal, project);
    }

    /** The rule report with the goal's library references checked too. */
    private RuleReport withLibrary(RuleReport report, Goal goal, ProjectFacts project) {
        if (library == null) {
            return report;
        }
        List<io.jixiao.api.goal.RuleViolation> references = library.check(goal, project.mofDivCode(),
                java.time.LocalDate.ofInstant(now(), java.time.ZoneId.of("Asia/Shanghai")));
        if (references.isEmpty()) {
            return report;
        }
        List<io.jixiao.api.goal.RuleViolation> all = new ArrayList<>(report.violations());
        all.addAll(references);
        return new RuleReport(report.ruleVersion(), all, report.exAnte(), report.reviewRequired());
    }

    @Override
    public Recheck recheck(MofDivCode mofDivCode, FiscalYear fiscalYear, long afterGoalId, int limit, Actor actor) {
        Violations v = new Violations();
        if (mofDivCode == null) {
            v.add(MofDivCode.FIELD, "required", "is required");
        }
        if (fiscalYear == null) {
            v.add(FiscalYear.FIELD, "required", "is required");
        }
        if (afterGoalId < 0) {
            v.add("AFTER_GOAL_ID", "range", "0 or a goal id");
        }
        if (limit < 1 || limit > RECHECK_MAX_LIMIT) {
            v.add("LIMIT", "range", "1 to " + RECHECK_MAX_LIMIT);
        }
        if (actor == null) {
            v.add(Actor.OPERATOR_FIELD, "required", "is required");
        }
        v.throwIfAny();
        if (!actor.has(Role.FINANCE) && !actor.has(Role.AUDITOR)) {
            throw new ForbiddenException("the re-check report needs role FINANCE or AUDITOR");
        }
        if (!actor.scope().covers(mofDivCode)) {
            throw new ForbiddenException("region " + mofDivCode + " is outside your scope");
        }
        GoalRules now = rules.get().rulesFor(mofDivCode, fiscalYear);
        int[] counts = new int[2];
        List<Recheck.NoncompliantGoal> listed = new ArrayList<>();
        long[] next = {-1};
        goals.forEachInForce(mofDivCode, fiscalYear, afterGoalId, g -> {
            if (!actor.scope().covers(g.project().agencyCode())) {
                return; // an agency-scoped reader sees its own agencies' goals only
            }
            counts[0]++;
            RuleReport report = GoalRuleEngine.check(g.goal(), g.project(), now);
            if (report.complies()) {
                return;
            }
            counts[1]++;
            if (listed.size() < limit) {
                listed.add(new Recheck.NoncompliantGoal(g.goalId(), g.version(), g.status(), g.project(),
                        g.ruleVersion(), report.violations()));
            } else if (next[0] < 0) {
                next[0] = listed.get(listed.size() - 1).goalId();
            }
        });
        return new Recheck(mofDivCode, fiscalYear, now.version(), counts[0], counts[1], listed,
                next[0] < 0 ? null : next[0]);
    }

    @Override
    public long recordAssessment(Assessment assessment, Actor actor) {
        if (assessment == null) {
            throw InvalidInputException.of("ASSESSMENT", "required", "an assessment is required");
        }
        if (actor == null) {
            throw InvalidInputException.of(Actor.OPERATOR_FIELD, "required", "is required");
        }
        if (!actor.has(Role.FINANCE) && !actor.has(Role.DEPARTMENT) && !actor.has(Role.HOST_SYSTEM)) {
            throw new ForbiddenException("recording an assessment needs role FINANCE, DEPARTMENT or HOST_SYSTEM");
        }
        if (!actor.scope().covers(assessment.mofDivCode())) {
            throw new ForbiddenException("region " + assessment.mofDivCode() + " is outside your scope");
        }
        List<String> dimensions = rules.get().rulesFor(assessment.mofDivCode(), assessment.fiscalYear())
                .assessmentDimensions();
        Set<String> scored = assessment.scores().keySet();
        if (!scored.equals(Set.copyOf(dimensions))) {
            throw InvalidInputException.of("SCORES", "dimensions", "score exactly the region's dimensions "
                    + dimensions + ", got " + new java.util.TreeSet<>(scored));
        }
        Instant now = now();
        return goals.insertAssessment(assessment, actor, now, new AuditEntry(now, "ASSESSMENT_RECORDED",
                assessment.mofDivCode(), "PROJECT", assessment.fiscalYear() + "/" + assessment.proCode(), actor,
                assessment.conclusion() + " (" + assessment.tier() + ") by " + assessment.assessor(),
                "document=" + assessment.documentRef() + ";thirdParty=" + assessment.thirdParty(), null,
                assessment.proCode()));
    }

    @Override
    public StageReview reviewStage(long goalId, int version, ReviewStage stage, BigDecimal amount, String opinion,
            Actor actor) {
        Violations v = new Violations();
        if (stage == null) {
            v.add("STAGE", "required", "one of " + List.of(ReviewStage.values()));
        }
        if (opinion != null && opinion.length() > StageReview.MAX_OPINION) {
            v.add("OPINION", "length", "at most " + StageReview.MAX_OPINION + " characters");
        }
        BigDecimal settled = null;
        if (amount != null) {
            settled = v.check(() -> Money.positive("AMOUNT", amount).yuan());
        }
        v.throwIfAny();
        GoalVersion current = existing(goalId, version, actor);
        if (stage == ReviewStage.FINAL) {
            reviewer(current.project(), actor, Role.DEPARTMENT, Role.FINANCE);
        } else {
            reviewer(current.project(), actor, Role.FINANCE);
        }
        if (!current.status().inForce()) {
            throw new ConflictException("goal " + goalId + " version " + version + " is " + current.status()
                    + ": only an APPROVED or PUBLISHED version is reviewed by stage");
        }
        GoalRules in = rulesFor(current.project());
        List<ReviewStage> stages = List.copyOf(in.reviewStages());
        if (!stages.contains(stage)) {
            throw InvalidInputException.of("STAGE", "region-stages", "the rules of " + current.project().mofDivCode()
                    + " for " + current.project().fiscalYear() + " have review stages " + stages + " (review.stages), "
                    + "not " + stage);
        }
        List<StageReview> done = goals.stageReviews(goalId, version);
        for (ReviewStage before : stages.subList(0, stages.indexOf(stage))) {
            if (done.stream().noneMatch(r -> r.stage() == before)) {
                throw new ConflictException("goal " + goalId + " version " + version + " has no " + before
                        + " review yet: the stages come in the order " + stages);
            }
        }
        BigDecimal declared = current.project().amount().yuan();
        if (stage == ReviewStage.FINAL && settled != null) {
            throw InvalidInputException.of("AMOUNT", "stage", "the FINAL stage settles the goal, not an amount");
        }
        boolean amountNeeded = stage == ReviewStage.COMPILATION
                || stage == ReviewStage.ADMISSION && GoalRuleEngine.review(current.project(), in);
        if (amountNeeded && settled == null) {
            throw InvalidInputException.of("AMOUNT", "required", stage == ReviewStage.COMPILATION
                    ? "the joint review at compilation settles the amount"
                    : "the project needs library-admission review (入库评审, " + in.source(
                            current.project().recurring() ? "review.newRecurringFrom" : "review.newOneOffFrom")
                            + "), which settles the amount");
        }
        if (settled != null && settled.compareTo(declared) > 0) {
            throw InvalidInputException.of("AMOUNT", "at-most-declared", "a review confirms or cuts the declared "
                    + declared.toPlainString() + " yuan, got " + settled.toPlainString());
        }
        Instant now = now();
        StageReview review = new StageReview(goalId, version, stage, settled, opinion, actor, now);
        String cut = settled == null ? "" : ";declared=" + declared.toPlainString() + ";settled="
                + settled.toPlainString() + ";cut=" + declared.subtract(settled).toPlainString();
        AuditEntry audit = new AuditEntry(now, "GOAL_STAGE_REVIEWED", current.project().mofDivCode(), SUBJECT,
                goalId + "/" + version, actor, stage + " " + stage.zh() + (review.opinion().isEmpty() ? ""
                        : ": " + review.opinion()), "stage=" + stage + ";rules=" + in.version() + cut,
                current.project().agencyCode(), current.project().proCode());
        if (!goals.insertStageReview(current, review, audit)) {
            throw new ConflictException("goal " + goalId + " version " + version + " has its " + stage
                    + " review already; a changed goal is reviewed again after an adjustment");
        }
        return review;
    }

    @Override
    public List<StageReview> stageReviews(long goalId, int version, Actor actor) {
        existing(goalId, version, actor);
        // the reviews behind a goal are working papers: a published goal is public, its reviews are not
        actor.requireAny(Role.STAFF, "reading stage reviews");
        return goals.stageReviews(goalId, version);
    }

    private GoalRules rulesFor(ProjectFacts project) {
        return rules.get().rulesFor(project.mofDivCode(), project.fiscalYear());
    }

    private RuleReport compliant(GoalVersion v) {
        RuleReport report = withLibrary(GoalRuleEngine.check(v.goal(), v.project(), rulesFor(v.project())), v.goal(),
                v.project());
        if (!report.complies()) {
            throw new RulesViolatedException(report.violations(), report.ruleVersion());
        }
        return report;
    }

    private GoalVersion move(GoalVersion from, GoalStatus to, String ruleVersion, ReviewOpinion opinion, Actor actor,
            String action, String reason) {
        GoalVersion next = from.withStatus(to, ruleVersion, opinion, now());
        String detail = "status=" + to + (next.ruleVersion() == null ? "" : ";rules=" + next.ruleVersion());
        if (!goals.changeStatus(from, next, audit(next, action, actor, reason, detail))) {
            throw new ConflictException("goal " + from.goalId() + " version " + from.version() + " changed meanwhile");
        }
        return next;
    }

    private GoalVersion existing(long goalId, int version, Actor actor) {
        if (actor == null) {
            throw InvalidInputException.of(Actor.OPERATOR_FIELD, "required", "is required");
        }
        return goals.find(goalId, version).filter(v -> readable(v, actor))
                .orElseThrow(() -> new NotFoundException("no goal " + goalId + " version " + version));
    }

    /** Another region's or agency's goals do not exist for the actor; the public sees published goals only. */
    private static boolean readable(GoalVersion v, Actor actor) {
        if (!actor.scope().covers(v.project().mofDivCode()) || !actor.scope().covers(v.project().agencyCode())) {
            return false;
        }
        if (actor.has(Role.FINANCE) || actor.has(Role.DEPARTMENT) || actor.has(Role.UNIT) || actor.has(Role.AUDITOR)
                || actor.has(Role.HOST_SYSTEM)) {
            return true;
        }
        return actor.has(Role.PUBLIC) && v.status() == GoalStatus.PUBLISHED;
    }

    private static void declarer(ProjectFacts project, Actor actor) {
        if (!actor.has(Role.UNIT) && !actor.has(Role.DEPARTMENT) && !actor.has(Role.HOST_SYSTEM)) {
            throw new ForbiddenException("declaring goals needs role UNIT, DEPARTMENT or HOST_SYSTEM");
        }
        if (!actor.scope().covers(project.mofDivCode()) || !actor.scope().covers(project.agencyCode())) {
            throw new ForbiddenException("region " + project.mofDivCode() + " or agency " + project.agencyCode()
                    + " is outside your scope");
        }
    }

    private static void reviewer(ProjectFacts project, Actor actor, Role... roles) {
        boolean allowed = false;
        for (Role role : roles) {
            allowed |= actor.has(role);
        }
        if (!allowed) {
            throw new ForbiddenException("this review step needs role " + List.of(roles));
        }
        if (!actor.scope().covers(project.mofDivCode()) || !actor.scope().covers(project.agencyCode())) {
            throw new ForbiddenException("region " + project.mofDivCode() + " is outside your scope");
        }
    }

    private static void expect(GoalVersion v, GoalStatus status, String verb) {
        if (v.status() != status) {
            throw new ConflictException("goal " + v.goalId() + " version " + v.version() + " is " + v.status()
                    + ": only a " + status + " version is " + verb);
        }
    }

    private static void sameProject(ProjectFacts was, ProjectFacts is) {
        if (!was.mofDivCode().equals(is.mofDivCode()) || !was.fiscalYear().equals(is.fiscalYear())
                || !was.proCode().equals(is.proCode()) || !was.agencyCode().equals(is.agencyCode())) {
            throw InvalidInputException.of("PRO_CODE", "same-project",
                    "a goal stays with its region, year, agency and project");
        }
    }

    private static void required(ProjectFacts project, Goal goal, Actor actor) {
        if (project == null || goal == null) {
            throw InvalidInputException.of("GOAL", "required", "a project and a goal are required");
        }
        if (actor == null) {
            throw InvalidInputException.of(Actor.OPERATOR_FIELD, "required", "is required");
        }
        // a target's type is part of the indicator, not a rule of the region: refused already in a draft
        io.jixiao.api.model.Violations typed = new io.jixiao.api.model.Violations();
        List<io.jixiao.api.goal.Indicator> indicators = goal.indicators();
        for (int i = 0; i < indicators.size(); i++) {
            io.jixiao.api.goal.RuleViolation untyped = GoalRuleEngine.targetType(indicators.get(i), i);
            if (untyped != null) {
                typed.add(untyped.field(), "numeric", untyped.messageEn());
            }
        }
        typed.throwIfAny();
    }

    private AuditEntry audit(GoalVersion v, String action, Actor actor, String reason, String detail) {
        return new AuditEntry(v.statusAt(), action, v.project().mofDivCode(), SUBJECT, v.goalId() + "/" + v.version(),
                actor, reason, detail, v.project().agencyCode(), v.project().proCode());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
