package io.jixiao.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One measured step of a benchmark: its time, the heap pools' peak (garbage included), and the most heap left after
 * a collection while it ran (the live set, which is what must stay flat as the work grows).
 *
 * @param ms wall time
 * @param peakMb the heap pools' peak usage
 * @param liveMb the largest heap in use right after a collection
 * @param result what the step answered
 */
public record Measured(long ms, long peakMb, long liveMb, Object result) {

    /** A step's work. */
    public interface Work {
        Object run() throws Exception;
    }

    /** Runs the work after a collection, sampling the heap every 20 ms. */
    public static Measured run(Work work) throws Exception {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        long[] live = {0};
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                long afterGc = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                        afterGc += pool.getCollectionUsage().getUsed();
                    }
                }
                live[0] = Math.max(live[0], afterGc);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long start = System.nanoTime();
        Object result = work.run();
        long ms = (System.nanoTime() - start) / 1_000_000;
        running.set(false);
        sampler.join();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return new Measured(ms, peak / (1024 * 1024), live[0] / (1024 * 1024), result);
    }
}
