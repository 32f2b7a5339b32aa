package io.jixiao.monitoring.internal;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.monitoring.MonitoringRules;
import io.jixiao.api.monitoring.RoundSchedule;
import io.jixiao.store.MonitoringRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's round worker: one thread that claims runnable rounds (queued ones, and running ones whose lease ran
 * out: their node stopped renewing it) and runs them one after another; on every tick it also starts the scheduled
 * rounds that are due in the configured regions. While a round runs, a second thread renews its lease every third
 * of it; every half lease the worker looks for rounds to take over. Every node of a cluster runs a worker; the
 * database decides which node gets a round.
 */
public final class RoundWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RoundWorker.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final MonitoringRepository repository;
    private final RoundRunner runner;
    private final String node;
    private final Duration lease;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final ScheduledExecutorService heartbeat;
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final Set<String> scheduledKnown = ConcurrentHashMap.newKeySet();
    private volatile Monitoring monitoring;
    private volatile List<MofDivCode> regions = List.of();
    private volatile BiFunction<MofDivCode, FiscalYear, MonitoringRules> rules;

    RoundWorker(MonitoringRepository repository, RoundRunner runner, String node, Duration lease, Clock clock) {
        this.repository = repository;
        this.runner = runner;
        this.node = node;
        this.lease = lease;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jixiao-monitoring-rounds");
            t.setDaemon(true);
            return t;
        });
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jixiao-monitoring-lease");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts ticking.
     *
     * @param service where scheduled rounds are started
     * @param scheduledRegions the regions whose scheduled rounds this cluster runs
     * @param regionRules the rules in force for a region and year
     * @param tick how often to look for due schedules and stalled rounds
     */
    void start(Monitoring service, List<MofDivCode> scheduledRegions,
            BiFunction<MofDivCode, FiscalYear, MonitoringRules> regionRules, Duration tick) {
        configure(service, scheduledRegions, regionRules);
        executor.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        long scan = Math.max(1_000, lease.toMillis() / 2);
        executor.scheduleWithFixedDelay(this::drain, scan, scan, TimeUnit.MILLISECONDS);
    }

    /** Sets what the ticks work with, without ticking (tests drive {@link #startDueSchedules} by hand). */
    void configure(Monitoring service, List<MofDivCode> scheduledRegions,
            BiFunction<MofDivCode, FiscalYear, MonitoringRules> regionRules) {
        this.monitoring = service;
        this.regions = List.copyOf(scheduledRegions);
        this.rules = regionRules;
    }

    /** Asks the worker to look for runnable rounds now (a round was started or resumed). */
    void kick() {
        if (drainQueued.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    drainQueued.set(false);
                    drain();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                drainQueued.set(false); // the node is stopping: another node, or this one restarted, runs the round
            }
        }
    }

    private void tick() {
        try {
            startDueSchedules();
        } catch (RuntimeException e) {
            LOG.warn("Starting scheduled monitoring rounds failed; will retry on the next tick: {}", e.toString());
        }
        drain();
    }

    void startDueSchedules() {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        FiscalYear year = FiscalYear.of(today.getYear());
        for (MofDivCode region : regions) {
            for (RoundSchedule schedule : rules.apply(region, year).rounds()) {
                String key = region.value() + "/" + year.value() + "/" + schedule.cutOffIn(year.value());
                if (!today.isBefore(schedule.dueIn(year.value())) && scheduledKnown.add(key)) {
                    monitoring.startScheduled(region, year, schedule).ifPresent(round -> LOG.info(
                            "Scheduled monitoring round {} started for {} {} to {}", round.id(), region, year.value(),
                            round.cutOff()));
                }
            }
        }
    }

    /** Claims and runs rounds until none is left to claim. */
    void drain() {
        try {
            while (true) {
                Instant now = clock.instant();
                List<Long> runnable = repository.runnable(now.minus(lease));
                boolean ran = false;
                for (long id : runnable) {
                    if (repository.claim(id, node, clock.instant(), clock.instant().minus(lease))) {
                        runLeased(id);
                        ran = true;
                    }
                }
                if (!ran) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Monitoring round worker: {}; will retry on the next tick",
                    io.jixiao.api.call.StoreUnavailable.describe(e));
        }
    }

    /** Runs a claimed round while renewing its lease; a renewal the database refuses tells the runner to stop. */
    private void runLeased(long roundId) {
        AtomicBoolean lost = new AtomicBoolean();
        long every = Math.max(100, lease.toMillis() / 3);
        java.util.concurrent.ScheduledFuture<?> renewing = heartbeat.scheduleWithFixedDelay(() -> {
            try {
                if (!repository.renew(roundId, node, clock.instant())) {
                    lost.set(true);
                }
            } catch (RuntimeException e) {
                LOG.warn("Monitoring round {}: renewing its lease failed: {}", roundId, e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        try {
            runner.run(roundId, node, lost::get);
        } finally {
            renewing.cancel(false);
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return this node's name, as its claims record it */
    public String node() {
        return node;
    }
}
