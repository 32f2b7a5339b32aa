package io.jixiao.guard.internal;

import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.hook.PaymentApplication;
import io.jixiao.api.hook.PaymentDecision.ReasonCode;
import io.jixiao.api.hook.PaymentDecision;
import io.jixiao.api.hook.PaymentGuard;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.Role;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.DecisionRecord;
import io.jixiao.store.DecisionRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Decides payment applications from the in-memory hold index, each within an answer budget whatever the database
 * does. A HOLD goes to the node's spool first (from then on it outlives the JVM) and is committed with its audit row
 * within the budget when the database takes it; otherwise the decision journal writes both later, under the same
 * key. PASS decisions go to the journal. A check that needs the database to trust its index (STRICT) and does not
 * get it within the budget holds the payment fail-safe.
 */
@Component(service = {PaymentGuard.class, PaymentGuardEngine.class}, immediate = true,
        configurationPid = GuardConfiguration.PID)
public final class PaymentGuardEngine implements PaymentGuard, AutoCloseable {
    /** How long a check may take, by default. */
    public static final java.time.Duration DEFAULT_BUDGET = java.time.Duration.ofMillis(200);

    private static final PaymentDecision BASIC = PaymentDecision.pass(ReasonCode.BASIC_EXPENDITURE);
    private static final PaymentDecision FREE = PaymentDecision.pass(ReasonCode.NO_ACTIVE_HOLD);
    private static final PaymentDecision BYPASSED = PaymentDecision.pass(ReasonCode.EMERGENCY_BYPASS);
    private static final PaymentDecision EXEMPT = PaymentDecision.pass(ReasonCode.EXEMPT_CATEGORY);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PaymentGuardEngine.class);

    private final HoldIndex index;
    private final DecisionRepository decisions;
    private final DecisionJournal journal;
    private final Clock clock;
    private final HoldSync sync;
    private volatile Bypasses bypassed;
    private final boolean strict;
    private final java.time.Duration staleAfter;
    private final long budgetNanos;
    private final Bounded database = new Bounded("jixiao-guard-db", 8, 256);
    private final GuardHealth health;
    /** When a strict read of the hold change log last failed and why, until one succeeds; {@code null} otherwise. */
    private volatile String strictFailure;
    private volatile ProjectKinds kinds;
    private volatile ExemptClasses exempt;

    /**
     * The component: the node's guard over the index its sync keeps, with the exempt classes, the emergency
     * bypasses and the declared-kind check.
     */
    @Activate
    public PaymentGuardEngine(GuardConfiguration config, @Reference DecisionRepository decisions,
            @Reference DecisionJournal journal, @Reference HoldSync sync, @Reference ExemptClasses exempt,
            @Reference Bypasses bypasses, @Reference ProjectKinds kinds) {
        this(sync.index(), decisions, journal, Clock.systemUTC(), sync,
                config.consistency() == GuardConfiguration.Consistency.STRICT,
                java.time.Duration.ofMillis(config.staleAfterMillis()),
                java.time.Duration.ofMillis(Math.max(1, config.answerBudgetMillis())));
        exemptClasses(exempt);
        bypasses(bypasses);
        checkDeclaredKinds(kinds);
        LOG.info("Payment guard consistency {} (sync every {} ms, fail-safe after {} ms, answers within {} ms)",
                config.consistency(), config.sync_intervalMillis(), config.staleAfterMillis(),
                config.answerBudgetMillis());
    }

    @Deactivate
    void deactivate() {
        close();
    }

    /** A guard whose index only this node writes (one node, or tests of the decision itself). */
    public PaymentGuardEngine(HoldIndex index, DecisionRepository decisions, DecisionJournal journal, Clock clock) {
        this(index, decisions, journal, clock, null, false, null, DEFAULT_BUDGET);
    }

    /**
     * @param sync keeps the index in step with the database (other nodes' holds), or {@code null}
     * @param strict whether every project payment check first applies every change committed before it
     * @param staleAfter how old the index may grow before project payments are held fail-safe
     * @param budget how long a check may take, whatever the database does
     */
    public PaymentGuardEngine(HoldIndex index, DecisionRepository decisions, DecisionJournal journal, Clock clock,
            HoldSync sync, boolean strict, java.time.Duration staleAfter, java.time.Duration budget) {
        this.index = index;
        this.decisions = decisions;
        this.journal = journal;
        this.clock = clock;
        this.sync = sync;
        this.strict = strict;
        this.staleAfter = staleAfter;
        this.budgetNanos = budget.toNanos();
        this.health = new GuardHealth(clock);
    }

    @Override
    public PaymentDecision check(PaymentApplication application, Actor actor) {
        long deadline = System.nanoTime() + budgetNanos;
        if (application == null) {
            throw InvalidInputException.of("PAY_APP", "required", "is required");
        }
        if (actor == null) {
            throw InvalidInputException.of(Actor.OPERATOR_FIELD, "required", "is required");
        }
        // before anything is decided or recorded: a refused check leaves no decision and no audit row
        actor.requireAny(Role.STAFF, "checking a payment");
        if (!actor.scope().covers(application.mofDivCode()) || !actor.scope().covers(application.agencyCode())) {
            throw new ForbiddenException("region " + application.mofDivCode() + " or agency "
                    + application.agencyCode() + " is outside your scope");
        }
        ProjectKinds known = kinds;
        if (known != null && application.kind() == ExpenditureKind.BASIC && application.proCode() != null
                && known.projectExpenditure(application.mofDivCode().value(), application.proCode().value())) {
            return correctedKind(application, actor, deadline);
        }
        return checked(application, actor, false, deadline);
    }

    /** A payment declared basic on a project known as project expenditure: decided as a project payment, audited. */
    private PaymentDecision correctedKind(PaymentApplication declared, Actor actor, long deadline) {
        PaymentApplication asProject = new PaymentApplication(declared.mofDivCode(), declared.fiscalYear(),
                declared.payAppNo(), declared.agencyCode(), declared.proCode(), declared.bgtId(), declared.amount(),
                ExpenditureKind.PROJECT, declared.ecoCode());
        PaymentDecision decision = checked(asProject, actor, true, deadline);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditEntry corrected = new AuditEntry(now, Audit.PAYMENT_KIND_CORRECTED, declared.mofDivCode(),
                Audit.SUBJECT_PAY_APP, subjectId(declared), actor, "declared BASIC; project " + declared.proCode()
                        + " has an approved project goal: decided as PROJECT",
                "declared=BASIC;decided=PROJECT;outcome=" + decision.outcome() + ";reasonCode=" + decision.reasonCode(),
                declared.agencyCode(), declared.proCode());
        // the decision itself is recorded (a HOLD with its own audit row); this row says why it was a project's
        ProjectKinds known = kinds;
        if (!database.start(() -> {
            try {
                known.audit(corrected);
            } catch (RuntimeException e) {
                LOG.warn("The corrected kind of payment {} could not be audited: {}", subjectId(declared), e.toString());
            }
        })) {
            LOG.warn("The corrected kind of payment {} was not audited: every database thread of the guard is busy",
                    subjectId(declared));
        }
        return decision;
    }

    private PaymentDecision checked(PaymentApplication application, Actor actor, boolean corrected, long deadline) {
        PaymentDecision decision;
        ExemptClasses exemptions = exempt;
        if (application.kind() == ExpenditureKind.BASIC) {
            decision = BASIC;
        } else if (exemptions != null && exemptions.exempt(application, database, deadline)) {
            decision = EXEMPT; // salaries, basic livelihood: never held, whatever the index says
        } else if (bypassed != null && bypassed.of(application.mofDivCode().value()) != null) {
            decision = BYPASSED; // finance's emergency bypass of the region: recorded as such in the journal
        } else {
            String untrusted = untrusted(deadline);
            if (untrusted == null) {
                decision = decide(application);
                health.decided();
            } else {
                decision = PaymentDecision.stateUnknown();
                health.failSafe(subjectId(application), untrusted);
            }
        }
        if (corrected) {
            decision = decision.asKindCorrected();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        DecisionRecord record = new DecisionRecord(application, decision, actor, now);
        if (decision.passes()) {
            journal.append(record);
        } else {
            recordHeld(record, deadline);
        }
        return decision;
    }

    /**
     * From now on, a payment declared basic expenditure on a project known as project expenditure is decided as a
     * project payment, flagged and audited.
     */
    public void checkDeclaredKinds(ProjectKinds projectKinds) {
        this.kinds = projectKinds;
    }

    /**
     * @param bypasses the emergency bypasses, whose regions' payments pass whatever holds they carry
     */
    public void bypasses(Bypasses bypasses) {
        this.bypassed = bypasses;
    }

    /** From now on, payments of the economic classes a region exempts pass like basic expenditure. */
    public void exemptClasses(ExemptClasses classes) {
        this.exempt = classes;
    }

    /**
     * @return why project payments are held fail-safe now, or {@code null} when the index is trusted: the same test
     *         the checks make, without a strict read — and in STRICT mode also while the last strict read failed
     */
    public String untrustedReason() {
        String why = untrustedIndex();
        if (why == null && strict) {
            why = strictFailure;
        }
        return why;
    }

    /** @return whether the index can be trusted now ({@link #untrustedReason()} is {@code null}) */
    public boolean trustedNow() {
        return untrustedReason() == null;
    }

    /** Whether the index is loaded and no older than its bound, in either mode; else why not. */
    private String untrustedIndex() {
        if (sync == null) {
            return null;
        }
        if (!sync.loaded()) {
            return "the hold index is not loaded yet (the active holds could not be read)";
        }
        java.time.Duration age = sync.age();
        if (age == null || age.compareTo(staleAfter) > 0) {
            return "the hold index is " + (age == null ? "of unknown age" : age.toMillis() + " ms old") + ", beyond "
                    + "its bound of " + staleAfter.toMillis() + " ms (the hold change log could not be read in time: "
                    + "the database or this node is too slow)";
        }
        return null;
    }

    /**
     * @return why the index cannot be trusted for this check, or {@code null}: loaded and no older than its bound,
     *         and in STRICT mode brought up to every change committed before the check, within the budget
     */
    private String untrusted(long deadline) {
        if (!strict || sync == null || !sync.loaded()) {
            return untrustedIndex();
        }
        Bounded.Outcome<Boolean> current = database.call(() -> {
            sync.ensureCurrent();
            return Boolean.TRUE;
        }, deadline);
        if (current.done()) {
            strictFailure = null;
            return null;
        }
        strictFailure = "a strict read of the hold change log failed at " + clock.instant() + ": " + current.failure();
        return strictFailure;
    }

    /**
     * Records a HOLD: first in the spool (from then on it outlives the JVM and the journal will write it), then
     * committed with its audit row under the spool's key within the budget, if the database takes it in time. The
     * payment is held whatever becomes of its record.
     */
    private void recordHeld(DecisionRecord record, long deadline) {
        String payment = subjectId(record.application());
        String key = journal.offer(record, java.time.Duration.ofNanos(Math.max(0L, deadline - System.nanoTime())));
        io.jixiao.store.JournaledDecision keyed = new io.jixiao.store.JournaledDecision(
                key != null ? key : "direct/" + java.util.UUID.randomUUID(), record, Audit.held(record));
        Bounded.Outcome<Integer> committed = database.call(() -> decisions.recordOnce(java.util.List.of(keyed)),
                deadline);
        if (committed.done()) {
            health.recorded();
        } else if (key != null) {
            health.heldInSpool(payment, committed.failure());
        } else {
            LOG.error("Payment {} held, but neither the database ({}) nor the spool took its decision: it is not "
                    + "recorded", payment, committed.failure());
        }
    }

    /** Stops the guard's database threads; work under way is interrupted. */
    @Override
    public void close() {
        database.close();
    }

    /**
     * The decision alone, without recording it: a pure function of the application and the index.
     *
     * @param application the application
     * @return PASS or HOLD
     */
    public PaymentDecision decide(PaymentApplication application) {
        if (application.kind() == ExpenditureKind.BASIC) {
            return BASIC;
        }
        String region = application.mofDivCode().value();
        Hold onProject = strongest(index.get(HoldTarget.Type.PROJECT, region, application.proCode().value()));
        Hold onLine = strongest(index.get(HoldTarget.Type.BUDGET_LINE, region, application.bgtId().value()));
        Hold hold = stronger(onProject, onLine);
        if (hold == null) {
            return FREE;
        }
        ReasonCode code = hold == onProject ? ReasonCode.PROJECT_HELD : ReasonCode.BUDGET_LINE_HELD;
        return new PaymentDecision(PaymentDecision.Outcome.HOLD, code, hold.holdId(), hold.kind(),
                hold.reason().text());
    }

    private static Hold strongest(Hold[] holds) {
        Hold best = null;
        for (Hold h : holds) {
            best = stronger(best, h);
        }
        return best;
    }

    /** STOP before SUSPEND, then the older hold: the same state always names the same hold. */
    private static Hold stronger(Hold a, Hold b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        if (rank(a) != rank(b)) {
            return rank(a) < rank(b) ? a : b;
        }
        return a.holdId() <= b.holdId() ? a : b;
    }

    private static int rank(Hold hold) {
        return hold.kind() == HoldKind.STOP ? 0 : 1;
    }

    static String subjectId(PaymentApplication application) {
        return application.fiscalYear() + "/" + application.mofDivCode() + "/" + application.payAppNo();
    }
}
