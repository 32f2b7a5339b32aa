package io.jixiao.store.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Role;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldStatus;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.benchmarks.H2Store;
import io.jixiao.benchmarks.PgStore;
import io.jixiao.store.AuditEntry;
import io.jixiao.api.call.IdempotencyRepository;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What durable answers cost (issue 22): holds placed — hold, change-log and audit rows in one transaction, as
 * {@code HoldService.place} writes them — by several threads for a while, on the embedded H2 with the write delay H2
 * has by default (500 ms: commits kept in memory, lost by a crash) and with the store's {@code WRITE_DELAY=0}, and
 * then as idempotent calls: key reserved, hold written in the call's unit of work, answer kept in the same commit.
 * The same two on PostgreSQL when it answers. Prints holds per second for each.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.jixiao.store.internal.DurableWriteBenchmark 4 10 [pg]</pre>
 */
public final class DurableWriteBenchmark {
    private static final MofDivCode REGION = MofDivCode.of("440100000");
    private static final Actor FINANCE = Actor.of("JIXIAO-UI", "li.finance", Role.FINANCE);

    private DurableWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        boolean pg = args.length > 2 && args[2].equals("pg");
        System.out.printf("%d threads, %d s per variant (after %d s warm-up)%n", threads, seconds, seconds / 2);
        for (int delay : new int[] {500, 0}) {
            try (HikariDataSource ds = H2Store.open(Files.createTempDirectory("jixiao-durable"), delay)) {
                Repositories store = Repositories.over(Database.sessions(ds, ""));
                report("H2, WRITE_DELAY=" + delay + ", hold placed", run(store, threads, seconds, false));
                if (delay == 0) {
                    report("H2, WRITE_DELAY=0, idempotent call (unit of work)", run(store, threads, seconds, true));
                }
            }
        }
        if (pg) {
            try (HikariDataSource ds = PgStore.open()) {
                Repositories store = Repositories.over(Database.sessions(ds, ""));
                report("PostgreSQL, hold placed", run(store, threads, seconds, false));
                report("PostgreSQL, idempotent call (unit of work)", run(store, threads, seconds, true));
            }
        }
    }

    private static void report(String variant, double perSecond) {
        System.out.printf("%-52s %,10.0f holds/s%n", variant, perSecond);
    }

    /** @return holds placed per second over the measured period (the first half period warms up) */
    private static double run(Repositories store, int threads, int seconds, boolean idempotent)
            throws InterruptedException {
        AtomicLong placed = new AtomicLong();
        long warmUntil = System.nanoTime() + seconds * 500_000_000L;
        long until = warmUntil + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < until) {
                    place(store, idempotent);
                    if (System.nanoTime() >= warmUntil) {
                        placed.incrementAndGet();
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return placed.get() / (double) seconds;
    }

    private static void place(Repositories store, boolean idempotent) {
        IdempotencyRepository.Call call = null;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (idempotent) {
            call = store.keys().begin(UUID.randomUUID().toString(), "h", now, now.plus(Duration.ofHours(24)),
                    Duration.ofSeconds(30)).call();
        }
        String project = "DW-" + UUID.randomUUID().toString().substring(0, 12);
        Hold hold = new Hold(store.holds().nextHoldId(), HoldTarget.project(REGION, ProCode.of(project)),
                HoldKind.SUSPEND,
                Reason.of("durable write"), HoldStatus.ACTIVE, FINANCE, now, null);
        store.holds().insert(hold, new AuditEntry(now, "HOLD_PLACED", REGION, "HOLD", Long.toString(hold.holdId()),
                FINANCE,
                "durable write", "bench"));
        if (call != null) {
            call.answer(201, "application/json", null, "{\"HOLD_ID\":" + hold.holdId() + "}");
        }
    }
}
