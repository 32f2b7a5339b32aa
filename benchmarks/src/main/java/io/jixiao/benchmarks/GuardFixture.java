package io.jixiao.benchmarks;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Role;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.monitoring.internal.DecisionJournal;
import io.jixiao.monitoring.internal.HoldIndex;
import io.jixiao.monitoring.internal.HoldRegistry;
import io.jixiao.monitoring.internal.PaymentGuardEngine;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.MyBatisStore;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The guard the adapter throughput tools put behind their endpoints: the production engine over H2 in memory,
 * 1,000 of 10,000 projects held, PASS decisions written by the production journal.
 */
public final class GuardFixture {
    public static final MofDivCode REGION = MofDivCode.of("440100000");

    public final MyBatisStore store;
    public final HoldRegistry holds;
    public final DecisionJournal journal;
    public final PaymentGuardEngine guard;

    public GuardFixture(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";MODE=Oracle;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Database.migrate(ds);
        store = new MyBatisStore(Database.sessions(ds, ""));
        HoldIndex index = new HoldIndex();
        holds = new HoldRegistry(store, index, Clock.systemUTC());
        Actor finance = Actor.of("BENCH", "finance", Role.FINANCE);
        for (int i = 0; i < 10_000; i += 10) {
            holds.place(HoldTarget.project(REGION, ProCode.of("H" + i)), HoldKind.SUSPEND, Reason.of("bench"), finance);
        }
        journal = new DecisionJournal(store, 100_000, 1000, Duration.ofMillis(200), Duration.ofSeconds(60));
        guard = new PaymentGuardEngine(index, store, journal, Clock.systemUTC());
    }

    /** A configuration annotation answering its declared defaults, as Config Admin does with no file. */
    public static <A> A defaults(Class<A> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getDefaultValue()));
    }
}
