package io.jixiao.evaluation.internal;

import io.jixiao.api.evaluation.Adjustment;
import io.jixiao.api.evaluation.AdjustmentStatus;
import io.jixiao.api.evaluation.ApplicationRun;
import io.jixiao.api.evaluation.Assigned;
import io.jixiao.api.evaluation.CriterionEntry;
import io.jixiao.api.evaluation.EvaluationKind;
import io.jixiao.api.evaluation.EvaluationService;
import io.jixiao.api.evaluation.EvaluationTask;
import io.jixiao.api.evaluation.ExecutionScore;
import io.jixiao.api.evaluation.IndicatorActual;
import io.jixiao.api.evaluation.IndicatorEntry;
import io.jixiao.api.evaluation.IndicatorScore;
import io.jixiao.api.evaluation.KindRules;
import io.jixiao.api.evaluation.Scorecard;
import io.jixiao.api.evaluation.ScoringRules;
import io.jixiao.api.evaluation.TaskStatus;
import io.jixiao.api.evaluation.WhatIf;
import io.jixiao.api.evaluation.YearClosed;
import io.jixiao.api.goal.GoalRuleService;
import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.goal.Indicator;
import io.jixiao.api.goal.RuleSetView;
import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import io.jixiao.api.model.Violations;
import io.jixiao.api.port.AllocationPort;
import io.jixiao.api.port.LedgerLine;
import io.jixiao.api.port.LedgerPage;
import io.jixiao.api.port.LedgerPort;
import io.jixiao.api.port.PortUnavailableException;
import io.jixiao.rules.RulesInForce;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.EvaluationRepository;
import io.jixiao.store.GoalRepository;
import io.jixiao.store.RectificationRepository;
import io.jixiao.store.Transactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evaluation service: the final-accounts close opens self-evaluation tasks from the host's ledger, units score
 * them against their approved goals ({@link Scorer}), finance reads the scorecards. Free of OSGi.
 */
@Component(service = EvaluationService.class, immediate = true)
public final class Evaluations implements EvaluationService {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluations.class);
    private static final Actor RULES_READER = Actor.system("evaluation");
    private static final int LEDGER_PAGE = 1_000;
    private static final int MAX_LIMIT = 1_000;
    /** Projects in code order, so that a close opens (and ids) its tasks in the same order every time. */
    private static final java.util.Comparator<ProCode> BY_CODE = java.util.Comparator.comparing(ProCode::value);

    private final EvaluationRepository repository;
    private final GoalRepository goals;
    private final BiFunction<MofDivCode, FiscalYear, ScoringRules> rules;
    private final BiFunction<MofDivCode, FiscalYear, KindRules> kinds;
    private final Supplier<LedgerPort> ledger;
    private final Clock clock;
    private final ResultApplication results;
    private final EvaluationCases cases;

    @Activate
    public Evaluations(@Reference EvaluationRepository repository, @Reference GoalRepository goals,
            @Reference RectificationRepository cases, @Reference GoalRuleService ruleService,
            @Reference EvaluationPorts ports) {
        this(repository, goals, cases, rulesOf(ruleService), ports::ledger, ports::allocation, Clock.systemUTC());
    }

    /** @return the rules in force for a region and year, read as evaluation reads them */
    static BiFunction<MofDivCode, FiscalYear, RuleSetView> rulesOf(GoalRuleService ruleService) {
        return (region, year) -> ruleService.rules(region, year, RULES_READER);
    }

    /**
     * @param cases the rectification cases an evaluation graded in {@code rectification.grades} opens
     * @param ruleSets the rules in force for a region and year (scoring and result policy are read from them)
     * @param ledger the host's ledger, or {@code null} while none is registered
     * @param allocation the host's compilation module, or {@code null} while none is registered
     */
    public Evaluations(EvaluationRepository repository, GoalRepository goals, RectificationRepository cases,
            BiFunction<MofDivCode, FiscalYear, RuleSetView> ruleSets, Supplier<LedgerPort> ledger,
            Supplier<AllocationPort> allocation, Clock clock) {
        this.repository = repository;
        this.goals = goals;
        RulesInForce inForce = new RulesInForce(ruleSets);
        this.rules = inForce::scoring;
        this.kinds = inForce::kinds;
        this.ledger = ledger;
        this.clock = clock;
        this.cases = new EvaluationCases(cases, inForce::rectification, clock);
        this.results = new ResultApplication(repository, cases, ruleSets, allocation, clock);
    }

    @Override
    public ApplicationRun applyResults(MofDivCode mofDivCode, FiscalYear fiscalYear, Actor actor) {
        if (!actor.has(Role.FINANCE)) {
            throw new ForbiddenException("evaluation results are applied to budgets by FINANCE");
        }
        requireWholeRegion(mofDivCode, actor, "applying results");
        // each change is recorded before it is sent to the host: the records stay whatever becomes of the call
        return Transactions.independently(() -> results.apply(mofDivCode, fiscalYear, actor));
    }

    @Override
    public List<Adjustment> adjustments(MofDivCode mofDivCode, FiscalYear fiscalYear, AdjustmentStatus status,
            long afterTaskId, int limit, Actor actor) {
        actor.requireAny(Role.STAFF, "reading evaluation adjustments");
        requirePage(limit);
        return repository.adjustments(mofDivCode, fiscalYear, readable(mofDivCode, null, actor), status,
                Math.max(0, afterTaskId), limit);
    }

    @Override
    public WhatIf whatIf(MofDivCode mofDivCode, FiscalYear fiscalYear, Map<String, String> proposed, Actor actor) {
        requireWhatIfReader(mofDivCode, actor);
        return results.whatIf(mofDivCode, fiscalYear, proposed == null ? Map.of() : proposed,
                ResultApplication.submitted(repository, mofDivCode, fiscalYear));
    }

    /** One project's full-year figures summed over its project-expenditure lines. */
    private record Spend(AgencyCode agency, BigDecimal budget, BigDecimal spent) {
    }

    /** The agency's year in the ledger: its projects' figures, and its whole expenditure (basic and project). */
    private record AgencyYear(Map<ProCode, Spend> projects, BigDecimal budget, BigDecimal spent) {
    }

    @Override
    public YearClosed closeYear(MofDivCode mofDivCode, FiscalYear fiscalYear, AgencyCode agencyCode, Actor actor) {
        if (!actor.has(Role.HOST_SYSTEM) && !actor.has(Role.FINANCE)) {
            throw new ForbiddenException("a year is closed by the host's final-accounts module (HOST_SYSTEM) or FINANCE");
        }
        if (!actor.scope().covers(mofDivCode) || !actor.scope().covers(agencyCode)) {
            throw new ForbiddenException("region " + mofDivCode + " / agency " + agencyCode + " is outside your scope");
        }
        AgencyYear ledgerYear = readLedger(mofDivCode, fiscalYear, agencyCode);
        Map<ProCode, Spend> spend = ledgerYear.projects();
        Set<ProCode> existing = repository.projectsWithTask(mofDivCode, fiscalYear, EvaluationKind.SELF, agencyCode);
        Map<ProCode, GoalRepository.GoalRef> inForce = goals.inForce(mofDivCode, fiscalYear, spend.keySet());
        Instant now = clock.instant();
        java.time.LocalDate due = rules.apply(mofDivCode, fiscalYear).selfDueFor(fiscalYear.value());
        List<EvaluationTask> toOpen = new ArrayList<>();
        List<String> withoutGoal = new ArrayList<>();
        int alreadyOpen = 0;
        for (Map.Entry<ProCode, Spend> e : spend.entrySet()) {
            if (existing.contains(e.getKey())) {
                alreadyOpen++;
                continue;
            }
            GoalRepository.GoalRef goal = inForce.get(e.getKey());
            if (goal == null) {
                withoutGoal.add(e.getKey().value());
                continue;
            }
            toOpen.add(new EvaluationTask(0, mofDivCode, fiscalYear, agencyCode, e.getKey(), EvaluationKind.SELF,
                    goal.goalId(), goal.version(), new Money(e.getValue().budget()), new Money(e.getValue().spent()),
                    TaskStatus.OPEN, now, null, null, null, null, null, due, null, null, null));
        }
        boolean wholeWithoutGoal = false;
        if (kinds.apply(mofDivCode, fiscalYear).wholeDepartment()) {
            Map<ProCode, GoalRepository.GoalRef> whole = goals.inForceOfAgency(mofDivCode, fiscalYear, agencyCode,
                    io.jixiao.api.goal.GoalSubject.DEPARTMENT);
            wholeWithoutGoal = whole.isEmpty();
            Set<ProCode> open = repository.tasksOf(mofDivCode, fiscalYear, EvaluationKind.WHOLE, whole.keySet())
                    .keySet();
            Map<ProCode, GoalRepository.GoalRef> byCode = new TreeMap<>(BY_CODE);
            byCode.putAll(whole);
            for (Map.Entry<ProCode, GoalRepository.GoalRef> w : byCode.entrySet()) {
                if (open.contains(w.getKey())) {
                    alreadyOpen++;
                } else if (ledgerYear.budget().signum() > 0) {
                    toOpen.add(new EvaluationTask(0, mofDivCode, fiscalYear, agencyCode, w.getKey(),
                            EvaluationKind.WHOLE, w.getValue().goalId(), w.getValue().version(),
                            new Money(ledgerYear.budget()), new Money(ledgerYear.spent()), TaskStatus.OPEN, now, null,
                            null, null, null, null, due, null, null, null));
                }
            }
        }
        List<EvaluationTask> opened = repository.openTasks(toOpen, t -> new AuditEntry(now, "EVALUATION_OPENED",
                mofDivCode, "EVALUATION_TASK", String.valueOf(t.taskId()), actor, "final accounts closed for "
                        + agencyCode.value() + " " + fiscalYear.value(), "kind=" + t.kind() + ";goalId=" + t.goalId()
                        + ";goalVersion=" + t.goalVersion() + ";budget=" + t.budget() + ";spent=" + t.spent(),
                agencyCode, t.proCode()));
        LOG.info("Year {} closed for {} {}: {} evaluations opened, {} already open, {} projects without a goal",
                fiscalYear.value(), mofDivCode, agencyCode, opened.size(), alreadyOpen, withoutGoal.size());
        return new YearClosed(opened, alreadyOpen, withoutGoal, wholeWithoutGoal);
    }

    /**
     * The agency's lines of the year: project expenditure summed per project (basic expenditure is not evaluated
     * project by project), and all of them summed (the unit's whole expenditure, for its whole-department evaluation).
     */
    private AgencyYear readLedger(MofDivCode region, FiscalYear year, AgencyCode agency) {
        LedgerPort port = ledger.get();
        if (port == null) {
            throw new PortUnavailableException("ledger", "no ledger port is registered or configured", null);
        }
        LocalDate yearEnd = LocalDate.of(year.value(), 12, 31);
        Map<ProCode, Spend> spend = new TreeMap<>(BY_CODE);
        BigDecimal budget = BigDecimal.ZERO;
        BigDecimal spent = BigDecimal.ZERO;
        String after = null;
        do {
            LedgerPage page = port.lines(region, year, yearEnd, after, LEDGER_PAGE);
            for (LedgerLine line : page.lines()) {
                if (!line.agencyCode().equals(agency)) {
                    continue;
                }
                budget = budget.add(line.budgeted());
                spent = spent.add(line.paid());
                if (line.kind() != ExpenditureKind.PROJECT) {
                    continue;
                }
                spend.merge(line.proCode(), new Spend(agency, line.budgeted(), line.paid()),
                        (x, y) -> new Spend(agency, x.budget().add(y.budget()), x.spent().add(y.spent())));
            }
            after = page.next();
        } while (after != null);
        return new AgencyYear(spend, budget, spent);
    }

    @Override
    public EvaluationTask task(long taskId, Actor actor) {
        requireReader(actor);
        return visible(taskId, actor);
    }

    @Override
    public List<EvaluationTask> tasks(MofDivCode mofDivCode, FiscalYear fiscalYear, AgencyCode agencyCode,
            EvaluationKind kind, TaskStatus status, long afterTaskId, int limit, Actor actor) {
        requireReader(actor);
        requirePage(limit);
        return repository.tasks(mofDivCode, fiscalYear, readable(mofDivCode, agencyCode, actor), kind,
                evaluatorOnly(actor) ? actor.operator() : null, status, Math.max(0, afterTaskId), limit);
    }

    /** A third party's account sees the tasks assigned to it, nothing else. */
    private static boolean evaluatorOnly(Actor actor) {
        return actor.roles().equals(Set.of(Role.EVALUATOR));
    }

    @Override
    public Assigned assign(MofDivCode mofDivCode, FiscalYear fiscalYear, EvaluationKind kind, List<ProCode> projects,
            String evaluator, Actor actor) {
        if (kind == EvaluationKind.SELF || kind == EvaluationKind.WHOLE) {
            throw InvalidInputException.of("KIND", "kind", "self-evaluations (of projects and of whole units) are "
                    + "opened by the final-accounts close (year-closings); assign DEPARTMENT, KEY or SPOT_CHECK");
        }
        boolean mayAssign = kind == EvaluationKind.DEPARTMENT ? actor.has(Role.FINANCE) || actor.has(Role.DEPARTMENT)
                : actor.has(Role.FINANCE);
        if (!mayAssign) {
            throw new ForbiddenException(kind == EvaluationKind.DEPARTMENT
                    ? "department evaluations are assigned by DEPARTMENT or FINANCE"
                    : kind + " evaluations are assigned by FINANCE");
        }
        if (!actor.scope().covers(mofDivCode)) {
            throw new ForbiddenException("region " + mofDivCode + " is outside your scope");
        }
        List<ProCode> listed = projects == null ? List.of() : projects;
        Violations v = new Violations();
        String who = evaluator == null || evaluator.isBlank() ? null : evaluator.trim();
        if (kind == EvaluationKind.KEY && who == null) {
            v.add("EVALUATOR", "required", "a key evaluation is assigned to a third-party evaluator's account");
        }
        if (who != null && who.length() > Actor.MAX_NAME_LENGTH) {
            v.add("EVALUATOR", "length", "an account name has at most " + Actor.MAX_NAME_LENGTH + " characters");
        }
        if (listed.isEmpty() && kind != EvaluationKind.SPOT_CHECK) {
            v.add("PRO_CODES", "required", kind + " evaluations are assigned for listed projects");
        }
        if (listed.size() > MAX_LIMIT) {
            v.add("PRO_CODES", "size", "at most " + MAX_LIMIT + " projects at a time, got " + listed.size());
        }
        v.throwIfAny();
        KindRules kindRules = kinds.apply(mofDivCode, fiscalYear);
        List<EvaluationTask> bases = new ArrayList<>();
        List<String> notEvaluable = new ArrayList<>();
        String sample;
        if (listed.isEmpty()) {
            requireWholeRegion(mofDivCode, actor, "drawing a spot-check sample");
            Sample drawn = Sample.draw(repository, mofDivCode, fiscalYear, kindRules);
            bases.addAll(drawn.chosen());
            sample = drawn.rule();
        } else {
            sample = "LISTED";
            Map<ProCode, EvaluationTask> self = repository.tasksOf(mofDivCode, fiscalYear, EvaluationKind.SELF, listed);
            for (ProCode project : new java.util.LinkedHashSet<>(listed)) {
                EvaluationTask base = self.get(project);
                if (base == null || !actor.scope().covers(base.agencyCode())) {
                    notEvaluable.add(project.value() + ": no self-evaluation task of " + fiscalYear.value()
                            + " (the year's final-accounts close opens them)");
                } else if (kind == EvaluationKind.SPOT_CHECK && base.status() != TaskStatus.SUBMITTED) {
                    notEvaluable.add(project.value() + ": its self-evaluation is not submitted yet");
                } else {
                    bases.add(base);
                }
            }
        }
        Set<ProCode> assigned = repository.tasksOf(mofDivCode, fiscalYear, kind,
                bases.stream().map(EvaluationTask::proCode).toList()).keySet();
        Instant now = clock.instant();
        List<EvaluationTask> toOpen = new ArrayList<>();
        for (EvaluationTask base : bases) {
            if (!assigned.contains(base.proCode())) {
                toOpen.add(new EvaluationTask(0, mofDivCode, fiscalYear, base.agencyCode(), base.proCode(), kind,
                        base.goalId(), base.goalVersion(), base.budget(), base.spent(), TaskStatus.OPEN, now, null,
                        null, null, null, null, null, who, kind == EvaluationKind.SPOT_CHECK ? base.total() : null,
                        null));
            }
        }
        String why = kind + " evaluation assigned" + (who == null ? "" : " to " + who) + " (" + sample + ")";
        List<EvaluationTask> opened = repository.openTasks(toOpen, t -> new AuditEntry(now, "EVALUATION_ASSIGNED",
                mofDivCode, "EVALUATION_TASK", String.valueOf(t.taskId()), actor, why, "kind=" + kind
                        + ";evaluator=" + (who == null ? "" : who) + ";goalId=" + t.goalId() + ";goalVersion="
                        + t.goalVersion() + (t.selfTotal() == null ? "" : ";selfTotal=" + t.selfTotal()),
                t.agencyCode(), t.proCode()));
        LOG.info("{} evaluations of {} {} assigned{}: {} opened, {} already assigned, {} not evaluable ({})", kind,
                mofDivCode, fiscalYear.value(), who == null ? "" : " to " + who, opened.size(),
                bases.size() - toOpen.size(), notEvaluable.size(), sample);
        return new Assigned(opened, bases.size() - toOpen.size(), notEvaluable, sample);
    }

    private static void requirePage(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("LIMIT", "range", "must be 1 to " + MAX_LIMIT + ", got " + limit);
        }
    }

    /**
     * The agencies a list may show the actor: the one asked for, or those of an agency-limited account, or
     * {@code null} for all of the region — filtered in the query, so that pages stay full.
     */
    private static Set<AgencyCode> readable(MofDivCode region, AgencyCode agency, Actor actor) {
        if (!actor.scope().covers(region)) {
            throw new ForbiddenException("region " + region + " is outside your scope");
        }
        if (agency != null) {
            if (!actor.scope().covers(agency)) {
                throw new ForbiddenException("agency " + agency + " is outside your scope");
            }
            return Set.of(agency);
        }
        if (actor.scope().agencies().isEmpty()) {
            return null;
        }
        Set<AgencyCode> agencies = new HashSet<>();
        actor.scope().agencies().forEach(a -> agencies.add(AgencyCode.of(a)));
        return agencies;
    }

    /** A what-if (of project or transfer results) is read by FINANCE and AUDITOR of the whole region. */
    static void requireWhatIfReader(MofDivCode region, Actor actor) {
        if (!actor.has(Role.FINANCE) && !actor.has(Role.AUDITOR)) {
            throw new ForbiddenException("what-if is for FINANCE and AUDITOR");
        }
        requireWholeRegion(region, actor, "what-if");
    }

    /** Result application and what-if act on a region's totals: an agency-limited account cannot. */
    private static void requireWholeRegion(MofDivCode region, Actor actor, String what) {
        if (!actor.scope().covers(region) || !actor.scope().agencies().isEmpty()) {
            throw new ForbiddenException(what + " needs the whole region " + region + " in scope");
        }
    }

    @Override
    public Scorecard submit(long taskId, List<IndicatorEntry> entries, List<CriterionEntry> criteria, Actor actor) {
        EvaluationTask task = visible(taskId, actor);
        requireSubmitter(task, actor);
        if (task.status() != TaskStatus.OPEN) {
            throw new ConflictException("task " + taskId + " was submitted by " + task.submittedBy() + " at "
                    + task.submittedAt() + "; it is no longer open");
        }
        List<CriterionEntry> given = criteria == null ? List.of() : criteria;
        if (task.kind() != EvaluationKind.KEY && !given.isEmpty()) {
            throw InvalidInputException.of("CRITERIA", "kind", "criteria score a key evaluation's decision and "
                    + "process parts; task " + taskId + " is a " + task.kind() + " evaluation");
        }
        List<Indicator> indicators = goal(task).goal().indicators();
        List<IndicatorActual> actuals = actuals(entries, indicators);
        ScoringRules scoring = rules.apply(task.mofDivCode(), task.fiscalYear());
        KindRules kindRules = kinds.apply(task.mofDivCode(), task.fiscalYear());
        Scorecard card = task.kind() == EvaluationKind.KEY
                ? Scorer.scoreKey(kindRules, scoring, given, actuals, task.budget().yuan(), task.spent().yuan())
                : Scorer.score(scoring, actuals, task.budget().yuan(), task.spent().yuan());
        Boolean flagged = null;
        String gap = "";
        if (task.kind() == EvaluationKind.SPOT_CHECK && task.selfTotal() != null) {
            BigDecimal difference = card.total().subtract(task.selfTotal());
            flagged = difference.abs().compareTo(kindRules.spotGap()) > 0;
            gap = ";selfTotal=" + task.selfTotal().toPlainString() + ";gap=" + difference.toPlainString()
                    + ";threshold=" + kindRules.spotGap().toPlainString() + ";flagged=" + flagged;
        }
        Instant now = clock.instant();
        EvaluationTask submitted = task.submitted(actor.operator(), now, card, flagged);
        String action = task.kind() == EvaluationKind.SELF ? "SELF_EVALUATION_SUBMITTED" : "EVALUATION_SUBMITTED";
        String reason = task.kind() + " evaluation scored " + card.total().toPlainString() + " ("
                + card.grade().chinese() + ")" + (Boolean.TRUE.equals(flagged) ? "; self-evaluated "
                        + task.selfTotal().toPlainString() + ": gap above " + kindRules.spotGap().toPlainString()
                        + " points, flagged" : "");
        AuditEntry audit = new AuditEntry(now, action, task.mofDivCode(), "EVALUATION_TASK", String.valueOf(taskId),
                actor, reason, "kind=" + task.kind() + ";total=" + card.total().toPlainString() + ";grade="
                        + card.grade() + ";rules=" + card.ruleVersion() + gap, task.agencyCode(), task.proCode());
        if (!repository.submit(submitted, card, audit)) {
            throw new ConflictException("task " + taskId + " was submitted meanwhile; it is no longer open");
        }
        cases.open(submitted, card, actor);
        if (Boolean.TRUE.equals(flagged)) {
            LOG.warn("Spot check {} of {} {} {}: {} against the self-evaluated {}, gap above {} points", taskId,
                    task.mofDivCode(), task.fiscalYear().value(), task.proCode(), card.total(), task.selfTotal(),
                    kindRules.spotGap());
        }
        return card;
    }

    /** Who may score a task: its assigned evaluator only; otherwise the roles of its kind. */
    private static void requireSubmitter(EvaluationTask task, Actor actor) {
        if (task.evaluator() != null) {
            // the assigned account itself: a host system naming it as its OPERATOR does not score for it
            if (!task.evaluator().equals(actor.operator()) || actor.has(Role.HOST_SYSTEM)) {
                throw new ForbiddenException("task " + task.taskId() + " is assigned to " + task.evaluator());
            }
            return;
        }
        boolean may = switch (task.kind()) {
            case SELF, WHOLE -> actor.has(Role.UNIT) || actor.has(Role.FINANCE);
            case DEPARTMENT -> actor.has(Role.DEPARTMENT) || actor.has(Role.FINANCE);
            case SPOT_CHECK, KEY -> actor.has(Role.FINANCE);
        };
        if (!may) {
            throw new ForbiddenException(switch (task.kind()) {
                case SELF, WHOLE -> "a self-evaluation is submitted by its UNIT (or FINANCE)";
                case DEPARTMENT -> "a department evaluation is submitted by the DEPARTMENT (or FINANCE)";
                default -> "a " + task.kind() + " evaluation is submitted by FINANCE or its assigned evaluator";
            });
        }
    }

    @Override
    public Scorecard scorecard(long taskId, Actor actor) {
        requireReader(actor);
        EvaluationTask task = visible(taskId, actor);
        EvaluationRepository.StoredScore score = repository.score(taskId).orElseThrow(() -> new NotFoundException(
                "task " + taskId + " is not scored yet"));
        List<Indicator> indicators = goal(task).goal().indicators();
        List<IndicatorScore> lines = new ArrayList<>();
        for (EvaluationRepository.StoredLine l : score.lines()) {
            Indicator indicator = indicators.get(l.line() - 1);
            IndicatorActual entry = new IndicatorActual(indicator, l.actual(), l.achievement(), l.percent(),
                    l.reason());
            lines.add(new IndicatorScore(entry, l.weight(), l.fraction(), l.met(), l.points()));
        }
        return new Scorecard(task.ruleVersion(), lines, score.criteria(), new ExecutionScore(task.budget(), task.spent(),
                score.executionRate(), score.executionWeight(), score.executionPoints()),
                score.exactTotal(), task.total(), task.grade());
    }

    /** Maps the entries onto the goal's indicator lines: every line once, none unknown. */
    private static List<IndicatorActual> actuals(List<IndicatorEntry> entries, List<Indicator> indicators) {
        Violations v = new Violations();
        IndicatorEntry[] byLine = new IndicatorEntry[indicators.size()];
        for (int i = 0; i < entries.size(); i++) {
            IndicatorEntry e = entries.get(i);
            if (e.line() < 1 || e.line() > indicators.size()) {
                v.add("INDICATORS[" + i + "].LINE", "range", "the goal has indicator lines 1 to " + indicators.size()
                        + ", got " + e.line());
            } else if (byLine[e.line() - 1] != null) {
                v.add("INDICATORS[" + i + "].LINE", "unique", "line " + e.line() + " is entered twice");
            } else {
                byLine[e.line() - 1] = e;
            }
        }
        for (int line = 1; line <= byLine.length; line++) {
            if (byLine[line - 1] == null) {
                v.add("INDICATORS", "complete", "line " + line + " ('" + indicators.get(line - 1).name()
                        + "') has no entry: every indicator of the goal is scored");
            }
        }
        v.throwIfAny();
        List<IndicatorActual> actuals = new ArrayList<>();
        for (int line = 0; line < byLine.length; line++) {
            IndicatorEntry e = byLine[line];
            actuals.add(new IndicatorActual(indicators.get(line), e.actual(), e.achievement(), e.percent(),
                    e.deviationReason()));
        }
        return actuals;
    }

    private GoalVersion goal(EvaluationTask task) {
        return goals.find(task.goalId(), task.goalVersion()).orElseThrow(() -> new IllegalStateException("goal "
                + task.goalId() + " version " + task.goalVersion() + " of task " + task.taskId() + " is missing"));
    }

    private EvaluationTask visible(long taskId, Actor actor) {
        return repository.find(taskId).filter(t -> actor.scope().covers(t.mofDivCode())
                && actor.scope().covers(t.agencyCode())
                && (!evaluatorOnly(actor) || actor.operator().equals(t.evaluator())))
                .orElseThrow(() -> new NotFoundException("no evaluation task " + taskId));
    }

    private static void requireReader(Actor actor) {
        if (actor.roles().isEmpty() || actor.roles().equals(Set.of(Role.PUBLIC))) {
            throw new ForbiddenException("evaluation tasks are not public; their results are disclosed separately");
        }
    }
}
