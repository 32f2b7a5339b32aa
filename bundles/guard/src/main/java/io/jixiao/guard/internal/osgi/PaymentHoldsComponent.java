package io.jixiao.guard.internal.osgi;

import io.jixiao.api.hook.PaymentApplication;
import io.jixiao.api.hook.PaymentDecision;
import io.jixiao.api.hook.PaymentGuard;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.Reason;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldService;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.guard.internal.DecisionJournal;
import io.jixiao.guard.internal.DecisionSpool;
import io.jixiao.guard.internal.HoldIndex;
import io.jixiao.guard.internal.HoldRegistry;
import io.jixiao.guard.internal.HoldSync;
import io.jixiao.guard.internal.PaymentGuardEngine;
import io.jixiao.store.DecisionRepository;
import io.jixiao.store.HoldRepository;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the hold service and the payment-guard hook, which share one hold index. The index is loaded
 * from the database before either service is registered.
 */
@Component(configurationPid = PaymentHoldsComponent.PID, service = {PaymentGuard.class, HoldService.class,
    io.jixiao.api.service.PaymentGuardAdmin.class})
@Designate(ocd = GuardConfiguration.class)
public final class PaymentHoldsComponent implements PaymentGuard, HoldService,
        io.jixiao.api.service.PaymentGuardAdmin {
    static final String PID = "io.jixiao.monitoring.guard";
    private static final Logger LOG = LoggerFactory.getLogger(PaymentHoldsComponent.class);

    private final DecisionJournal journal;
    private final HoldRegistry registry;
    private final PaymentGuardEngine guard;
    private final HoldSync sync;
    private final io.jixiao.guard.internal.GuardAdmin admin;
    private final io.jixiao.guard.internal.Bypasses bypasses;
    private final io.jixiao.guard.internal.ProjectKinds kinds;
    private final io.jixiao.guard.internal.ExemptClasses exempt;
    private final java.util.concurrent.ScheduledExecutorService syncing;

    @Activate
    public PaymentHoldsComponent(GuardConfiguration config, @Reference HoldRepository holds,
            @Reference io.jixiao.store.BypassRepository bypassStore, @Reference DecisionRepository decisions, @Reference io.jixiao.store.GoalRepository goals,
            @Reference io.jixiao.api.goal.GoalRuleService ruleService, @Reference io.jixiao.store.AuditTrail audit,
            BundleContext context) {
        Clock clock = Clock.systemUTC();
        HoldIndex index = new HoldIndex();
        this.registry = new HoldRegistry(holds, index, clock);
        this.sync = new HoldSync(holds, index, clock, Duration.ofMillis(config.gapTimeoutMillis()));
        boolean strict = config.consistency() == GuardConfiguration.Consistency.STRICT;
        this.journal = new DecisionJournal(decisions, new DecisionSpool(spoolDirectory(config, context),
                config.journal_segmentBytes(), config.journal_maxSegments()), config.journal_batchSize(),
                Duration.ofMillis(config.journal_flushIntervalMillis()),
                Duration.ofMillis(config.journal_closeTimeoutMillis()));
        this.guard = new PaymentGuardEngine(index, decisions, journal, clock, sync, strict,
                Duration.ofMillis(config.staleAfterMillis()), Duration.ofMillis(Math.max(1, config.answerBudgetMillis())));
        this.kinds = new io.jixiao.guard.internal.ProjectKinds(goals);
        guard.checkDeclaredKinds(kinds);
        Actor rulesReader = Actor.system("payment-guard");
        this.exempt = new io.jixiao.guard.internal.ExemptClasses((region, year) -> {
            io.jixiao.api.goal.RuleSetView view = ruleService.rules(region, year, rulesReader);
            return io.jixiao.api.monitoring.MonitoringRules.parse(view.version(), view.rules());
        });
        guard.exemptClasses(exempt);
        this.bypasses = new io.jixiao.guard.internal.Bypasses(bypassStore, clock);
        guard.bypasses(bypasses);
        this.admin = new io.jixiao.guard.internal.GuardAdmin(sync, bypasses, index, guard, journal,
                config.consistency().name(), Duration.ofMillis(config.staleAfterMillis()), clock, audit::chainBreak);
        this.syncing = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jixiao-hold-sync");
            t.setDaemon(true);
            return t;
        });
        load();
        syncing.execute(this::reconcileOnce); // the known projects, at once
        syncing.scheduleWithFixedDelay(this::syncOnce, config.sync_intervalMillis(), config.sync_intervalMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        syncing.scheduleWithFixedDelay(this::reconcileOnce, config.reconcileSeconds(), config.reconcileSeconds(),
                java.util.concurrent.TimeUnit.SECONDS);
        LOG.info("Payment guard consistency {} (sync every {} ms, fail-safe after {} ms, answers within {} ms)",
                config.consistency(), config.sync_intervalMillis(), config.staleAfterMillis(),
                config.answerBudgetMillis());
    }

    /** Loads the index; until it is loaded the guard holds project payments fail-safe and keeps trying. */
    private void load() {
        try {
            int loaded = sync.load();
            bypasses.refresh();
            LOG.info("Payment guard ready: {} active holds loaded", loaded);
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.error("Payment guard cannot load the holds ({}); project payments are held until it can (trying "
                        + "again every sync interval)", e.toString());
            }
        }
    }

    private volatile boolean failing;

    private void syncOnce() {
        try {
            if (!sync.loaded()) {
                load();
                return;
            }
            sync.poll();
            bypasses.refresh(); // after the holds: a bypass lets money through rather than stops it
            if (failing) {
                failing = false;
                LOG.info("Payment guard back in step with the database");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn("Payment guard cannot read hold changes ({}); after the stale bound project payments are "
                        + "held until it can", io.jixiao.store.StoreUnavailable.describe(e));
            }
        }
    }

    private void reconcileOnce() {
        exempt.refresh();
        try {
            kinds.reload();
        } catch (RuntimeException e) {
            LOG.warn("Reading the projects known as project expenditure failed; will retry: {}", e.toString());
        }
        try {
            int repaired = sync.reconcile();
            if (repaired > 0) {
                LOG.warn("Payment guard index repaired {} entries against the database", repaired);
            }
        } catch (RuntimeException e) {
            LOG.warn("Payment guard reconciliation failed; will retry: {}", e.toString());
        }
    }

    private static Path spoolDirectory(GuardConfiguration config, BundleContext context) {
        String configured = config.journal_directory().strip();
        if (!configured.isEmpty()) {
            return Path.of(configured);
        }
        File dataArea = context.getDataFile("decision-spool");
        if (dataArea == null) {
            throw new IllegalStateException("the framework gives this bundle no data area; set journal.directory of "
                    + PID + " to a directory on a persistent local disk");
        }
        return dataArea.toPath();
    }

    @Deactivate
    void deactivate() {
        syncing.shutdownNow();
        guard.close();
        journal.close();
        LOG.info("Payment guard stopped; {} PASS decisions written", journal.written());
    }

    @Override
    public PaymentDecision check(PaymentApplication application, Actor actor) {
        return guard.check(application, actor);
    }

    @Override
    public Hold place(HoldTarget target, HoldKind kind, Reason reason, Actor actor) {
        return registry.place(target, kind, reason, actor);
    }

    @Override
    public Hold release(long holdId, Reason reason, Actor actor) {
        return registry.release(holdId, reason, actor);
    }

    @Override
    public Optional<Hold> find(long holdId) {
        return registry.find(holdId);
    }

    @Override
    public List<Hold> activeHolds(HoldTarget target) {
        return registry.activeHolds(target);
    }

    @Override
    public Optional<Hold> find(long holdId, Actor actor) {
        return registry.find(holdId, actor);
    }

    @Override
    public List<Hold> activeHolds(HoldTarget target, Actor actor) {
        return registry.activeHolds(target, actor);
    }

    @Override
    public io.jixiao.api.service.GuardState state(io.jixiao.api.model.MofDivCode mofDivCode, Actor actor) {
        return admin.state(mofDivCode, actor);
    }

    @Override
    public io.jixiao.api.service.Bypass openBypass(io.jixiao.api.model.MofDivCode mofDivCode,
            java.time.Instant until, Reason reason, Actor actor) {
        return admin.openBypass(mofDivCode, until, reason, actor);
    }

    @Override
    public io.jixiao.api.service.Bypass closeBypass(long bypassId, Reason reason, Actor actor) {
        return admin.closeBypass(bypassId, reason, actor);
    }
}
