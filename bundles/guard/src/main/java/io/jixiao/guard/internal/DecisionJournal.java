package io.jixiao.guard.internal;

import io.jixiao.store.DecisionRecord;
import io.jixiao.store.DecisionRepository;
import io.jixiao.store.JournaledDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records decisions off the check path: a check appends its decision to the node's
 * {@link DecisionSpool} (memory-mapped, so it survives the JVM dying once the append returns) and one writer thread
 * ships the spool to the database in batches. A batch is written when it reaches the batch size or when its first
 * decision has waited the flush interval, whichever comes first; then it is marked shipped in the spool.
 * A failed write is retried with backoff and never dropped; a full spool makes checks wait (back-pressure).
 * Decisions the writer could not ship before {@link #close()} gave up stay in the spool and are shipped at the next
 * start, as are those of a run that died; keys make a batch shipped twice count once.
 *
 * <p>A HOLD comes here too, under its key, when the check could not commit it within its answer budget: the journal
 * writes it with its audit row in one transaction, unless the check's own write got there first (the key again).
 */
@Component(service = DecisionJournal.class, immediate = true, configurationPid = GuardConfiguration.PID)
public final class DecisionJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionJournal.class);
    private static final long MAX_BACKOFF_MILLIS = 5_000L;
    /** How often a gathering writer looks at the spool again. */
    private static final long LINGER_TICK_MILLIS = 10L;

    private final DecisionRepository repository;
    private final DecisionSpool spool;
    private final int batchSize;
    private final long flushIntervalNanos;
    private final Duration closeTimeout;
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    /** When the oldest decision read but not yet written was decided, or null. */
    private volatile Instant oldestUnwritten;
    private volatile boolean closing;

    /**
     * Starts the writer, which first ships what an earlier run left in the spool.
     *
     * @param repository where decisions are written
     * @param spool the node's spool; the journal closes it
     * @param batchSize decisions per write, at most
     * @param flushInterval longest wait of a decision before its batch is written; also how often the spool's
     *        pages are written to disk
     * @param closeTimeout how long {@link #close()} waits for the spool to be shipped
     */
    /** The component: this node's spool in its configured place, shipped as configured. */
    @Activate
    public DecisionJournal(GuardConfiguration config, @Reference DecisionRepository repository,
            @Reference SpoolArea area) {
        this(repository, new DecisionSpool(area.directory(), config.journal_segmentBytes(),
                config.journal_maxSegments()), config.journal_batchSize(),
                Duration.ofMillis(config.journal_flushIntervalMillis()),
                Duration.ofMillis(config.journal_closeTimeoutMillis()));
    }

    @Deactivate
    void deactivate() {
        close();
        LOG.info("Payment guard stopped; {} PASS decisions written", written());
    }

    public DecisionJournal(DecisionRepository repository, DecisionSpool spool, int batchSize, Duration flushInterval,
            Duration closeTimeout) {
        if (batchSize < 1 || flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("batch size and flush interval must be positive");
        }
        this.repository = repository;
        this.spool = spool;
        this.batchSize = batchSize;
        this.flushIntervalNanos = flushInterval.toNanos();
        this.closeTimeout = closeTimeout;
        this.writer = new Thread(this::run, "jixiao-decision-journal");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Appends a decision to the spool; waits while the spool is full. When this returns the decision outlives the
     * JVM.
     *
     * @param record the decision
     * @throws IllegalStateException once the journal is closed (the spool refuses appends)
     */
    public void append(DecisionRecord record) {
        spool.append(record);
    }

    /**
     * Appends a HOLD, unless the spool stays full or closed for longer than {@code wait}. When this returns a key,
     * the HOLD and its audit row will be written (by whoever commits the key first), even if the JVM dies.
     *
     * @param record the HOLD decision
     * @param wait how long to wait for room in the spool
     * @return its key, or {@code null} if the spool did not take it
     */
    public String offer(DecisionRecord record, Duration wait) {
        return spool.offer(record, wait);
    }

    /**
     * @return bytes of decisions appended but not yet written to the database, roughly
     */
    public long unshippedBytes() {
        return spool.unshippedBytes();
    }

    /**
     * @param now the time to measure from
     * @return how long the oldest decision not yet written has waited, or null when the writer has none in hand
     *         (decisions appended in the last few milliseconds may not be read yet)
     */
    public Duration lag(Instant now) {
        Instant oldest = oldestUnwritten;
        return oldest == null ? null : Duration.between(oldest, now);
    }

    /**
     * @return decisions written since start (incl. those an earlier run left in the spool)
     */
    public long written() {
        return written.get();
    }

    private void run() {
        DecisionSpool.Position cursor = spool.start();
        List<JournaledDecision> batch = new ArrayList<>(batchSize);
        boolean replayed = false;
        long firstSeen = 0L;
        long lastSync = System.nanoTime();
        long pause = LINGER_TICK_MILLIS;
        while (true) {
            try {
                long now = System.nanoTime();
                if (now - lastSync >= flushIntervalNanos) { // also under steady load, when every batch is due at once
                    lastSync = now;
                    spool.sync();
                    spool.prepare();
                }
                DecisionSpool.Read read = spool.read(cursor, batchSize - batch.size());
                if (batch.isEmpty() && !read.decisions().isEmpty()) {
                    firstSeen = System.nanoTime();
                    oldestUnwritten = read.decisions().get(0).record().decidedAt();
                }
                for (JournaledDecision d : read.decisions()) {
                    boolean held = !d.record().decision().passes();
                    batch.add(held ? new JournaledDecision(d.key(), d.record(), Audit.held(d.record())) : d);
                    // the check that spooled a HOLD may have committed it under the same key
                    replayed |= held;
                }
                replayed |= read.replayed();
                cursor = read.next();
                boolean due = batch.size() >= batchSize
                        || !batch.isEmpty() && (closing || System.nanoTime() - firstSeen >= flushIntervalNanos);
                if (due) {
                    writeWithRetry(batch, replayed);
                    spool.shipped(cursor);
                    written.addAndGet(batch.size());
                    batch.clear();
                    replayed = false;
                    oldestUnwritten = null;
                    pause = LINGER_TICK_MILLIS;
                    continue;
                }
                if (batch.isEmpty()) {
                    spool.shipped(cursor); // nothing in hand: all before the cursor is written (frees segments passed)
                }
                if (closing && batch.isEmpty() && spool.drained(cursor)) {
                    return;
                }
                Thread.sleep(LINGER_TICK_MILLIS);
            } catch (InterruptedException e) {
                if (!closing) {
                    LOG.warn("decision journal writer interrupted; unshipped decisions stay in the spool");
                }
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // the writer must not die: checks would fill the spool and then wait for ever
                LOG.error("decision journal writer failed; trying again in {} ms", pause, e);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = Math.min(pause * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /**
     * Writes a batch. Decisions read from this run's segments for the first time cannot be in the database yet and
     * are inserted without asking; a batch from an earlier run's segment, and every retry (a failed commit may have
     * been applied), skip the keys already written.
     */
    private void writeWithRetry(List<JournaledDecision> batch, boolean replayed) throws InterruptedException {
        long backoff = 100L;
        // a HOLD is offered here and committed by its check within the answer budget, so a batch with one asks
        boolean mayBeWritten = replayed || batch.stream().anyMatch(d -> d.audit() != null);
        int failures = 0;
        long firstFailure = 0L;
        while (true) {
            try {
                if (mayBeWritten) {
                    int added = repository.recordOnce(batch);
                    // HOLDs are mostly in already: their checks committed them within the answer budget
                    long held = batch.stream().filter(d -> d.audit() != null).count();
                    if (batch.size() - added > held) {
                        LOG.info("{} of {} decisions were in the database already (shipped before a crash or an "
                                + "unconfirmed commit); written once", batch.size() - added, batch.size());
                    }
                } else {
                    repository.recordNew(batch);
                }
                if (failures > 0) {
                    LOG.info("decision journal writes again: {} decisions written after {} failed attempts in {} s",
                            batch.size(), failures, (System.nanoTime() - firstFailure) / 1_000_000_000L);
                }
                return;
            } catch (RuntimeException e) {
                mayBeWritten = true;
                if (failures++ == 0) {
                    firstFailure = System.nanoTime();
                    LOG.warn("writing {} decisions failed, retrying with a growing pause (up to {} ms) until the "
                            + "database takes them; they stay in the spool: {}", batch.size(), MAX_BACKOFF_MILLIS,
                            io.jixiao.api.call.StoreUnavailable.describe(e));
                } else {
                    LOG.debug("writing {} decisions failed again, retrying in {} ms", batch.size(), backoff, e);
                }
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /**
     * Stops accepting decisions and waits (up to the close timeout) until every accepted one is written; what the
     * database did not take by then stays in the spool for the next start.
     */
    @Override
    public void close() {
        spool.refuseAppends(); // first: appends under way finish, none begins, before the writer may see the end
        closing = true;
        try {
            writer.join(closeTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            writer.interrupt();
            try {
                writer.join(closeTimeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("decision journal closed with about {} bytes of decisions not written (database unavailable); "
                    + "they stay in the spool and are written at the next start", spool.unshippedBytes());
        }
        spool.close();
    }
}
