package io.jixiao.guard.internal;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Role;
import io.jixiao.api.service.Bypass;
import io.jixiao.api.service.GuardState;
import io.jixiao.api.service.PaymentGuardAdmin;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.HoldRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The guard's state for a region, and the emergency bypass: opened and closed by finance, audited. */
public final class GuardAdmin implements PaymentGuardAdmin {
    private final HoldRepository holds;
    private final HoldSync sync;
    private final HoldIndex index;
    private final PaymentGuardEngine guard;
    private final DecisionJournal journal;
    private final String consistency;
    private final Duration staleAfter;
    private final Clock clock;
    private final java.util.function.Function<MofDivCode, java.util.Optional<String>> chainBreak;

    public GuardAdmin(HoldRepository holds, HoldSync sync, HoldIndex index, PaymentGuardEngine guard,
            DecisionJournal journal, String consistency, Duration staleAfter, Clock clock) {
        this(holds, sync, index, guard, journal, consistency, staleAfter, clock, region -> java.util.Optional.empty());
    }

    /** @param chainBreak what is known to be wrong with a region's audit chain (the store's last finding) */
    public GuardAdmin(HoldRepository holds, HoldSync sync, HoldIndex index, PaymentGuardEngine guard,
            DecisionJournal journal, String consistency, Duration staleAfter, Clock clock,
            java.util.function.Function<MofDivCode, java.util.Optional<String>> chainBreak) {
        this.chainBreak = chainBreak;
        this.holds = holds;
        this.sync = sync;
        this.index = index;
        this.guard = guard;
        this.journal = journal;
        this.consistency = consistency;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    @Override
    public GuardState state(MofDivCode mofDivCode, Actor actor) {
        actor.requireAny(Role.STAFF, "reading the payment guard's state");
        inScope(actor, mofDivCode);
        Duration age = sync.age();
        Duration lag = journal.lag(clock.instant());
        String untrusted = guard.untrustedReason();
        return new GuardState(consistency, sync.loaded(), untrusted == null, age == null ? null : age.toMillis(),
                sync.lastSync(), sync.applied(), index.targets(), staleAfter.toMillis(),
                sync.bypass(mofDivCode.value()), lag == null ? null : Math.max(0L, lag.toMillis()),
                journal.unshippedBytes(), chainBreak.apply(mofDivCode).orElse(null), untrusted);
    }

    @Override
    public Bypass openBypass(MofDivCode mofDivCode, Instant until, Reason reason, Actor actor) {
        requireFinance(actor, mofDivCode);
        if (reason == null) {
            throw InvalidInputException.of("REASON", "required", "is required");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (until == null || !until.isAfter(now) || until.isAfter(now.plus(MAX_BYPASS))) {
            throw InvalidInputException.of("UNTIL", "window", "must lie after now and at most "
                    + MAX_BYPASS.toHours() + " hours ahead");
        }
        if (holds.openBypasses(now).stream().anyMatch(b -> b.mofDivCode().equals(mofDivCode))) {
            throw new ConflictException("region " + mofDivCode + " already has an open bypass");
        }
        Bypass bypass = new Bypass(holds.nextBypassId(), mofDivCode, now, until.truncatedTo(ChronoUnit.MILLIS), reason,
                actor, null, null, null);
        holds.insertBypass(bypass, new AuditEntry(now, "GUARD_BYPASS_OPENED", mofDivCode, "GUARD_BYPASS",
                Long.toString(bypass.bypassId()), actor, reason.text(), "until=" + bypass.until()));
        sync.refreshBypasses();
        return bypass;
    }

    @Override
    public Bypass closeBypass(long bypassId, Reason reason, Actor actor) {
        Bypass open = holds.findBypass(bypassId).filter(b -> actor.scope().covers(b.mofDivCode()))
                .orElseThrow(() -> new NotFoundException("no bypass " + bypassId));
        requireFinance(actor, open.mofDivCode());
        if (reason == null) {
            throw InvalidInputException.of("REASON", "required", "is required");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Bypass closed = new Bypass(open.bypassId(), open.mofDivCode(), open.openedAt(), open.until(), open.reason(),
                open.openedBy(), now, actor, reason);
        if (!open.openAt(now) || !holds.closeBypass(closed, new AuditEntry(now, "GUARD_BYPASS_CLOSED",
                open.mofDivCode(), "GUARD_BYPASS", Long.toString(bypassId), actor, reason.text(),
                "until=" + open.until()))) {
            throw new ConflictException("bypass " + bypassId + " is no longer open");
        }
        sync.refreshBypasses();
        return closed;
    }

    private static void inScope(Actor actor, MofDivCode region) {
        if (!actor.scope().covers(region)) {
            throw new ForbiddenException("region " + region + " is outside your scope");
        }
    }

    private static void requireFinance(Actor actor, MofDivCode region) {
        if (!actor.has(Role.FINANCE)) {
            throw new ForbiddenException("only FINANCE opens and closes a bypass of the payment guard");
        }
        inScope(actor, region);
    }
}
