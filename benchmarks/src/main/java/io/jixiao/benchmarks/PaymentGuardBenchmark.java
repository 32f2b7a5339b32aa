package io.jixiao.benchmarks;

import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.hook.PaymentApplication;
import io.jixiao.api.hook.PaymentDecision;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.BgtId;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.PayAppNo;
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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The in-process payment check: {@code decide} is the guard's decision alone (two hash lookups in the hold
 * index); {@code checkPass} is the whole hook for a PASS, including appending the decision to the node's spool,
 * which the journal writes to the database off the check path (an in-memory H2 here); {@code checkPassSpooled}
 * the same with the spool's reader discarding instead of writing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PaymentGuardBenchmark {
    private static final MofDivCode REGION = MofDivCode.of("440100000");
    private static final Actor HOST = Actor.of("PAY-MODULE", "teller", Role.HOST_SYSTEM);

    /** Projects that have payment applications; every tenth one is held. */
    @Param({"100000"})
    int projects;

    /** Where the holds live: {@code h2} in memory, in this JVM; {@code postgresql} at JIXIAO_BENCH_PG_URL. */
    @Param({"h2"})
    String database;

    private PaymentGuardEngine guard;
    private PaymentGuardEngine spooledOnly;
    private DecisionJournal discardingJournal;
    private DecisionJournal journal;
    private PaymentApplication[] applications;
    private PaymentApplication[] passing;
    private int next;
    private int nextPassing;
    private int nextSql;
    private java.sql.Connection connection;
    private java.sql.PreparedStatement onProject;
    private java.sql.PreparedStatement onLine;

    @Setup(Level.Trial)
    public void setUp() {
        javax.sql.DataSource ds;
        if (database.equals("postgresql")) {
            ds = PgStore.freshSchema();
        } else {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:bench;MODE=Oracle;DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            ds = h2;
        }
        Database.migrate(ds);
        Repositories store = Repositories.over(Database.sessions(ds, ""));
        HoldIndex index = new HoldIndex();
        HoldRegistry holds = new HoldRegistry(store.holds(), index, Clock.systemUTC());
        Actor finance = Actor.of("BENCH", "finance", Role.FINANCE);
        for (int i = 0; i < projects; i += 10) {
            holds.place(HoldTarget.project(REGION, ProCode.of("P" + i)), HoldKind.SUSPEND, Reason.of("bench"), finance);
        }
        journal = new DecisionJournal(store.decisions(), GuardFixture.spool(), 1000, Duration.ofMillis(200),
                Duration.ofSeconds(60));
        guard = new PaymentGuardEngine(index, store.decisions(), journal, Clock.systemUTC());
        discardingJournal = new DecisionJournal(GuardFixture.passesDiscarded(store), GuardFixture.spool(), 1000,
                Duration.ofMillis(200), Duration.ofSeconds(60));
        spooledOnly = new PaymentGuardEngine(index, store.decisions(), discardingJournal, Clock.systemUTC());
        applications = new PaymentApplication[projects];
        Money amount = Money.positive("PAY_APP_AMT", new BigDecimal("1000.00"));
        for (int i = 0; i < projects; i++) {
            applications[i] = new PaymentApplication(REGION, FiscalYear.of(2026), PayAppNo.of("PA" + i),
                    AgencyCode.of("101001"), ProCode.of("P" + i), BgtId.of("B" + i), amount, ExpenditureKind.PROJECT);
        }
        // a HOLD is written synchronously with its audit row: the PASS path is measured on unheld projects
        passing = java.util.stream.IntStream.range(0, projects).filter(i -> i % 10 != 0)
                .mapToObj(i -> applications[i]).toArray(PaymentApplication[]::new);
        try {
            // the same two questions as an indexed SQL lookup per check (IX_JX_HOLD_TARGET), on one open connection
            connection = ds.getConnection();
            onProject = connection.prepareStatement("SELECT HOLD_ID, HOLD_KIND FROM JX_HOLD WHERE MOF_DIV_CODE = ?"
                    + " AND TARGET_TYPE = 'PROJECT' AND PRO_CODE = ? AND STATUS = 'ACTIVE'");
            onLine = connection.prepareStatement("SELECT HOLD_ID, HOLD_KIND FROM JX_HOLD WHERE MOF_DIV_CODE = ?"
                    + " AND TARGET_TYPE = 'BUDGET_LINE' AND PRO_CODE IS NULL AND BGT_ID = ? AND STATUS = 'ACTIVE'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws java.sql.SQLException {
        journal.close();
        discardingJournal.close();
        connection.close();
    }

    /** The baseline the guard is measured against: the decision's two lookups as indexed SQL queries. */
    @Benchmark
    public long sqlLookup() throws java.sql.SQLException {
        PaymentApplication app = applications[nextSql];
        nextSql = nextSql + 1 == applications.length ? 0 : nextSql + 1;
        long held = 0;
        onProject.setString(1, app.mofDivCode().value());
        onProject.setString(2, app.proCode().value());
        try (java.sql.ResultSet r = onProject.executeQuery()) {
            while (r.next()) {
                held = r.getLong(1);
            }
        }
        onLine.setString(1, app.mofDivCode().value());
        onLine.setString(2, app.bgtId().value());
        try (java.sql.ResultSet r = onLine.executeQuery()) {
            while (r.next()) {
                held = r.getLong(1);
            }
        }
        return held;
    }

    @Benchmark
    public PaymentDecision decide() {
        PaymentApplication app = applications[next];
        next = next + 1 == applications.length ? 0 : next + 1;
        return guard.decide(app);
    }

    @Benchmark
    public PaymentDecision checkPass() {
        PaymentApplication app = passing[nextPassing];
        nextPassing = nextPassing + 1 == passing.length ? 0 : nextPassing + 1;
        return guard.check(app, HOST);
    }

    /**
     * The whole hook for a PASS with the decision appended to the node's spool, whose writer reads it back and
     * discards it instead of writing it to a database: the spool's own rate, without the database's.
     */
    @Benchmark
    public PaymentDecision checkPassSpooled() {
        PaymentApplication app = passing[nextPassing];
        nextPassing = nextPassing + 1 == passing.length ? 0 : nextPassing + 1;
        return spooledOnly.check(app, HOST);
    }
}
