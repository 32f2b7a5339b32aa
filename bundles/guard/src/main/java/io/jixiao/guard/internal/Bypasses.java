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
import io.jixiao.store.AuditEntry;
import io.jixiao.store.BypassRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The emergency bypass (docs/payment-guard.md): finance opens it for a region for at most 72 hours, and the region's
 * payments pass whatever holds they carry until it ends or is closed; both audited. The open bypasses of every
 * region are kept in memory, read again every sync and at once after one is opened or closed, so that the guard's
 * check asks {@link #of} without a database read.
 */
@Component(service = Bypasses.class, immediate = true)
public final class Bypasses {
    /** The longest a bypass may stay open. */
    static final Duration MAX_BYPASS = Duration.ofHours(72);

    private final BypassRepository store;
    private final Clock clock;
    private final Object reads = new Object();
    private volatile Map<String, Bypass> open = Map.of();

    /** The component: reads the open bypasses once if it can; {@code GuardSchedule} reads them after each sync. */
    @Activate
    public Bypasses(@Reference BypassRepository store) {
        this(store, Clock.systemUTC());
        try {
            refresh();
        } catch (RuntimeException e) {
            // the database is not answering: the next sync reads them, and a check meanwhile finds none open
        }
    }

    public Bypasses(BypassRepository store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Reads the open bypasses (a handful of rows). One read at a time: a background read that began before a bypass
     * was committed must not finish after the read made for it and put back what it saw (the bypass would answer
     * 201 and not apply until the next sync).
     */
    public void refresh() {
        synchronized (reads) {
            Map<String, Bypass> now = new HashMap<>();
            for (Bypass b : store.openBypasses(clock.instant())) {
                now.put(b.mofDivCode().value(), b);
            }
            open = Map.copyOf(now);
        }
    }

    /**
     * @param region a region code
     * @return its open bypass as last read, if it is open now
     */
    public Bypass of(String region) {
        Bypass b = open.get(region);
        return b != null && b.openAt(clock.instant()) ? b : null;
    }

    /** Opens a region's bypass until {@code until}: finance only, one at a time per region. */
    public Bypass open(MofDivCode mofDivCode, Instant until, Reason reason, Actor actor) {
        requireFinance(actor, mofDivCode);
        if (reason == null) {
            throw InvalidInputException.of("REASON", "required", "is required");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (until == null || !until.isAfter(now) || until.isAfter(now.plus(MAX_BYPASS))) {
            throw InvalidInputException.of("UNTIL", "window", "must lie after now and at most "
                    + MAX_BYPASS.toHours() + " hours ahead");
        }
        if (store.openBypasses(now).stream().anyMatch(b -> b.mofDivCode().equals(mofDivCode))) {
            throw new ConflictException("region " + mofDivCode + " already has an open bypass");
        }
        Bypass bypass = new Bypass(store.nextBypassId(), mofDivCode, now, until.truncatedTo(ChronoUnit.MILLIS), reason,
                actor, null, null, null);
        store.insertBypass(bypass, new AuditEntry(now, "GUARD_BYPASS_OPENED", mofDivCode, "GUARD_BYPASS",
                Long.toString(bypass.bypassId()), actor, reason.text(), "until=" + bypass.until()));
        refresh();
        return bypass;
    }

    /** Closes an open bypass before its end: finance only. */
    public Bypass close(long bypassId, Reason reason, Actor actor) {
        Bypass open = store.findBypass(bypassId).filter(b -> actor.scope().covers(b.mofDivCode()))
                .orElseThrow(() -> new NotFoundException("no bypass " + bypassId));
        requireFinance(actor, open.mofDivCode());
        if (reason == null) {
            throw InvalidInputException.of("REASON", "required", "is required");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Bypass closed = new Bypass(open.bypassId(), open.mofDivCode(), open.openedAt(), open.until(), open.reason(),
                open.openedBy(), now, actor, reason);
        if (!open.openAt(now) || !store.closeBypass(closed, new AuditEntry(now, "GUARD_BYPASS_CLOSED",
                open.mofDivCode(), "GUARD_BYPASS", Long.toString(bypassId), actor, reason.text(),
                "until=" + open.until()))) {
            throw new ConflictException("bypass " + bypassId + " is no longer open");
        }
        refresh();
        return closed;
    }

    private static void requireFinance(Actor actor, MofDivCode region) {
        if (!actor.has(Role.FINANCE)) {
            throw new ForbiddenException("only FINANCE opens and closes a bypass of the payment guard");
        }
        inScope(actor, region);
    }

    /** Refuses a region outside the actor's scope; the guard's state asks the same. */
    static void inScope(Actor actor, MofDivCode region) {
        if (!actor.scope().covers(region)) {
            throw new ForbiddenException("region " + region + " is outside your scope");
        }
    }
}
