package io.jixiao.guard.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs the database work of payment checks — committing a HOLD, a strict read, reading a region's rules — on a few
 * threads of its own, so that a check waits for it only until its answer is due. Work still running then goes on
 * and ends by itself (a commit may still succeed); work that finds every thread busy and the queue full is not run.
 */
final class Bounded implements AutoCloseable {
    /** What became of the work by the deadline. */
    record Outcome<T>(T value, String failure) {
        boolean done() {
            return failure == null;
        }
    }

    private final ThreadPoolExecutor threads;

    /**
     * @param name the threads' name
     * @param threadCount threads at most (about the database connections the guard may use at once)
     * @param queued work waiting for a thread, at most
     */
    Bounded(String name, int threadCount, int queued) {
        AtomicInteger n = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(threadCount, threadCount, 60L, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queued), r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        threads.allowCoreThreadTimeOut(true);
    }

    /**
     * @param work what to run
     * @param deadline {@link System#nanoTime()} by which the caller must go on
     * @return its value, or why there is none by the deadline (not started, failed, still running)
     */
    <T> Outcome<T> call(Supplier<T> work, long deadline) {
        Future<T> future;
        try {
            future = threads.submit(work::get);
        } catch (RejectedExecutionException busy) {
            return new Outcome<>(null, "every database thread of the guard is busy");
        }
        try {
            return new Outcome<>(future.get(Math.max(0L, deadline - System.nanoTime()), TimeUnit.NANOSECONDS), null);
        } catch (TimeoutException late) {
            return new Outcome<>(null, "the database did not answer within the check's budget");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            String unavailable = io.jixiao.api.call.StoreUnavailable.reason(cause);
            return new Outcome<>(null, unavailable != null ? "the database cannot be reached: " + unavailable
                    : cause.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome<>(null, "interrupted");
        }
    }

    /** Runs work without waiting for it. @return whether it was accepted */
    boolean start(Runnable work) {
        try {
            threads.execute(work);
            return true;
        } catch (RejectedExecutionException busy) {
            return false;
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
