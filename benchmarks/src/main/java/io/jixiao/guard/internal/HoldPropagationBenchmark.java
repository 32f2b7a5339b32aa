package io.jixiao.guard.internal;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Role;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.Repositories;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * How long a hold placed on one node takes to reach another node's index in BOUNDED mode: two nodes (separate
 * stores, indexes and syncs) on one database — an H2 file database, or PostgreSQL when a URL is given — the second
 * node's sync polling at the default interval. Places N holds one after another on the first node and measures, for
 * each, the time from {@code place} returning to the hold being in the second node's index (spinning on the index).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.jixiao.guard.internal.HoldPropagationBenchmark 500 200 [jdbc:postgresql://…]</pre>
 */
public final class HoldPropagationBenchmark {
    private static final MofDivCode REGION = MofDivCode.of("440100000");
    private static final Actor FINANCE = Actor.of("BENCH", "bench", Role.FINANCE);

    private HoldPropagationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int holds = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        long interval = args.length > 1 ? Long.parseLong(args[1]) : 200;
        DataSource ds;
        String databaseId = "";
        if (args.length > 2) {
            org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setURL(args[2]);
            ds = pg;
        } else {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:" + Files.createTempDirectory("jixiao-propagation").resolve("db")
                    + ";MODE=Oracle;DB_CLOSE_ON_EXIT=FALSE");
            h2.setUser("sa");
            ds = h2;
        }
        Database.migrate(ds);
        Repositories a = Repositories.over(Database.sessions(ds, databaseId));
        Repositories b = Repositories.over(Database.sessions(ds, databaseId));
        HoldRegistry placing = new HoldRegistry(a.holds(), new HoldIndex(), Clock.systemUTC());
        HoldIndex index = new HoldIndex();
        HoldSync sync = new HoldSync(b.holds(), index, Clock.systemUTC(), Duration.ofSeconds(10));
        sync.load();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        poller.scheduleWithFixedDelay(sync::poll, 0, interval, TimeUnit.MILLISECONDS);
        String run = Long.toString(System.nanoTime(), 36);
        long[] micros = new long[holds];
        for (int i = 0; i < holds; i++) {
            String code = "P-" + run + "-" + i;
            long id = placing.place(HoldTarget.project(REGION, ProCode.of(code)), HoldKind.SUSPEND,
                    Reason.of("propagation"), FINANCE).holdId();
            long placed = System.nanoTime();
            while (Arrays.stream(index.get(HoldTarget.Type.PROJECT, REGION.value(), code))
                    .noneMatch(h -> h.holdId() == id)) {
                Thread.onSpinWait();
            }
            micros[i] = (System.nanoTime() - placed) / 1_000;
        }
        poller.shutdownNow();
        Arrays.sort(micros);
        System.out.printf("%,d holds, sync every %d ms, %s: propagation p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                + "max %.1f ms%n", holds, interval, args.length > 2 ? "PostgreSQL" : "H2 file",
                micros[holds / 2] / 1000.0, micros[holds * 9 / 10] / 1000.0, micros[Math.min(holds - 1,
                        holds * 99 / 100)]
                        / 1000.0, micros[holds - 1] / 1000.0);
    }
}
