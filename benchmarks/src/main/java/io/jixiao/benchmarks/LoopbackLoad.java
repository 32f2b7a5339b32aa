package io.jixiao.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop HTTP load on loopback for the adapter throughput tools: client threads each send one request after
 * the other for a fixed time; variants are measured in rounds that rotate their order (so that none always runs
 * first or last) and reported as a share of the first variant, the baseline.
 */
public final class LoopbackLoad {

    /** Builds the request a client thread sends as its {@code seq}-th. */
    @FunctionalInterface
    public interface Requests {
        HttpRequest request(int thread, long seq);
    }

    /** A named variant and the requests it sends. */
    public record Variant(String name, Requests requests) {
    }

    private final int threads;
    private final int seconds;
    private final int rounds;

    public LoopbackLoad(int threads, int seconds, int rounds) {
        this.threads = threads;
        this.seconds = seconds;
        this.rounds = rounds;
    }

    /**
     * Warms every variant up once, measures the rounds and prints the table.
     *
     * @param title what is measured
     * @param variants the baseline first
     */
    public void measure(String title, List<Variant> all) throws InterruptedException {
        // -Dbench.only=1,3 measures those variants alone (e.g. to profile one); shares are then of the first given
        String only = System.getProperty("bench.only");
        List<Variant> variants = only == null ? all : java.util.Arrays.stream(only.split(","))
                .map(i -> all.get(Integer.parseInt(i.trim()))).toList();
        // -Dbench.warmup=s warms each variant up that long (default: one measuring period); the JIT keeps compiling
        // well past a minute on two cores, more so for variants with more code behind them (a database)
        int warmup = Integer.getInteger("bench.warmup", seconds);
        for (Variant v : variants) {
            run(v.requests(), warmup);
        }
        List<List<long[]>> results = new ArrayList<>();
        variants.forEach(v -> results.add(new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < variants.size(); k++) {
                int v = (round + k) % variants.size();
                results.get(v).add(run(variants.get(v).requests(), seconds));
            }
        }
        System.out.printf("%s on loopback: %d client threads, %d rounds of %d s per variant after a warm-up of %d s "
                + "each, %d cores shared by client and server%n", title, threads, rounds, seconds, warmup,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-34s %14s %14s %8s %10s %10s %8s%n", "variant", "calls/s med", "(min–max)", "of base",
                "p50 ms", "p99 ms", "errors");
        double baseline = median(results.get(0));
        for (int v = 0; v < variants.size(); v++) {
            List<long[]> r = results.get(v);
            double[] rates = rates(r);
            long[] pooled = r.stream().flatMapToLong(x -> Arrays.stream(x, 2, x.length)).sorted().toArray();
            System.out.printf("%-34s %14.0f %6.0f–%-7.0f %7.0f%% %10.2f %10.2f %8d%n", variants.get(v).name(),
                    median(r), rates[0], rates[rates.length - 1], 100 * median(r) / baseline,
                    pooled[pooled.length / 2] / 1e6, pooled[(int) (pooled.length * 0.99)] / 1e6,
                    r.stream().mapToLong(x -> x[1]).sum());
        }
    }

    private double[] rates(List<long[]> runs) {
        return runs.stream().mapToDouble(x -> x[0] / (double) seconds).sorted().toArray();
    }

    private double median(List<long[]> runs) {
        double[] rates = rates(runs);
        return rates[rates.length / 2];
    }

    /** @return {calls, errors, latency ns...} */
    private long[] run(Requests requests, int seconds) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread worker = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                long seq = 0;
                while (System.nanoTime() < end) {
                    HttpRequest request = requests.request(id, seq++);
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, "HTTP " + response.statusCode());
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - start;
                }
                latencies[id] = mine;
                counts[id] = n;
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (firstError.get() != null) {
            System.out.println("  (" + errors.get() + " errors, the first: " + firstError.get() + ")");
        }
        int total = Arrays.stream(counts).sum();
        long[] out = new long[total + 2];
        out[0] = total;
        out[1] = errors.get();
        int at = 2;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, out, at, counts[t]);
            at += counts[t];
        }
        return out;
    }
}
