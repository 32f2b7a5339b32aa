package io.jixiao.monitoring.internal;

import io.jixiao.store.DecisionRecord;
import io.jixiao.store.DecisionRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records decisions that do not block money off the check path: callers enqueue, one writer thread writes
 * batches. A batch is written when it reaches the batch size or when its first decision has waited the flush
 * interval, whichever comes first.
 * A failed write is retried with backoff and never dropped; a full queue makes callers wait (back-pressure)
 * rather than lose records. {@link #close()} writes what is left.
 */
public final class DecisionJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionJournal.class);
    private static final long MAX_BACKOFF_MILLIS = 5_000L;
    /** How often a gathering writer looks at the queue again. */
    private static final long LINGER_TICK_MILLIS = 10L;

    private final DecisionRepository repository;
    private final BlockingQueue<DecisionRecord> queue;
    private final int batchSize;
    private final long flushIntervalMillis;
    private final Duration closeTimeout;
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private volatile boolean closing;

    public DecisionJournal(DecisionRepository repository, int capacity, int batchSize, Duration flushInterval,
            Duration closeTimeout) {
        if (capacity < 1 || batchSize < 1 || flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("capacity, batch size and flush interval must be positive");
        }
        this.repository = repository;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.flushIntervalMillis = flushInterval.toMillis();
        this.closeTimeout = closeTimeout;
        this.writer = new Thread(this::run, "jixiao-decision-journal");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Enqueues a decision; waits while the queue is full.
     *
     * @param record the decision
     */
    public void append(DecisionRecord record) {
        if (closing) {
            throw new IllegalStateException("decision journal is closed");
        }
        if (queue.offer(record)) {
            return;
        }
        try {
            queue.put(record);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the decision journal was full", e);
        }
    }

    /**
     * @return decisions accepted but not yet written
     */
    public int pending() {
        return queue.size();
    }

    /**
     * @return decisions written since start
     */
    public long written() {
        return written.get();
    }

    private void run() {
        List<DecisionRecord> batch = new ArrayList<>(batchSize);
        while (!closing || !queue.isEmpty()) {
            try {
                DecisionRecord first = queue.poll(flushIntervalMillis, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                fill(batch, System.nanoTime() + flushIntervalMillis * 1_000_000L);
                writeWithRetry(batch);
                batch.clear();
            } catch (InterruptedException e) {
                if (!closing) {
                    LOG.warn("decision journal writer interrupted; {} decisions pending", queue.size() + batch.size());
                }
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Gathers a batch: up to the batch size, waiting no longer than the flush interval after its first decision.
     * The writer sleeps while it waits instead of waking for each decision, so under steady load a batch and its
     * commit serve many checks, and a check's enqueue wakes nobody.
     */
    private void fill(List<DecisionRecord> batch, long deadline) throws InterruptedException {
        while (true) {
            queue.drainTo(batch, batchSize - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= batchSize || left <= 0 || closing) {
                return;
            }
            Thread.sleep(Math.max(1L, Math.min(LINGER_TICK_MILLIS, left / 1_000_000L)));
        }
    }

    private void writeWithRetry(List<DecisionRecord> batch) throws InterruptedException {
        long backoff = 100L;
        while (true) {
            try {
                repository.recordAll(batch);
                written.addAndGet(batch.size());
                return;
            } catch (RuntimeException e) {
                LOG.warn("writing {} decisions failed, retrying in {} ms: {}", batch.size(), backoff, e.toString());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /** Stops accepting decisions and waits (up to the close timeout) until every accepted one is written. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(closeTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            writer.interrupt();
            LOG.error("decision journal closed with {} decisions not written (database unavailable)", queue.size());
        }
    }
}
