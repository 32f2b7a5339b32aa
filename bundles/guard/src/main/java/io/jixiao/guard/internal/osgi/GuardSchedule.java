package io.jixiao.guard.internal.osgi;

import io.jixiao.guard.internal.GuardConfiguration;
import io.jixiao.guard.internal.Bypasses;
import io.jixiao.guard.internal.ExemptClasses;
import io.jixiao.guard.internal.HoldSync;
import io.jixiao.guard.internal.ProjectKinds;
import io.jixiao.api.call.StoreUnavailable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the guard's parts in step on one thread: the hold index with the database (every sync interval; a load
 * while it has none), the open bypasses after the holds, and every reconcile interval the exempt classes, the
 * projects known as project expenditure and the whole index against the database.
 */
@Component(immediate = true, service = {}, configurationPid = GuardConfiguration.PID)
public final class GuardSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(GuardSchedule.class);

    private final HoldSync sync;
    private final Bypasses bypasses;
    private final ExemptClasses exempt;
    private final ProjectKinds kinds;
    private final ScheduledExecutorService syncing = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jixiao-hold-sync");
        t.setDaemon(true);
        return t;
    });
    /** Whether the last sync failed, so that a lasting failure is said once and its end once. */
    private volatile boolean failing;

    @Activate
    public GuardSchedule(GuardConfiguration config, @Reference HoldSync sync, @Reference Bypasses bypasses,
            @Reference ExemptClasses exempt, @Reference ProjectKinds kinds) {
        this.sync = sync;
        this.bypasses = bypasses;
        this.exempt = exempt;
        this.kinds = kinds;
        this.failing = !sync.loaded(); // the sync's first load said why
        syncing.execute(this::reconcileOnce); // the known projects, at once
        syncing.scheduleWithFixedDelay(this::syncOnce, config.sync_intervalMillis(), config.sync_intervalMillis(),
                TimeUnit.MILLISECONDS);
        syncing.scheduleWithFixedDelay(this::reconcileOnce, config.reconcileSeconds(), config.reconcileSeconds(),
                TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        syncing.shutdownNow();
    }

    private void syncOnce() {
        try {
            if (!sync.loaded()) {
                sync.loadAndSay();
                bypasses.refresh();
                failing = false;
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
                        + "held until it can", StoreUnavailable.describe(e));
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
}
