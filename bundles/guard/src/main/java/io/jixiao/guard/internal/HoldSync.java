package io.jixiao.guard.internal;

import io.jixiao.api.service.Hold;
import io.jixiao.store.HoldRepository.HoldChange;
import io.jixiao.store.HoldRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's hold index in step with the database, where every node writes its holds and the change log
 * (JX_HOLD_CHANGE) numbers each placement and release in its transaction.
 *
 * <p>{@link #poll} reads the changes after the last number it knows to be complete and applies each hold as it is now
 * (active: indexed; released: removed), so applying a change twice or late does no harm. Numbers are handed out
 * before commit, so a smaller number may commit after a larger one: a missing number is a gap, and the sync does not
 * move past it until it appears or {@code gapTimeout} passes (a rolled-back or cached-away number never appears).
 * Changes after a gap are applied at once anyway and read again until the gap closes.
 *
 * <p>{@link #ensureCurrent} is the strict mode's check: one read of the last committed number, and a poll if it is
 * beyond what this node has applied. {@link #reconcile} compares the whole index with the active holds.
 */
@Component(service = HoldSync.class, immediate = true, configurationPid = GuardConfiguration.PID)
@Designate(ocd = GuardConfiguration.class)
public final class HoldSync {
    private static final Logger LOG = LoggerFactory.getLogger(HoldSync.class);
    private static final int PAGE = 10_000;

    private final HoldRepository holds;
    private final HoldIndex index;
    private final Clock clock;
    private final Duration gapTimeout;
    private final Map<Long, Instant> gaps = new HashMap<>();
    private long applied;
    private volatile Instant lastSync;
    private volatile boolean loaded;

    /**
     * The component: the node's hold index, loaded once before the guard that reads it is published (a new index
     * each time the store comes back); if the database does not answer, the guard holds project payments fail-safe
     * and {@code GuardSchedule} keeps trying.
     */
    @Activate
    public HoldSync(GuardConfiguration config, @Reference HoldRepository holds) {
        this(holds, new HoldIndex(), Clock.systemUTC(), Duration.ofMillis(config.gapTimeoutMillis()));
        try {
            loadAndSay();
        } catch (RuntimeException e) {
            LOG.error("Payment guard cannot load the holds ({}); project payments are held until it can (trying "
                    + "again every sync interval)", e.toString());
        }
    }

    public HoldSync(HoldRepository holds, HoldIndex index, Clock clock, Duration gapTimeout) {
        this.holds = holds;
        this.index = index;
        this.clock = clock;
        this.gapTimeout = gapTimeout;
    }

    /**
     * Loads every active hold; the changes from then on are the poll's. Run before the guard trusts its index.
     *
     * @return the active holds loaded
     */
    /** Loads the index ({@link #load}) and says so: the guard is ready from here. */
    public void loadAndSay() {
        LOG.info("Payment guard ready: {} active holds loaded", load());
    }

    /** @return the index this sync keeps in step */
    public HoldIndex index() {
        return index;
    }

    public int load() {
        synchronized (index) { // the registry's own index changes take the same lock
            long from = holds.latestChange();
            int[] count = {0};
            holds.forEachActive(hold -> {
                index.add(hold);
                count[0]++;
            });
            applied = from;
            gaps.clear();
            loaded = true;
            lastSync = clock.instant();
            poll(); // what committed while loading
            return count[0];
        }
    }

    /**
     * Applies the committed changes this node has not applied.
     *
     * @return the changes read
     */
    public int poll() {
        synchronized (index) { // the registry's own index changes take the same lock
            if (!loaded) {
                return 0;
            }
            Instant started = clock.instant();
            int read = 0;
            long from = applied;
            while (true) {
                List<HoldChange> changes = holds.changesAfter(from, PAGE);
                for (HoldChange change : changes) {
                    apply(change.hold());
                }
                read += changes.size();
                advance(changes, started);
                if (changes.size() < PAGE) {
                    break;
                }
                from = changes.get(changes.size() - 1).seq();
            }
            lastSync = started;
            return read;
        }
    }

    /** Moves {@code applied} over the numbers seen, and over gaps older than the timeout. */
    private void advance(List<HoldChange> changes, Instant now) {
        boolean blocked = false;
        for (HoldChange change : changes) {
            long seq = change.seq();
            if (seq <= applied) {
                continue;
            }
            while (!blocked && applied + 1 < seq) {
                long gap = applied + 1;
                Instant since = gaps.computeIfAbsent(gap, g -> now);
                if (Duration.between(since, now).compareTo(gapTimeout) >= 0) {
                    gaps.remove(gap);
                    applied = gap; // never committed: rolled back, or lost to a sequence cache
                } else {
                    blocked = true;
                }
            }
            if (!blocked) {
                applied = seq;
                gaps.remove(seq);
            } else {
                gaps.remove(seq);
            }
        }
    }

    private void apply(Hold hold) {
        if (hold.isActive()) {
            index.add(hold);
        } else {
            index.remove(hold.target(), hold.holdId());
        }
    }

    /**
     * Strict mode: applies every change committed before this call.
     *
     * @throws RuntimeException if the database cannot be read
     */
    public void ensureCurrent() {
        Instant started = clock.instant();
        long latest = holds.latestChange();
        synchronized (index) {
            if (latest <= applied) {
                if (lastSync == null || started.isAfter(lastSync)) {
                    lastSync = started; // current as of the read: as good as a poll
                }
                return;
            }
        }
        poll();
    }

    /**
     * Compares the index with the active holds in the database and repairs it, without ever emptying it.
     *
     * @return the entries repaired
     */
    public int reconcile() {
        synchronized (index) { // the registry's own index changes take the same lock
            if (!loaded) {
                return 0;
            }
            Set<Long> active = new HashSet<>();
            int[] repaired = {0};
            holds.forEachActive(hold -> {
                active.add(hold.holdId());
                if (!index.contains(hold)) {
                    index.add(hold);
                    repaired[0]++;
                }
            });
            for (Hold hold : index.all()) {
                if (!active.contains(hold.holdId()) && !stillActiveElsewhere(hold)) {
                    index.remove(hold.target(), hold.holdId());
                    repaired[0]++;
                }
            }
            return repaired[0];
        }
    }

    /** A hold placed after the scan started is not in the scan: ask before removing it. */
    private boolean stillActiveElsewhere(Hold hold) {
        return holds.find(hold.holdId()).map(Hold::isActive).orElse(false);
    }

    /** @return whether the index was loaded */
    public boolean loaded() {
        return loaded;
    }

    /** @return when the index was last brought up to date, or {@code null} before it was loaded */
    public Instant lastSync() {
        return lastSync;
    }

    /** @return how old the index is: now minus the last successful sync; {@code null} before it was loaded */
    public Duration age() {
        Instant last = lastSync;
        return last == null ? null : Duration.between(last, clock.instant());
    }

    /** @return the last change number this node knows it has applied with all before it */
    public long applied() {
        synchronized (index) { // the registry's own index changes take the same lock
            return applied;
        }
    }
}
