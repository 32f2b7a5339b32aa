package io.jixiao.evaluation.internal;

import io.jixiao.api.evaluation.Adjustment;
import io.jixiao.api.evaluation.AdjustmentStatus;
import io.jixiao.api.evaluation.ApplicationRun;
import io.jixiao.api.evaluation.EvaluationKind;
import io.jixiao.api.evaluation.EvaluationService;
import io.jixiao.api.evaluation.EvaluationTask;
import io.jixiao.api.evaluation.ExecutionScore;
import io.jixiao.api.evaluation.IndicatorActual;
import io.jixiao.api.evaluation.IndicatorEntry;
import io.jixiao.api.evaluation.IndicatorScore;
import io.jixiao.api.evaluation.Scorecard;
import io.jixiao.api.evaluation.ScoringRules;
import io.jixiao.api.evaluation.TaskStatus;
import io.jixiao.api.evaluation.WhatIf;
import io.jixiao.api.evaluation.YearClosed;
import io.jixiao.api.goal.RuleSetView;
import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.goal.Indicator;
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
import io.jixiao.api.port.LedgerLine;
import io.jixiao.api.port.LedgerPage;
import io.jixiao.api.port.AllocationPort;
import io.jixiao.api.port.LedgerPort;
import io.jixiao.api.port.PortUnavailableException;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.EvaluationRepository;
import io.jixiao.store.GoalRepository;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evaluation service: the final-accounts close opens self-evaluation tasks from the host's ledger, units score
 * them against their approved goals ({@link Scorer}), finance reads the scorecards. Free of OSGi.
 */
public final class Evaluations implements EvaluationService {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluations.class);
    private static final int LEDGER_PAGE = 1_000;
    private static final int MAX_LIMIT = 1_000;

    private final EvaluationRepository repository;
    private final GoalRepository goals;
    private final BiFunction<MofDivCode, FiscalYear, ScoringRules> rules;
    private final Supplier<LedgerPort> ledger;
    private final Clock clock;
    private final ResultApplication results;

    /**
     * @param ruleSets the rules in force for a region and year (scoring and result policy are read from them)
     * @param ledger the host's ledger, or {@code null} while none is registered
     * @param allocation the host's compilation module, or {@code null} while none is registered
     */
    public Evaluations(EvaluationRepository repository, GoalRepository goals,
            BiFunction<MofDivCode, FiscalYear, RuleSetView> ruleSets, Supplier<LedgerPort> ledger,
            Supplier<AllocationPort> allocation, Clock clock) {
        this.repository = repository;
        this.goals = goals;
        this.rules = (region, year) -> {
            RuleSetView view = ruleSets.apply(region, year);
            return ScoringRules.parse(view.version(), view.rules());
        };
        this.ledger = ledger;
        this.clock = clock;
        this.results = new ResultApplication(repository, ruleSets, allocation, clock);
    }

    @Override
    public ApplicationRun applyResults(MofDivCode mofDivCode, FiscalYear fiscalYear, Actor actor) {
        if (!actor.has(Role.FINANCE)) {
            throw new ForbiddenException("evaluation results are applied to budgets by FINANCE");
        }
        requireWholeRegion(mofDivCode, actor, "applying results");
        return results.apply(mofDivCode, fiscalYear, actor);
    }

    @Override
    public List<Adjustment> adjustments(MofDivCode mofDivCode, FiscalYear fiscalYear, AdjustmentStatus status,
            long afterTaskId, int limit, Actor actor) {
        requireReader(actor);
        requirePage(limit);
        return repository.adjustments(mofDivCode, fiscalYear, readable(mofDivCode, null, actor), status,
                Math.max(0, afterTaskId), limit);
    }

    @Override
    public WhatIf whatIf(MofDivCode mofDivCode, FiscalYear fiscalYear, Map<String, String> proposed, Actor actor) {
        if (!actor.has(Role.FINANCE) && !actor.has(Role.AUDITOR)) {
            throw new ForbiddenException("what-if is for FINANCE and AUDITOR");
        }
        requireWholeRegion(mofDivCode, actor, "what-if");
        return results.whatIf(mofDivCode, fiscalYear, proposed == null ? Map.of() : proposed,
                ResultApplication.submitted(repository, mofDivCode, fiscalYear));
    }

    /** One project's full-year figures summed over its project-expenditure lines. */
    private record Spend(AgencyCode agency, BigDecimal budget, BigDecimal spent) {
    }

    @Override
    public YearClosed closeYear(MofDivCode mofDivCode, FiscalYear fiscalYear, AgencyCode agencyCode, Actor actor) {
        if (!actor.has(Role.HOST_SYSTEM) && !actor.has(Role.FINANCE)) {
            throw new ForbiddenException("a year is closed by the host's final-accounts module (HOST_SYSTEM) or FINANCE");
        }
        if (!actor.scope().covers(mofDivCode) || !actor.scope().covers(agencyCode)) {
            throw new ForbiddenException("region " + mofDivCode + " / agency " + agencyCode + " is outside your scope");
        }
        Map<ProCode, Spend> spend = readLedger(mofDivCode, fiscalYear, agencyCode);
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
                    TaskStatus.OPEN, now, null, null, null, null, null, due));
        }
        List<EvaluationTask> opened = repository.openTasks(toOpen, t -> new AuditEntry(now, "EVALUATION_OPENED",
                mofDivCode, "EVALUATION_TASK", String.valueOf(t.taskId()), actor, "final accounts closed for "
                        + agencyCode.value() + " " + fiscalYear.value(), "kind=SELF;goalId=" + t.goalId()
                        + ";goalVersion=" + t.goalVersion() + ";budget=" + t.budget() + ";spent=" + t.spent(),
                agencyCode, t.proCode()));
        LOG.info("Year {} closed for {} {}: {} self-evaluations opened, {} already open, {} projects without a goal",
                fiscalYear.value(), mofDivCode, agencyCode, opened.size(), alreadyOpen, withoutGoal.size());
        return new YearClosed(opened, alreadyOpen, withoutGoal);
    }

    /** The agency's project-expenditure lines of the year, summed per project (basic expenditure is not evaluated). */
    private Map<ProCode, Spend> readLedger(MofDivCode region, FiscalYear year, AgencyCode agency) {
        LedgerPort port = ledger.get();
        if (port == null) {
            throw new PortUnavailableException("ledger", "no ledger port is registered or configured", null);
        }
        LocalDate yearEnd = LocalDate.of(year.value(), 12, 31);
        Map<ProCode, Spend> spend = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        String after = null;
        do {
            LedgerPage page = port.lines(region, year, yearEnd, after, LEDGER_PAGE);
            for (LedgerLine line : page.lines()) {
                if (line.kind() != ExpenditureKind.PROJECT || !line.agencyCode().equals(agency)) {
                    continue;
                }
                spend.merge(line.proCode(), new Spend(agency, line.budgeted(), line.paid()),
                        (x, y) -> new Spend(agency, x.budget().add(y.budget()), x.spent().add(y.spent())));
            }
            after = page.next();
        } while (after != null);
        return spend;
    }

    @Override
    public EvaluationTask task(long taskId, Actor actor) {
        requireReader(actor);
        return visible(taskId, actor);
    }

    @Override
    public List<EvaluationTask> tasks(MofDivCode mofDivCode, FiscalYear fiscalYear, AgencyCode agencyCode,
            TaskStatus status, long afterTaskId, int limit, Actor actor) {
        requireReader(actor);
        requirePage(limit);
        return repository.tasks(mofDivCode, fiscalYear, readable(mofDivCode, agencyCode, actor), status,
                Math.max(0, afterTaskId), limit);
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

    /** Result application and what-if act on a region's totals: an agency-limited account cannot. */
    private static void requireWholeRegion(MofDivCode region, Actor actor, String what) {
        if (!actor.scope().covers(region) || !actor.scope().agencies().isEmpty()) {
            throw new ForbiddenException(what + " needs the whole region " + region + " in scope");
        }
    }

    @Override
    public Scorecard submit(long taskId, List<IndicatorEntry> entries, Actor actor) {
        if (!actor.has(Role.UNIT) && !actor.has(Role.FINANCE)) {
            throw new ForbiddenException("a self-evaluation is submitted by its UNIT (or FINANCE)");
        }
        EvaluationTask task = visible(taskId, actor);
        if (task.status() != TaskStatus.OPEN) {
            throw new ConflictException("task " + taskId + " was submitted by " + task.submittedBy() + " at "
                    + task.submittedAt() + "; it is no longer open");
        }
        List<Indicator> indicators = goal(task).goal().indicators();
        List<IndicatorActual> actuals = actuals(entries, indicators);
        Scorecard card = Scorer.score(rules.apply(task.mofDivCode(), task.fiscalYear()), actuals,
                task.budget().yuan(), task.spent().yuan());
        Instant now = clock.instant();
        EvaluationTask submitted = task.submitted(actor.operator(), now, card);
        AuditEntry audit = new AuditEntry(now, "SELF_EVALUATION_SUBMITTED", task.mofDivCode(), "EVALUATION_TASK",
                String.valueOf(taskId), actor, "self-evaluation scored " + card.total().toPlainString() + " ("
                        + card.grade().chinese() + ")", "total=" + card.total().toPlainString() + ";grade="
                        + card.grade() + ";rules=" + card.ruleVersion(), task.agencyCode(), task.proCode());
        if (!repository.submit(submitted, card, audit)) {
            throw new ConflictException("task " + taskId + " was submitted meanwhile; it is no longer open");
        }
        return card;
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
        return new Scorecard(task.ruleVersion(), lines, new ExecutionScore(task.budget(), task.spent(),
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
                && actor.scope().covers(t.agencyCode()))
                .orElseThrow(() -> new NotFoundException("no evaluation task " + taskId));
    }

    private static void requireReader(Actor actor) {
        if (actor.roles().isEmpty() || actor.roles().equals(Set.of(Role.PUBLIC))) {
            throw new ForbiddenException("evaluation tasks are not public; their results are disclosed separately");
        }
    }
}
