package io.jixiao.benchmarks;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.PayAppNo;
import io.jixiao.store.DecisionRecord;
import io.jixiao.store.DecisionRepository;
import java.util.List;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Role;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.guard.internal.DecisionJournal;
import io.jixiao.guard.internal.HoldIndex;
import io.jixiao.guard.internal.HoldRegistry;
import io.jixiao.guard.internal.PaymentGuardEngine;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.Repositories;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;

/**
 * The guard the adapter throughput tools put behind their endpoints: the production engine over an H2 file database
 * opened as the store opens it (pooled, Oracle mode, in a temporary directory) or, with
 * {@code -Dbench.database=postgresql}, a fresh schema on the PostgreSQL server of {@link PgStore};
 * 1,000 of 10,000 projects held, PASS decisions written by the production journal.
 */
public final class GuardFixture {
    public static final MofDivCode REGION = MofDivCode.of("440100000");

    public final Repositories store;
    public final HoldRegistry holds;
    public final DecisionJournal journal;
    public final PaymentGuardEngine guard;
    /**
     * The same index and store, its PASS records handed to a journal whose repository discards them: the difference
     * to {@link #guard} is what recording PASS decisions in the database costs the check path.
     */
    public final PaymentGuardEngine discardingPasses;

    public GuardFixture(String name) {
        javax.sql.DataSource ds;
        if ("postgresql".equals(System.getProperty("bench.database"))) {
            ds = PgStore.open(); // a fresh schema on the server at JIXIAO_BENCH_PG_URL
        } else {
            try {
                ds = H2Store.open(java.nio.file.Files.createTempDirectory("jixiao-" + name));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        store = Repositories.over(Database.sessions(ds, ""));
        HoldIndex index = new HoldIndex();
        holds = new HoldRegistry(store.holds(), index, Clock.systemUTC());
        Actor finance = Actor.of("BENCH", "finance", Role.FINANCE);
        for (int i = 0; i < 10_000; i += 10) {
            holds.place(HoldTarget.project(REGION, ProCode.of("H" + i)), HoldKind.SUSPEND, Reason.of("bench"), finance);
        }
        journal = new DecisionJournal(store.decisions(), spool(), 1000, Duration.ofMillis(200), Duration.ofSeconds(60));
        guard = new PaymentGuardEngine(index, store.decisions(), journal, Clock.systemUTC());
        discardingPasses = new PaymentGuardEngine(index, store.decisions(),
                new DecisionJournal(passesDiscarded(store), spool(),
                1000, Duration.ofMillis(200), Duration.ofSeconds(60)), Clock.systemUTC());
    }

    /**
     * Admission as the adapters run it, with no cap reached (the benchmarks measure the check, not a crowd): every
     * request admitted, bodies kept to the default minimum rate.
     */
    public static final io.jixiao.security.ClientAdmission ADMIT_ALL = new io.jixiao.security.ClientAdmission() {
        @Override
        public Ticket admit(String address) {
            return () -> { };
        }

        @Override
        public long minBodyBytesPerSecond() {
            return 1024;
        }
    };

    /**
     * A repository that writes HOLD decisions to the store and discards PASS decisions: the variants that measure
     * the check without the database's insert rate.
     */
    public static DecisionRepository passesDiscarded(Repositories store) {
        return new DecisionRepository() {
            @Override
            public void recordAll(List<DecisionRecord> decisions) {
                // discarded
            }

            @Override
            public int recordOnce(List<io.jixiao.store.JournaledDecision> decisions) {
                // HOLDs (with their audit rows) are written; PASS decisions discarded
                store.decisions().recordOnce(decisions.stream().filter(d -> d.audit() != null).toList());
                return decisions.size();
            }

            @Override
            public void recordNew(List<io.jixiao.store.JournaledDecision> decisions) {
                // discarded
            }

            @Override
            public List<DecisionRecord> findByApplication(MofDivCode mofDivCode, FiscalYear fiscalYear,
                    PayAppNo payAppNo) {
                return store.decisions().findByApplication(mofDivCode, fiscalYear, payAppNo);
            }
        };
    }

    /**
     * A decision spool as the guard deploys it (64 MiB segments, 16 at most) in a temporary directory removed
     * when the JVM exits.
     */
    public static io.jixiao.guard.internal.DecisionSpool spool() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("jixiao-bench-spool");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (java.io.IOException e) {
                    // gone already
                }
            }));
            return new io.jixiao.guard.internal.DecisionSpool(dir, 64 << 20, 16);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A configuration annotation answering its declared defaults, as Config Admin does with no file. */
    public static <A> A defaults(Class<A> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getDefaultValue()));
    }
}
