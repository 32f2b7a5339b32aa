package io.jixiao.monitoring.internal;

import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.hook.PaymentApplication;
import io.jixiao.api.hook.PaymentDecision;
import io.jixiao.api.hook.PaymentDecision.ReasonCode;
import io.jixiao.api.hook.PaymentGuard;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.DecisionRecord;
import io.jixiao.store.DecisionRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Decides payment applications from the in-memory hold index. HOLD decisions are written with their audit
 * row before the answer is returned; PASS decisions go to the journal.
 */
public final class PaymentGuardEngine implements PaymentGuard {
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
    private final boolean strict;
    private final java.time.Duration staleAfter;
    private volatile ProjectKinds kinds;
    private volatile ExemptClasses exempt;

    /** A guard whose index only this node writes (one node, or tests of the decision itself). */
    public PaymentGuardEngine(HoldIndex index, DecisionRepository decisions, DecisionJournal journal, Clock clock) {
        this(index, decisions, journal, clock, null, false, null);
    }

    /**
     * @param sync keeps the index in step with the database (other nodes' holds), or {@code null}
     * @param strict whether every project payment check first applies every change committed before it
     * @param staleAfter in bounded mode, how old the index may grow before project payments are held fail-safe
     */
    public PaymentGuardEngine(HoldIndex index, DecisionRepository decisions, DecisionJournal journal, Clock clock,
            HoldSync sync, boolean strict, java.time.Duration staleAfter) {
        this.index = index;
        this.decisions = decisions;
        this.journal = journal;
        this.clock = clock;
        this.sync = sync;
        this.strict = strict;
        this.staleAfter = staleAfter;
    }

    @Override
    public PaymentDecision check(PaymentApplication application, Actor actor) {
        if (application == null) {
            throw InvalidInputException.of("PAY_APP", "required", "is required");
        }
        if (actor == null) {
            throw InvalidInputException.of(Actor.OPERATOR_FIELD, "required", "is required");
        }
        if (!actor.scope().covers(application.mofDivCode()) || !actor.scope().covers(application.agencyCode())) {
            throw new ForbiddenException("region " + application.mofDivCode() + " or agency "
                    + application.agencyCode() + " is outside your scope");
        }
        ProjectKinds known = kinds;
        if (known != null && application.kind() == ExpenditureKind.BASIC && application.proCode() != null
                && known.projectExpenditure(application.mofDivCode().value(), application.proCode().value())) {
            return correctedKind(application, actor);
        }
        return checked(application, actor, false);
    }

    /** A payment declared basic on a project known as project expenditure: decided as a project payment, audited. */
    private PaymentDecision correctedKind(PaymentApplication declared, Actor actor) {
        PaymentApplication asProject = new PaymentApplication(declared.mofDivCode(), declared.fiscalYear(),
                declared.payAppNo(), declared.agencyCode(), declared.proCode(), declared.bgtId(), declared.amount(),
                ExpenditureKind.PROJECT, declared.ecoCode());
        PaymentDecision decision = checked(asProject, actor, true);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        kinds.audit(new AuditEntry(now, Audit.PAYMENT_KIND_CORRECTED, declared.mofDivCode(),
                Audit.SUBJECT_PAY_APP, subjectId(declared), actor, "declared BASIC; project " + declared.proCode()
                        + " has an approved project goal: decided as PROJECT",
                "declared=BASIC;decided=PROJECT;outcome=" + decision.outcome() + ";reasonCode=" + decision.reasonCode(),
                declared.agencyCode(), declared.proCode()));
        return decision;
    }

    private PaymentDecision checked(PaymentApplication application, Actor actor, boolean corrected) {
        PaymentDecision decision;
        ExemptClasses exemptions = exempt;
        if (application.kind() == ExpenditureKind.BASIC) {
            decision = BASIC;
        } else if (exemptions != null && exemptions.exempt(application)) {
            decision = EXEMPT; // salaries, basic livelihood: never held, whatever the index says
        } else if (sync != null && sync.bypass(application.mofDivCode().value()) != null) {
            decision = BYPASSED; // finance's emergency bypass of the region: recorded as such in the journal
        } else {
            decision = trusted() ? decide(application) : PaymentDecision.stateUnknown();
        }
        if (corrected) {
            decision = decision.asKindCorrected();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        DecisionRecord record = new DecisionRecord(application, decision, actor, now);
        if (decision.passes()) {
            journal.append(record);
        } else if (decision.reasonCode() == ReasonCode.GUARD_STATE_UNKNOWN) {
            try {
                recordHeld(record, application, actor, decision, now);
            } catch (RuntimeException e) {
                // the database is what is missing: the payment is held all the same, and the log says so
                LOG.error("Payment {} held fail-safe; the decision could not be recorded: {}",
                        subjectId(application), e.toString());
            }
        } else {
            recordHeld(record, application, actor, decision, now);
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

    /** From now on, payments of the economic classes a region exempts pass like basic expenditure. */
    public void exemptClasses(ExemptClasses classes) {
        this.exempt = classes;
    }

    /** @return whether the index can be trusted now (the same test the checks make, without a strict read) */
    public boolean trustedNow() {
        if (sync == null) {
            return true;
        }
        java.time.Duration age = sync.age();
        return sync.loaded() && (strict || age != null && age.compareTo(staleAfter) <= 0);
    }

    /**
     * @return whether the index can be trusted for this check: loaded, and in strict mode brought up to every change
     *         committed before the check, in bounded mode no older than its bound
     */
    private boolean trusted() {
        if (sync == null) {
            return true;
        }
        if (!sync.loaded()) {
            return false;
        }
        if (strict) {
            try {
                sync.ensureCurrent();
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }
        java.time.Duration age = sync.age();
        return age != null && age.compareTo(staleAfter) <= 0;
    }

    private void recordHeld(DecisionRecord record, PaymentApplication application, Actor actor,
            PaymentDecision decision, Instant now) {
        decisions.recordBlocking(record, new AuditEntry(now, Audit.PAYMENT_HELD, application.mofDivCode(),
                    Audit.SUBJECT_PAY_APP, subjectId(application), actor, decision.holdReason(),
                    "holdId=" + decision.holdId() + ";holdKind=" + decision.holdKind() + ";reasonCode="
                            + decision.reasonCode() + ";amount=" + application.amount(),
                    application.agencyCode(), application.proCode()));
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
