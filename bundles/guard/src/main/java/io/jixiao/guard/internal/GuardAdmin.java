package io.jixiao.guard.internal;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Role;
import io.jixiao.api.service.Bypass;
import io.jixiao.api.service.GuardState;
import io.jixiao.api.service.PaymentGuardAdmin;
import io.jixiao.store.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The guard's state for a region, and the emergency bypass ({@link Bypasses}): opened and closed by finance, audited. */
@Component(service = PaymentGuardAdmin.class, immediate = true, configurationPid = GuardConfiguration.PID)
public final class GuardAdmin implements PaymentGuardAdmin {
    private final HoldSync sync;
    private final Bypasses bypasses;
    private final HoldIndex index;
    private final PaymentGuardEngine guard;
    private final DecisionJournal journal;
    private final String consistency;
    private final Duration staleAfter;
    private final Clock clock;
    private final java.util.function.Function<MofDivCode, java.util.Optional<String>> chainBreak;

    @Activate
    public GuardAdmin(GuardConfiguration config, @Reference HoldSync sync, @Reference Bypasses bypasses,
            @Reference PaymentGuardEngine guard, @Reference DecisionJournal journal, @Reference AuditTrail audit) {
        this(sync, bypasses, sync.index(), guard, journal, config.consistency().name(),
                Duration.ofMillis(config.staleAfterMillis()), Clock.systemUTC(), audit::chainBreak);
    }

    public GuardAdmin(HoldSync sync, Bypasses bypasses, HoldIndex index, PaymentGuardEngine guard,
            DecisionJournal journal, String consistency, Duration staleAfter, Clock clock) {
        this(sync, bypasses, index, guard, journal, consistency, staleAfter, clock,
                region -> java.util.Optional.empty());
    }

    /** @param chainBreak what is known to be wrong with a region's audit chain (the store's last finding) */
    public GuardAdmin(HoldSync sync, Bypasses bypasses, HoldIndex index, PaymentGuardEngine guard,
            DecisionJournal journal, String consistency, Duration staleAfter, Clock clock,
            java.util.function.Function<MofDivCode, java.util.Optional<String>> chainBreak) {
        this.chainBreak = chainBreak;
        this.sync = sync;
        this.bypasses = bypasses;
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
        Bypasses.inScope(actor, mofDivCode);
        Duration age = sync.age();
        Duration lag = journal.lag(clock.instant());
        String untrusted = guard.untrustedReason();
        return new GuardState(consistency, sync.loaded(), untrusted == null, age == null ? null : age.toMillis(),
                sync.lastSync(), sync.applied(), index.targets(), staleAfter.toMillis(),
                bypasses.of(mofDivCode.value()), lag == null ? null : Math.max(0L, lag.toMillis()),
                journal.unshippedBytes(), chainBreak.apply(mofDivCode).orElse(null), untrusted);
    }

    @Override
    public Bypass openBypass(MofDivCode mofDivCode, Instant until, Reason reason, Actor actor) {
        return bypasses.open(mofDivCode, until, reason, actor);
    }

    @Override
    public Bypass closeBypass(long bypassId, Reason reason, Actor actor) {
        return bypasses.close(bypassId, reason, actor);
    }
}
