package io.jixiao.evaluation.internal;

import io.jixiao.api.evaluation.AdjustmentStatus;
import io.jixiao.api.evaluation.ApplicationRun;
import io.jixiao.api.evaluation.ComprehensiveEvaluationService;
import io.jixiao.api.evaluation.RegionCriterion;
import io.jixiao.api.evaluation.RegionEvaluation;
import io.jixiao.api.evaluation.RegionScorecard;
import io.jixiao.api.evaluation.ResultPolicy;
import io.jixiao.api.evaluation.TaskStatus;
import io.jixiao.api.evaluation.TransferAdjustment;
import io.jixiao.api.evaluation.TransferWhatIf;
import io.jixiao.api.goal.GoalRuleService;
import io.jixiao.api.goal.RuleSetView;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Role;
import io.jixiao.api.model.Violations;
import io.jixiao.api.port.PortUnavailableException;
import io.jixiao.api.port.TransferAllocation;
import io.jixiao.api.port.TransferChange;
import io.jixiao.api.port.TransferPort;
import io.jixiao.api.service.RegionHierarchy;
import io.jixiao.rules.RuleReader;
import io.jixiao.rules.RulesInForce;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.RectificationRepository;
import io.jixiao.store.RegionEvaluationRepository;
import io.jixiao.store.Transactions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Comprehensive evaluation of lower governments' finances (对下级政府财政运行综合绩效评价) tied to the transfer payments
 * the evaluating region allocates to them (Tianjin, Changzhi art. 35): opened by the region's finance bureau for
 * governments configured directly under it, scored against the evaluator's plan, applied once each to the transfer
 * payments of the target budget year — recorded and audited first (PENDING), then written back through the host's
 * transfer port under a stable change id. Free of OSGi.
 */
@Component(service = ComprehensiveEvaluationService.class, immediate = true)
public final class RegionEvaluations implements ComprehensiveEvaluationService {
    private static final Logger LOG = LoggerFactory.getLogger(RegionEvaluations.class);
    /** Most governments opened in one call. */
    static final int MAX_SUBJECTS = 1_000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RegionEvaluationRepository repository;
    private final EvaluationCases cases;
    private final BiFunction<MofDivCode, FiscalYear, RuleSetView> rules;
    private final Function<MofDivCode, Optional<MofDivCode>> parent;
    private final Supplier<TransferPort> transfers;
    private final Clock clock;

    @Activate
    public RegionEvaluations(@Reference RegionEvaluationRepository repository,
            @Reference RectificationRepository cases, @Reference GoalRuleService ruleService,
            @Reference RegionHierarchy regions, @Reference EvaluationPorts ports) {
        this(repository, cases, Evaluations.rulesOf(ruleService), regions::parent, ports::transfers,
                Clock.systemUTC());
    }

    /**
     * @param cases the rectification cases a comprehensive evaluation graded in {@code rectification.grades} opens
     * @param parent the configured region hierarchy: the region a region is configured under
     * @param transfers the host's transfer port, {@code null} while none is registered
     */
    public RegionEvaluations(RegionEvaluationRepository repository, RectificationRepository cases,
            BiFunction<MofDivCode, FiscalYear, RuleSetView> rules, Function<MofDivCode, Optional<MofDivCode>> parent,
            Supplier<TransferPort> transfers, Clock clock) {
        this.repository = repository;
        this.cases = new EvaluationCases(cases, new RulesInForce(rules)::rectification, clock);
        this.rules = rules;
        this.parent = parent;
        this.transfers = transfers;
        this.clock = clock;
    }

    @Override
    public List<RegionEvaluation> open(MofDivCode mofDivCode, FiscalYear fiscalYear, List<MofDivCode> subjects,
            String evaluator, LocalDate due, Actor actor) {
        requireFinanceOf(mofDivCode, actor, "comprehensive evaluations of lower governments are opened");
        List<MofDivCode> listed = subjects == null ? List.of() : subjects;
        Violations v = new Violations();
        String who = evaluator == null || evaluator.isBlank() ? null : evaluator.trim();
        if (who != null && who.length() > Actor.MAX_NAME_LENGTH) {
            v.add("EVALUATOR", "length", "an account name has at most " + Actor.MAX_NAME_LENGTH + " characters");
        }
        if (listed.isEmpty()) {
            v.add("MOF_DIV_CODES", "required", "the lower governments to evaluate");
        } else if (listed.size() > MAX_SUBJECTS) {
            v.add("MOF_DIV_CODES", "size", "at most " + MAX_SUBJECTS + " governments at a time, got " + listed.size());
        } else {
            for (int i = 0; i < listed.size(); i++) {
                MofDivCode subject = listed.get(i);
                if (!parent.apply(subject).filter(mofDivCode::equals).isPresent()) {
                    v.add("MOF_DIV_CODES[" + i + "]", "lower", subject + " is not configured directly under "
                            + mofDivCode + " (jixiao.regions): a region evaluates the governments below it");
                }
            }
        }
        if (due != null && due.getYear() <= fiscalYear.value()) {
            v.add("DUE", "range", "the evaluation of " + fiscalYear.value() + " is due in a later year, got " + due);
        }
        v.throwIfAny();
        Map<MofDivCode, RegionEvaluation> existing = repository.evaluations(mofDivCode, fiscalYear, null, null)
                .stream().collect(Collectors.toMap(RegionEvaluation::subject, e -> e));
        Instant now = clock.instant();
        List<RegionEvaluation> toOpen = new ArrayList<>();
        List<MofDivCode> distinct = List.copyOf(new LinkedHashSet<>(listed));
        for (MofDivCode subject : distinct) {
            if (!existing.containsKey(subject)) {
                toOpen.add(new RegionEvaluation(0, mofDivCode, fiscalYear, subject, TaskStatus.OPEN,
                        actor.operator(), now, due, who, null, null, null, null, null));
            }
        }
        String why = "comprehensive evaluation of a lower government's " + fiscalYear.value() + " finances opened"
                + (who == null ? "" : ", assigned to " + who);
        for (RegionEvaluation e : repository.open(toOpen, e -> new AuditEntry(now, "REGION_EVALUATION_OPENED",
                mofDivCode, "REGION_EVALUATION", String.valueOf(e.evaluationId()), actor, why, "subject="
                        + e.subject() + ";evaluator=" + (who == null ? "" : who) + ";due="
                        + (due == null ? "" : due)))) {
            existing.put(e.subject(), e);
        }
        LOG.info("Comprehensive evaluations of {} {}: {} opened, {} already open", mofDivCode, fiscalYear.value(),
                toOpen.size(), distinct.size() - toOpen.size());
        return distinct.stream().map(existing::get).toList();
    }

    @Override
    public RegionEvaluation evaluation(long evaluationId, Actor actor) {
        return repository.find(evaluationId).filter(e -> readable(e, actor))
                .orElseThrow(() -> new NotFoundException("no comprehensive evaluation " + evaluationId));
    }

    @Override
    public List<RegionEvaluation> evaluations(MofDivCode mofDivCode, FiscalYear fiscalYear, Actor actor) {
        requireRegionReader(mofDivCode, actor);
        if (evaluatorOnly(actor)) {
            return repository.evaluations(mofDivCode, fiscalYear, actor.operator(), null);
        }
        return repository.evaluations(mofDivCode, fiscalYear, null, null).stream().filter(e -> readable(e, actor))
                .toList();
    }

    @Override
    public RegionScorecard submit(long evaluationId, List<RegionCriterion> criteria, Actor actor) {
        RegionEvaluation evaluation = evaluation(evaluationId, actor);
        if (evaluation.evaluator() != null) {
            // the assigned account itself, in the evaluating region's scope: a host system naming it as its
            // OPERATOR does not score for it, nor does the evaluated government
            if (!evaluation.evaluator().equals(actor.operator()) || actor.has(Role.HOST_SYSTEM)
                    || !actor.scope().covers(evaluation.mofDivCode())) {
                throw new ForbiddenException("comprehensive evaluation " + evaluationId + " is assigned to "
                        + evaluation.evaluator());
            }
        } else {
            requireFinanceOf(evaluation.mofDivCode(), actor, "a comprehensive evaluation is scored");
        }
        if (evaluation.status() != TaskStatus.OPEN) {
            throw new ConflictException("comprehensive evaluation " + evaluationId + " was submitted by "
                    + evaluation.submittedBy() + " at " + evaluation.submittedAt() + "; it is no longer open");
        }
        RuleSetView view = rules.apply(evaluation.mofDivCode(), evaluation.fiscalYear());
        RegionScorecard card = Scorer.scoreRegion(RuleReader.scoring(view.version(), view.rules()),
                criteria == null ? List.of() : criteria);
        Instant now = clock.instant();
        RegionEvaluation submitted = evaluation.submitted(actor.operator(), now, card);
        AuditEntry audit = new AuditEntry(now, "REGION_EVALUATION_SUBMITTED", evaluation.mofDivCode(),
                "REGION_EVALUATION", String.valueOf(evaluationId), actor, "comprehensive evaluation of "
                        + evaluation.subject() + " " + evaluation.fiscalYear().value() + " scored "
                        + card.total().toPlainString() + " (" + card.grade().chinese() + ")",
                "subject=" + evaluation.subject() + ";total=" + card.total().toPlainString() + ";grade="
                        + card.grade() + ";criteria=" + card.criteria().size() + ";rules=" + card.ruleVersion());
        if (!repository.submit(submitted, card, audit)) {
            throw new ConflictException("comprehensive evaluation " + evaluationId + " was submitted meanwhile; it "
                    + "is no longer open");
        }
        cases.open(submitted, card, actor);
        return card;
    }

    @Override
    public RegionScorecard scorecard(long evaluationId, Actor actor) {
        RegionEvaluation evaluation = evaluation(evaluationId, actor);
        return repository.scorecard(evaluationId).orElseThrow(() -> new NotFoundException("comprehensive evaluation "
                + evaluationId + " is " + evaluation.status() + ": it has no scorecard yet"));
    }

    @Override
    public ApplicationRun applyResults(MofDivCode mofDivCode, FiscalYear fiscalYear, Actor actor) {
        requireFinanceOf(mofDivCode, actor, "comprehensive results are applied to transfer payments");
        // each change is recorded before it is sent to the host: the records stay whatever becomes of the call
        return Transactions.independently(() -> applyRecorded(mofDivCode, fiscalYear, actor));
    }

    private ApplicationRun applyRecorded(MofDivCode mofDivCode, FiscalYear fiscalYear, Actor actor) {
        RuleSetView view = rules.apply(mofDivCode, fiscalYear);
        ResultPolicy policy = RuleReader.resultPolicy(view.version(), view.rules());
        FiscalYear target = FiscalYear.of(fiscalYear.value() + policy.targetYearOffset());
        TransferPort port = port();
        WriteBack.Target<TransferAdjustment> host = transfers(port);
        // what an interrupted run recorded but the host did not acknowledge: the same change ids again
        WriteBack.Tally tally = WriteBack.resend(host, mofDivCode,
                repository.adjustments(mofDivCode, fiscalYear, AdjustmentStatus.PENDING), clock);
        List<RegionEvaluation> unapplied = repository.unapplied(mofDivCode, fiscalYear);
        if (!unapplied.isEmpty()) {
            Map<MofDivCode, TransferAllocation> allocated = port.allocated(mofDivCode, target,
                    unapplied.stream().map(RegionEvaluation::subject).toList());
            Instant now = clock.instant();
            List<TransferAdjustment> adjustments = unapplied.stream().map(e -> adjustment(e, policy, target,
                    allocated.get(e.subject()), actor.operator(), now)).toList();
            repository.insertAdjustments(adjustments, a -> audit(a, actor, now));
            tally = tally.plus(WriteBack.recorded(adjustments, TransferAdjustment::status)).plus(WriteBack.send(host,
                    mofDivCode, target, adjustments.stream().filter(a -> a.status() == AdjustmentStatus.PENDING)
                            .toList(), clock));
        }
        LOG.info("Comprehensive results of {} {} applied to the transfer payments of {}: {}", mofDivCode,
                fiscalYear.value(), target.value(), tally);
        return tally.run(target);
    }

    /** Lower governments' transfer payments in the host's compilation module, through the transfer port. */
    private WriteBack.Target<TransferAdjustment> transfers(TransferPort port) {
        return new WriteBack.Target<>("transfer", TransferAdjustment::evaluationId, TransferAdjustment::changeId,
                TransferAdjustment::targetYear, TransferAdjustment::change, (region, year, adjustments) -> {
                    Map<String, WriteBack.Answer> answers = new java.util.HashMap<>();
                    port.applyTransfers(region, year, adjustments.stream().map(a -> new TransferChange(a.changeId(),
                            a.recipient(), a.action().name(), a.cutPercent(), a.change(), reason(a))).toList())
                            .forEach((id, outcome) -> answers.put(id, switch (outcome) {
                                case APPLIED -> WriteBack.Answer.APPLIED;
                                case DUPLICATE -> WriteBack.Answer.DUPLICATE;
                                case UNKNOWN_RECIPIENT -> WriteBack.Answer.NOT_FOUND;
                                case CONFLICT -> WriteBack.Answer.CONFLICT;
                            }));
                    return answers;
                }, repository::markAdjustments);
    }

    @Override
    public TransferWhatIf whatIf(MofDivCode mofDivCode, FiscalYear fiscalYear, Map<String, String> proposed,
            Actor actor) {
        Evaluations.requireWhatIfReader(mofDivCode, actor);
        ResultPolicy policy = ResultApplication.proposedPolicy(rules.apply(mofDivCode, fiscalYear),
                proposed == null ? Map.of() : proposed);
        FiscalYear target = FiscalYear.of(fiscalYear.value() + policy.targetYearOffset());
        List<RegionEvaluation> submitted = repository.evaluations(mofDivCode, fiscalYear, null, TaskStatus.SUBMITTED);
        Map<MofDivCode, TransferAllocation> allocated = submitted.isEmpty() ? Map.of() : port().allocated(mofDivCode,
                target, submitted.stream().map(RegionEvaluation::subject).toList());
        Instant now = clock.instant();
        List<TransferAdjustment> lines = submitted.stream().map(e -> adjustment(e, policy, target,
                allocated.get(e.subject()), null, now)).toList();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        BigDecimal change = BigDecimal.ZERO.setScale(2);
        int cut = 0;
        for (TransferAdjustment a : lines) {
            if (a.allocated() != null) {
                total = total.add(a.allocated());
                change = change.add(a.change());
                cut += a.change().signum() < 0 ? 1 : 0;
            }
        }
        return new TransferWhatIf(target.value(), policy.version(), lines, total, change, cut);
    }

    private TransferPort port() {
        TransferPort port = transfers.get();
        if (port == null) {
            throw new PortUnavailableException("transfer", "no transfer port is registered or configured", null);
        }
        return port;
    }

    /**
     * One evaluation's adjustment under the region's {@code result.transfer.action.*} row: the cut is the row's share
     * of the allocated amount, rounded half up to the fen.
     */
    static TransferAdjustment adjustment(RegionEvaluation e, ResultPolicy policy, FiscalYear target,
            TransferAllocation allocated, String by, Instant at) {
        ResultPolicy.Action action = policy.transferAction(e.grade());
        String why = "result.transfer.action." + e.grade() + "=" + action + " @ " + policy.version();
        if (allocated == null) {
            return new TransferAdjustment(e.evaluationId(), e.mofDivCode(), e.fiscalYear(), target, e.subject(),
                    e.grade(), e.total(), action.kind(), action.cutPercent(), null, BigDecimal.ZERO.setScale(2), why,
                    AdjustmentStatus.NOT_IN_DRAFT, by, at, null);
        }
        BigDecimal change = allocated.allocated().multiply(action.cutPercent()).divide(HUNDRED, 2, RoundingMode.HALF_UP)
                .negate();
        return new TransferAdjustment(e.evaluationId(), e.mofDivCode(), e.fiscalYear(), target, e.subject(),
                e.grade(), e.total(), action.kind(), action.cutPercent(), allocated.allocated(),
                change.signum() == 0 ? BigDecimal.ZERO.setScale(2) : change, why, AdjustmentStatus.PENDING, by, at,
                null);
    }

    private static String reason(TransferAdjustment a) {
        return a.evaluatedYear().value() + " 年度财政运行综合绩效评价 " + a.total().toPlainString() + " 分 ("
                + a.grade().chinese() + "), " + a.recipient() + ", evaluation " + a.evaluationId() + ": " + a.policy();
    }

    /** Every adjustment is audited; a cut (money taken from a lower government's transfers) as TRANSFER_CUT. */
    private static AuditEntry audit(TransferAdjustment a, Actor actor, Instant at) {
        return new AuditEntry(at, a.change().signum() < 0 ? "TRANSFER_CUT" : "TRANSFER_ADJUSTED", a.mofDivCode(),
                "REGION_EVALUATION", String.valueOf(a.evaluationId()), actor, reason(a), "recipient=" + a.recipient()
                        + ";targetYear=" + a.targetYear().value() + ";action=" + a.action() + ";cut="
                        + a.cutPercent().toPlainString() + ";allocated=" + (a.allocated() == null ? ""
                                : a.allocated().toPlainString()) + ";change=" + a.change().toPlainString()
                        + ";status=" + a.status());
    }

    @Override
    public List<TransferAdjustment> adjustments(MofDivCode mofDivCode, FiscalYear fiscalYear, Actor actor) {
        requireRegionReader(mofDivCode, actor);
        if (actor.has(Role.FINANCE) || actor.has(Role.AUDITOR)) {
            return repository.adjustments(mofDivCode, fiscalYear, null).stream()
                    .filter(a -> actor.scope().covers(a.mofDivCode()) || actor.scope().covers(a.recipient()))
                    .toList();
        }
        throw new ForbiddenException("transfer adjustments are read by FINANCE and AUDITOR");
    }

    /**
     * FINANCE or AUDITOR of the evaluating region (or of the evaluated government: its own evaluation is its
     * feedback), or the evaluator assigned to it.
     */
    private static boolean readable(RegionEvaluation e, Actor actor) {
        if (!actor.scope().agencies().isEmpty()) {
            return false; // an agency-limited account acts for agencies, not governments
        }
        if (evaluatorOnly(actor)) {
            return actor.operator().equals(e.evaluator()) && actor.scope().covers(e.mofDivCode());
        }
        return (actor.has(Role.FINANCE) || actor.has(Role.AUDITOR))
                && (actor.scope().covers(e.mofDivCode()) || actor.scope().covers(e.subject()));
    }

    /**
     * The lists of a region are read by those with the region in scope, and by FINANCE and AUDITOR of a government
     * configured directly under it (who see their own government's rows).
     */
    private void requireRegionReader(MofDivCode region, Actor actor) {
        requireReader(actor);
        if (!actor.scope().agencies().isEmpty()) {
            throw new ForbiddenException("comprehensive evaluations concern governments; an account limited to "
                    + "agencies does not read them");
        }
        if (actor.scope().covers(region)) {
            return;
        }
        boolean lower = (actor.has(Role.FINANCE) || actor.has(Role.AUDITOR)) && actor.scope().regions().stream()
                .anyMatch(r -> parent.apply(MofDivCode.of(r)).filter(region::equals).isPresent());
        if (!lower) {
            throw new ForbiddenException("region " + region + " is outside your scope");
        }
    }

    private static boolean evaluatorOnly(Actor actor) {
        return actor.has(Role.EVALUATOR) && !actor.has(Role.FINANCE) && !actor.has(Role.AUDITOR);
    }

    private static void requireReader(Actor actor) {
        if (!actor.has(Role.FINANCE) && !actor.has(Role.AUDITOR) && !actor.has(Role.EVALUATOR)) {
            throw new ForbiddenException("comprehensive evaluations are read by FINANCE, AUDITOR and their evaluators");
        }
    }

    /** FINANCE with the whole region in scope (an agency-limited account acts for agencies, not governments). */
    private static void requireFinanceOf(MofDivCode region, Actor actor, String what) {
        if (!actor.has(Role.FINANCE)) {
            throw new ForbiddenException(what + " by FINANCE");
        }
        if (!actor.scope().covers(region) || !actor.scope().agencies().isEmpty()) {
            throw new ForbiddenException(what + " by FINANCE of the whole region " + region);
        }
    }
}
