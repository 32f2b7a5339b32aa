package io.jixiao.guard.internal;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Role;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldService;
import io.jixiao.api.service.HoldStatus;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.HoldRepository;
import io.jixiao.store.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Places and releases holds: the database first (hold and audit row in one transaction), then the index, so
 * that a payment check starting after {@link #place} returned sees the hold. Inside an idempotent call, whose
 * changes commit with its answer, a placed hold is in the index at once (a payment meanwhile is held, never passed)
 * and taken out again if the call rolls back; a release reaches the index only once it is committed.
 */
@Component(service = HoldService.class, immediate = true)
public final class HoldRegistry implements HoldService {
    private final HoldRepository holds;
    private final HoldIndex index;
    private final Clock clock;

    @Activate
    public HoldRegistry(@Reference HoldRepository holds, @Reference HoldSync sync) {
        this(holds, sync.index(), Clock.systemUTC());
    }

    public HoldRegistry(HoldRepository holds, HoldIndex index, Clock clock) {
        this.holds = holds;
        this.index = index;
        this.clock = clock;
    }

    @Override
    public Hold place(HoldTarget target, HoldKind kind, Reason reason, Actor actor) {
        required(HoldTarget.TYPE_FIELD, target);
        required("HOLD_KIND", kind);
        required("REASON", reason);
        required(Actor.OPERATOR_FIELD, actor);
        if (!actor.has(Role.FINANCE) && !actor.has(Role.HOST_SYSTEM)) {
            throw new ForbiddenException("placing a hold needs role FINANCE or HOST_SYSTEM");
        }
        if (!actor.scope().covers(target.mofDivCode())) {
            throw new ForbiddenException("region " + target.mofDivCode() + " is outside your scope");
        }
        Instant now = now();
        Hold hold = new Hold(holds.nextHoldId(), target, kind, reason, HoldStatus.ACTIVE, actor, now, null);
        holds.insert(hold, new AuditEntry(now, Audit.HOLD_PLACED, target.mofDivCode(), Audit.SUBJECT_HOLD,
                Long.toString(hold.holdId()), actor, reason.text(), describe(hold), null, target.proCode()));
        apply(() -> index.add(hold));
        Transactions.afterRollback(() -> apply(() -> index.remove(target, hold.holdId())));
        return hold;
    }

    @Override
    public Hold release(long holdId, Reason reason, Actor actor) {
        required("REASON", reason);
        required(Actor.OPERATOR_FIELD, actor);
        Hold hold = find(holdId, actor).orElseThrow(() -> new NotFoundException("no hold " + holdId));
        // the role first: one who may not release the hold learns nothing of its state
        boolean allowed = actor.has(Role.FINANCE) || hold.kind() == HoldKind.SUSPEND && actor.has(Role.HOST_SYSTEM);
        if (!allowed) {
            throw new ForbiddenException(hold.kind() == HoldKind.STOP
                    ? "a STOP hold is released only by FINANCE"
                    : "releasing a hold needs role FINANCE or HOST_SYSTEM");
        }
        if (!hold.isActive()) {
            throw new ConflictException("hold " + holdId + " is already released");
        }
        Instant now = now();
        Hold.Release release = new Hold.Release(actor, now, reason);
        boolean released = holds.release(holdId, release, new AuditEntry(now, Audit.HOLD_RELEASED,
                hold.target().mofDivCode(), Audit.SUBJECT_HOLD, Long.toString(holdId), actor, reason.text(),
                describe(hold), null, hold.target().proCode()));
        if (!released) {
            throw new ConflictException("hold " + holdId + " was released concurrently");
        }
        Transactions.afterCommit(() -> apply(() -> index.remove(hold.target(), holdId)));
        return new Hold(holdId, hold.target(), hold.kind(), hold.reason(), HoldStatus.RELEASED, hold.placedBy(),
                hold.placedAt(), release);
    }

    /**
     * Changes the index under the lock the sync holds while it reads and applies changes: a poll that read a hold
     * as active before this node released it cannot put it back after the release took it out.
     */
    private void apply(Runnable change) {
        synchronized (index) {
            change.run();
        }
    }

    @Override
    public Optional<Hold> find(long holdId) {
        return holds.find(holdId);
    }

    @Override
    public List<Hold> activeHolds(HoldTarget target) {
        required(HoldTarget.TYPE_FIELD, target);
        return holds.findActive(target);
    }

    @Override
    public Optional<Hold> find(long holdId, Actor actor) {
        required(Actor.OPERATOR_FIELD, actor);
        // the public and evaluators never see holds: to them, as to another region, none exists
        return holds.find(holdId).filter(h -> actor.hasAny(Role.STAFF) && actor.scope().covers(h.target().mofDivCode()));
    }

    @Override
    public List<Hold> activeHolds(HoldTarget target, Actor actor) {
        required(HoldTarget.TYPE_FIELD, target);
        required(Actor.OPERATOR_FIELD, actor);
        actor.requireAny(Role.STAFF, "reading holds");
        if (!actor.scope().covers(target.mofDivCode())) {
            throw new ForbiddenException("region " + target.mofDivCode() + " is outside your scope");
        }
        return holds.findActive(target);
    }

    private Instant now() {
        // the databases keep at least milliseconds: what is returned equals what is read back
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String describe(Hold hold) {
        HoldTarget t = hold.target();
        return "targetType=" + t.type() + ";code=" + t.code() + ";kind=" + hold.kind();
    }

    private static void required(String field, Object value) {
        if (value == null) {
            throw InvalidInputException.of(field, "required", "is required");
        }
    }
}
