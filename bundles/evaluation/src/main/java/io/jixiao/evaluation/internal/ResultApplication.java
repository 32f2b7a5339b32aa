package io.jixiao.evaluation.internal;

import io.jixiao.api.evaluation.Adjustment;
import io.jixiao.api.evaluation.AdjustmentStatus;
import io.jixiao.api.evaluation.ApplicationRun;
import io.jixiao.api.evaluation.EvaluationTask;
import io.jixiao.api.evaluation.ResultPolicy;
import io.jixiao.api.evaluation.TaskStatus;
import io.jixiao.api.evaluation.WhatIf;
import io.jixiao.api.goal.RuleSetView;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.port.AllocationChange;
import io.jixiao.api.port.AllocationPort;
import io.jixiao.api.port.PortUnavailableException;
import io.jixiao.api.port.RequestedAmount;
import io.jixiao.api.rectification.CaseOrigin;
import io.jixiao.api.rectification.CaseStatus;
import io.jixiao.api.rectification.RectificationCase;
import io.jixiao.rules.RuleReader;
import io.jixiao.rules.RulesInForce;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.EvaluationRepository;
import io.jixiao.store.RectificationRepository;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Result application 结果应用: each submitted self-evaluation becomes one adjustment of its project's requested
 * amount in the target budget year, under the region's policy table, recorded first (PENDING, with the audit row of
 * the cut) and then written back through the allocation port under a stable change id; what the host acknowledged
 * becomes APPLIED. A run first re-sends what an interrupted run left PENDING. Free of OSGi.
 */
final class ResultApplication {
    private static final Logger LOG = LoggerFactory.getLogger(ResultApplication.class);
    /** Evaluations per page: one requested-amounts read, one batch of adjustments, one write-back call. */
    static final int PAGE = 500;
    /** Progress is logged every this many pages. */
    private static final int LOG_EVERY = 20;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final EvaluationRepository repository;
    private final RectificationRepository cases;
    private final RulesInForce rules;
    private final Supplier<AllocationPort> allocation;
    private final Clock clock;
    private final int page;

    ResultApplication(EvaluationRepository repository, RectificationRepository cases,
            BiFunction<MofDivCode, FiscalYear, RuleSetView> rules, Supplier<AllocationPort> allocation, Clock clock) {
        this(repository, cases, rules, allocation, clock, PAGE);
    }

    /** @param page evaluations per page (the benchmark compares 1, row by row, with {@link #PAGE}) */
    ResultApplication(EvaluationRepository repository, RectificationRepository cases,
            BiFunction<MofDivCode, FiscalYear, RuleSetView> rules, Supplier<AllocationPort> allocation, Clock clock,
            int page) {
        this.repository = repository;
        this.cases = cases;
        this.rules = new RulesInForce(rules);
        this.allocation = allocation;
        this.clock = clock;
        this.page = page;
    }

    ResultPolicy policy(MofDivCode region, FiscalYear year) {
        return rules.resultPolicy(region, year);
    }

    ApplicationRun apply(MofDivCode region, FiscalYear year, Actor actor) {
        ResultPolicy policy = policy(region, year);
        FiscalYear target = FiscalYear.of(year.value() + policy.targetYearOffset());
        AllocationPort port = port();
        WriteBack.Target<Adjustment> host = allocations(port);
        Map<io.jixiao.api.model.AgencyCode, EvaluationTask> wholes = wholes(repository, region, year);
        WriteBack.Tally tally = WriteBack.Tally.NONE;
        // what an interrupted run recorded but the host did not acknowledge: the same change ids again
        long after = 0;
        List<Adjustment> pending;
        do {
            pending = repository.adjustments(region, year, null, AdjustmentStatus.PENDING, after, page);
            if (!pending.isEmpty()) {
                tally = tally.plus(WriteBack.resend(host, region, pending, clock));
                after = pending.get(pending.size() - 1).taskId();
            }
        } while (pending.size() == page);
        List<EvaluationTask> tasks;
        after = 0;
        int pages = 0;
        do {
            tasks = repository.unapplied(region, year, after, page);
            if (tasks.isEmpty()) {
                break;
            }
            after = tasks.get(tasks.size() - 1).taskId();
            Map<ProCode, RequestedAmount> requested = port.requested(region, target,
                    tasks.stream().map(EvaluationTask::proCode).toList());
            Instant now = clock.instant();
            Map<String, RectificationCase> rectifying = rectifying(tasks);
            List<Adjustment> recorded = new ArrayList<>(tasks.size());
            for (EvaluationTask task : tasks) {
                recorded.add(adjustment(task, wholes.get(task.agencyCode()), policy, target,
                        requested.get(task.proCode()), rectifying.get(String.valueOf(task.taskId())),
                        actor.operator(), now));
            }
            repository.insertAdjustments(recorded, a -> audit(a, actor, now));
            tally = tally.plus(WriteBack.recorded(recorded, Adjustment::status)).plus(WriteBack.send(host, region,
                    target, recorded.stream().filter(a -> a.status() == AdjustmentStatus.PENDING).toList(), clock));
            if (++pages % LOG_EVERY == 0) {
                LOG.info("Applying the results of {} {} to {}: {} so far", region, year.value(), target.value(),
                        tally);
            }
        } while (tasks.size() == page);
        LOG.info("Results of {} {} applied to {}: {}", region, year.value(), target.value(), tally);
        return tally.run(target);
    }

    /** Projects' requested amounts in the host's compilation module, through the allocation port. */
    private WriteBack.Target<Adjustment> allocations(AllocationPort port) {
        return new WriteBack.Target<>("allocation", Adjustment::taskId, Adjustment::changeId, Adjustment::targetYear,
                Adjustment::change, (region, year, adjustments) -> {
                    Map<String, WriteBack.Answer> answers = new HashMap<>();
                    port.apply(region, year, adjustments.stream().map(a -> new AllocationChange(a.changeId(),
                            a.proCode(), a.action().name(), a.cutPercent(), a.change(), reason(a))).toList())
                            .forEach((id, outcome) -> answers.put(id, switch (outcome) {
                                case APPLIED -> WriteBack.Answer.APPLIED;
                                case DUPLICATE -> WriteBack.Answer.DUPLICATE;
                                case UNKNOWN_PROJECT -> WriteBack.Answer.NOT_FOUND;
                                case CONFLICT -> WriteBack.Answer.CONFLICT;
                            }));
                    return answers;
                }, repository::markAdjustments);
    }

    /**
     * The region's result policy, or the region's with proposed {@code result.*} rows (what-if).
     *
     * @throws InvalidInputException naming a proposed key that is no result rule, or a value that does not parse
     */
    static ResultPolicy proposedPolicy(RuleSetView view, Map<String, String> proposed) {
        if (proposed.isEmpty()) {
            return RuleReader.resultPolicy(view.version(), view.rules());
        }
        for (String key : proposed.keySet()) {
            if (!RuleReader.RESULT_KEYS.contains(key)) {
                throw InvalidInputException.of("POLICY." + key, "unknown", "is not a result.* rule (one of "
                        + new java.util.TreeSet<>(RuleReader.RESULT_KEYS) + ")");
            }
        }
        Map<String, String> merged = new HashMap<>(view.rules());
        merged.putAll(proposed);
        try {
            return RuleReader.resultPolicy("proposed < " + view.version(), merged);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("POLICY", "rule", e.getMessage());
        }
    }

    WhatIf whatIf(MofDivCode region, FiscalYear year, Map<String, String> proposed, List<EvaluationTask> evaluated) {
        ResultPolicy policy = proposedPolicy(rules.view(region, year), proposed);
        FiscalYear target = FiscalYear.of(year.value() + policy.targetYearOffset());
        AllocationPort port = port();
        Map<String, BigDecimal[]> byDept = new TreeMap<>();
        Map<io.jixiao.api.model.AgencyCode, EvaluationTask> wholes = wholes(repository, region, year);
        int notInDraft = 0;
        int notRectified = 0;
        BigDecimal[] ifRectified = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        Instant now = clock.instant();
        for (int from = 0; from < evaluated.size(); from += page) {
            List<EvaluationTask> slice = evaluated.subList(from, Math.min(evaluated.size(), from + page));
            Map<ProCode, RequestedAmount> requested = port.requested(region, target,
                    slice.stream().map(EvaluationTask::proCode).toList());
            Map<String, RectificationCase> rectifying = rectifying(slice);
            for (EvaluationTask task : slice) {
                RectificationCase open = rectifying.get(String.valueOf(task.taskId()));
                Adjustment a = adjustment(task, wholes.get(task.agencyCode()), policy, target,
                        requested.get(task.proCode()), open, null, now);
                if (a.status() == AdjustmentStatus.NOT_IN_DRAFT) {
                    notInDraft++;
                    continue;
                }
                // the same project were its case closed RECTIFIED: the normal policy
                Adjustment normal = open == null ? a : adjustment(task, wholes.get(task.agencyCode()), policy,
                        target, requested.get(task.proCode()), null, null, now);
                notRectified += a.policy().contains("result.notRectified.action.") ? 1 : 0;
                ifRectified[0] = ifRectified[0].add(BigDecimal.ONE);
                ifRectified[1] = ifRectified[1].add(normal.requested());
                ifRectified[2] = ifRectified[2].add(normal.change());
                ifRectified[3] = ifRectified[3].add(normal.change().signum() < 0 ? BigDecimal.ONE : BigDecimal.ZERO);
                BigDecimal[] t = byDept.computeIfAbsent(a.deptCode(), d -> new BigDecimal[] {BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                t[0] = t[0].add(BigDecimal.ONE);
                t[1] = t[1].add(a.requested());
                t[2] = t[2].add(a.change());
                t[3] = t[3].add(a.change().signum() < 0 ? BigDecimal.ONE : BigDecimal.ZERO);
            }
        }
        List<WhatIf.Totals> departments = new ArrayList<>();
        BigDecimal[] all = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        byDept.forEach((dept, t) -> {
            departments.add(totals(dept, t));
            for (int i = 0; i < 4; i++) {
                all[i] = all[i].add(t[i]);
            }
        });
        return new WhatIf(target.value(), policy.version(), totals(region.value(), all), departments, notInDraft,
                notRectified, totals(region.value(), ifRectified));
    }

    /** @return by task id, the rectification cases the evaluations opened (one read per page) */
    private Map<String, RectificationCase> rectifying(List<EvaluationTask> tasks) {
        return cases.byOrigins(CaseOrigin.EVALUATION, tasks.stream().map(t -> String.valueOf(t.taskId())).toList());
    }

    private static WhatIf.Totals totals(String code, BigDecimal[] t) {
        return new WhatIf.Totals(code, t[0].intValue(), t[1].setScale(2), t[2].setScale(2), t[1].add(t[2])
                .setScale(2), t[3].intValue());
    }

    /**
     * The adjustment an evaluation gets under a policy: the grade's action, plus the low-execution cut when the
     * execution rate is below the policy's line, plus the cut its unit's whole-department grade entails; the change is
     * the cut share of the requested amount (at most all of it), to the fen.
     *
     * @param whole the unit's submitted whole-department evaluation, or {@code null}
     */
    static Adjustment adjustment(EvaluationTask task, EvaluationTask whole, ResultPolicy policy, FiscalYear target,
            RequestedAmount requested, RectificationCase rectifying, String by, Instant at) {
        boolean rectified = rectifying == null || rectifying.status() == CaseStatus.RECTIFIED;
        boolean instead = !rectified && policy.notRectifiedActions().containsKey(task.grade());
        ResultPolicy.Action action = policy.action(task.grade(), rectified);
        BigDecimal cut = action.cutPercent();
        StringBuilder why = new StringBuilder(task.kind() == io.jixiao.api.evaluation.EvaluationKind.SELF ? ""
                : task.kind() + " evaluation: ");
        if (instead) {
            why.append("result.notRectified.action.").append(task.grade()).append('=').append(action)
                    .append(" (rectification case ").append(rectifying.id()).append(' ').append(rectifying.status())
                    .append(", not closed RECTIFIED)");
        } else {
            why.append("result.action.").append(task.grade()).append('=').append(action);
        }
        BigDecimal rate = task.spent().yuan().multiply(HUNDRED).divide(task.budget().yuan(), MathContext.DECIMAL64);
        if (policy.lowExecutionBelow() != null && action.kind() != ResultPolicy.Kind.CANCEL
                && rate.compareTo(policy.lowExecutionBelow()) < 0) {
            cut = cut.add(policy.lowExecutionCut()).min(HUNDRED);
            why.append(" + result.lowExecution=").append(policy.lowExecutionBelow().toPlainString()).append(':')
                    .append(policy.lowExecutionCut().toPlainString()).append(" (execution ")
                    .append(rate.setScale(2, RoundingMode.HALF_UP).toPlainString()).append(" %)");
        }
        if (whole != null && action.kind() != ResultPolicy.Kind.CANCEL) {
            ResultPolicy.Action department = policy.departmentAction(whole.grade());
            if (department.cutPercent().signum() > 0) {
                cut = cut.add(department.cutPercent()).min(HUNDRED);
                why.append(" + result.department.action.").append(whole.grade()).append('=').append(department)
                        .append(" (unit ").append(whole.agencyCode().value()).append(" as a whole ")
                        .append(whole.total().toPlainString()).append(", evaluation ").append(whole.taskId())
                        .append(')');
            }
        }
        why.append(" @ ").append(policy.version());
        ResultPolicy.Kind kind = action.kind() != ResultPolicy.Kind.CANCEL && cut.signum() > 0 ? ResultPolicy.Kind.CUT
                : action.kind();
        if (requested == null) {
            return new Adjustment(task.taskId(), task.mofDivCode(), task.fiscalYear(), target, task.agencyCode(),
                    null, task.proCode(), task.grade(), task.total(), kind, cut, null, BigDecimal.ZERO.setScale(2),
                    why.toString(), AdjustmentStatus.NOT_IN_DRAFT, by, at, null);
        }
        BigDecimal change = requested.requested().multiply(cut).divide(HUNDRED, 2, RoundingMode.HALF_UP).negate();
        return new Adjustment(task.taskId(), task.mofDivCode(), task.fiscalYear(), target, task.agencyCode(),
                requested.deptCode(), task.proCode(), task.grade(), task.total(), kind, cut, requested.requested(),
                change.signum() == 0 ? BigDecimal.ZERO.setScale(2) : change, why.toString(), AdjustmentStatus.PENDING,
                by, at, null);
    }

    private static String reason(Adjustment a) {
        return a.evaluatedYear().value() + " 年度绩效评价 " + a.total().toPlainString() + " 分 (" + a.grade().chinese()
                + "), evaluation " + a.taskId() + ": " + a.policy();
    }

    /** Every adjustment is audited; a cut (money taken from a project) is recorded as ALLOCATION_CUT. */
    private static AuditEntry audit(Adjustment a, Actor actor, Instant at) {
        String action = a.change().signum() < 0 ? "ALLOCATION_CUT" : "ALLOCATION_ADJUSTED";
        return new AuditEntry(at, action, a.mofDivCode(), "EVALUATION_TASK", String.valueOf(a.taskId()), actor,
                reason(a), "targetYear=" + a.targetYear().value() + ";action=" + a.action() + ";cut="
                        + a.cutPercent().toPlainString() + ";requested=" + (a.requested() == null ? ""
                                : a.requested().toPlainString()) + ";change=" + a.change().toPlainString()
                        + ";status=" + a.status(), a.agencyCode(), a.proCode());
    }

    private AllocationPort port() {
        AllocationPort port = allocation.get();
        if (port == null) {
            throw new PortUnavailableException("allocation", "no allocation port is registered or configured", null);
        }
        return port;
    }

    /**
     * The submitted evaluations of a year that decide their projects' results, all pages: per project the one of
     * the highest rank (KEY &gt; SPOT_CHECK &gt; DEPARTMENT &gt; SELF); a project with a higher-ranked evaluation
     * still open is left out (its result is awaited), as in result application.
     */
    static List<EvaluationTask> submitted(EvaluationRepository repository, MofDivCode region, FiscalYear year) {
        Map<ProCode, EvaluationTask> deciding = new HashMap<>();
        java.util.Set<io.jixiao.api.model.AgencyCode> awaitingWhole = new java.util.HashSet<>();
        for (EvaluationTask t : all(repository, region, year, null, null)) {
            if (t.kind() == io.jixiao.api.evaluation.EvaluationKind.WHOLE) {
                if (t.status() == TaskStatus.OPEN) {
                    awaitingWhole.add(t.agencyCode());
                }
                continue;
            }
            EvaluationTask other = deciding.get(t.proCode());
            if (other == null || t.kind().authority() > other.kind().authority()) {
                deciding.put(t.proCode(), t);
            }
        }
        deciding.values().removeIf(t -> t.status() != TaskStatus.SUBMITTED
                || awaitingWhole.contains(t.agencyCode()));
        List<EvaluationTask> all = new ArrayList<>(deciding.values());
        all.sort(java.util.Comparator.comparingLong(EvaluationTask::taskId));
        return all;
    }

    /** The submitted whole-department evaluations of a year, by unit. */
    static Map<io.jixiao.api.model.AgencyCode, EvaluationTask> wholes(EvaluationRepository repository,
            MofDivCode region, FiscalYear year) {
        Map<io.jixiao.api.model.AgencyCode, EvaluationTask> wholes = new HashMap<>();
        all(repository, region, year, io.jixiao.api.evaluation.EvaluationKind.WHOLE, TaskStatus.SUBMITTED)
                .forEach(t -> wholes.merge(t.agencyCode(), t, (a, b) -> a.taskId() > b.taskId() ? a : b));
        return wholes;
    }

    /** All of a year's tasks of a kind and status ({@code null}: any), page after page, in id order. */
    static List<EvaluationTask> all(EvaluationRepository repository, MofDivCode region, FiscalYear year,
            io.jixiao.api.evaluation.EvaluationKind kind, TaskStatus status) {
        List<EvaluationTask> all = new ArrayList<>();
        List<EvaluationTask> page;
        long after = 0;
        do {
            page = repository.tasks(region, year, null, kind, null, status, after, 1_000);
            all.addAll(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1).taskId();
        } while (page.size() == 1_000);
        return all;
    }
}
