package io.jixiao.guard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.hook.PaymentDecision;
import io.jixiao.api.hook.PaymentDecision.ReasonCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.HoldRepository;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.Repositories;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two guard nodes — separate stores, indexes, syncs and guards — on one database (H2, and PostgreSQL when
 * JIXIAO_TEST_PG_URL is set): what one node's hold does to the other's payment checks, under load, in strict and
 * bounded mode; and the fail-safe when the database stops answering.
 */
class GuardNodesTest {
    private static final int HOLDS = 60;
    private static final Duration NEVER_STALE = Duration.ofDays(1);
    private static final Duration STALE_AFTER = Duration.ofMillis(500);

    /** One guard node. */
    private static final class Node implements AutoCloseable {
        final Repositories store;
        final HoldIndex index = new HoldIndex();
        final HoldRegistry registry;
        final HoldSync sync;
        final DecisionJournal journal;
        final PaymentGuardEngine guard;
        final GuardAdmin admin;
        final Bypasses bypasses;
        final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();

        /**
         * A node whose index is never stale: the claims of the tests that use it are what is decided, not when the
         * index ages (on a busy machine a node without its sync, or whose sync falls behind, would go fail-safe).
         */
        Node(DataSource ds, String databaseId, boolean strict, Duration interval, HoldRepository holds) {
            this(ds, databaseId, strict, interval, holds, NEVER_STALE);
        }

        /** @param staleAfter BOUNDED: the index age beyond which project payments are held fail-safe */
        Node(DataSource ds, String databaseId, boolean strict, Duration interval, HoldRepository holds,
                Duration staleAfter) {
            store = Repositories.over(Database.sessions(ds, databaseId));
            HoldRepository repository = holds == null ? store.holds() : holds;
            registry = new HoldRegistry(repository, index, Clock.systemUTC());
            sync = new HoldSync(repository, index, Clock.systemUTC(), Duration.ofSeconds(10));
            journal = new DecisionJournal(store.decisions(), Fixture.spool(), 500, Duration.ofMillis(50),
                    Duration.ofSeconds(30));
            // a budget far beyond any check: these proofs are about what is decided, not how fast (benchmarks)
            guard = new PaymentGuardEngine(index, store.decisions(), journal, Clock.systemUTC(), sync, strict,
                    staleAfter,
                    Duration.ofSeconds(30));
            bypasses = new Bypasses(store.bypasses(), Clock.systemUTC());
            guard.bypasses(bypasses);
            admin = new GuardAdmin(sync, bypasses, index, guard, journal, strict ? "STRICT" : "BOUNDED", staleAfter,
                    Clock.systemUTC());
            sync.load();
            bypasses.refresh();
            if (interval != null) {
                poller.scheduleWithFixedDelay(() -> {
                    try {
                        sync.poll();
                        bypasses.refresh();
                    } catch (RuntimeException e) {
                        // the database is down: the index ages
                    }
                }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        PaymentDecision check(String project, String payApp, ExpenditureKind kind) {
            return guard.check(Fixture.payment(2026, payApp, project, "B-" + project, kind), Fixture.HOST);
        }

        @Override
        public void close() {
            poller.shutdownNow();
            journal.close();
        }
    }

    static Stream<Arguments> databases() {
        List<Arguments> all = new ArrayList<>();
        all.add(Arguments.of("h2"));
        String pg = System.getenv("JIXIAO_TEST_PG_URL");
        if (pg != null && !pg.isBlank()) {
            all.add(Arguments.of("postgresql"));
        }
        return all.stream();
    }

    /** A fresh database: H2 in memory, or a fresh schema on the PostgreSQL server. */
    private static DataSource database(String kind, List<Runnable> cleanup) throws Exception {
        if (kind.equals("h2")) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=Oracle;DB_CLOSE_DELAY=-1");
            ds.setUser("sa");
            Database.migrate(ds);
            cleanup.add(() -> execute(ds, "SHUTDOWN"));
            return ds;
        }
        String url = System.getenv("JIXIAO_TEST_PG_URL");
        String schema = "jx_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(url);
        execute(admin, "CREATE SCHEMA " + schema);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setCurrentSchema(schema);
        Database.migrate(ds);
        cleanup.add(() -> execute(admin, "DROP SCHEMA " + schema + " CASCADE"));
        return ds;
    }

    private static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Checks on the other node from several threads, all the time, on every project of the test. */
    private static AutoCloseable load(Node node, int threads, Consumer<Throwable> failures) {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger n = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                while (running.get()) {
                    try {
                        int i = n.incrementAndGet();
                        node.check("P-LOAD-" + (i % HOLDS), "L-" + i, ExpenditureKind.PROJECT);
                    } catch (Throwable e) {
                        failures.accept(e);
                    }
                }
            });
        }
        return () -> {
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        };
    }

    @ParameterizedTest
    @MethodSource("databases")
    void inStrictModeNoCheckStartingAfterAHoldWasPlacedOnTheOtherNodePasses(String kind) throws Exception {
        List<Runnable> cleanup = new ArrayList<>();
        DataSource ds = database(kind, cleanup);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        try (Node a = new Node(ds, "", true, null, null); Node b = new Node(ds, "", true, null, null);
                AutoCloseable busy = load(b, 4, failures::add)) {
            List<String> passed = new ArrayList<>();
            for (int k = 0; k < HOLDS; k++) {
                String project = "P-STRICT-" + k;
                Hold hold = a.registry.place(HoldTarget.project(Fixture.REGION, ProCode.of(project)), HoldKind.SUSPEND,
                        Reason.of("strict proof"), Fixture.FINANCE);
                // the check starts after place returned: on the other node, strict mode must hold it
                PaymentDecision d = b.check(project, "S-" + k, ExpenditureKind.PROJECT);
                if (d.passes() || d.holdId() == null || d.holdId() != hold.holdId()) {
                    passed.add(project + " → " + d);
                }
                a.registry.release(hold.holdId(), Reason.of("released"), Fixture.FINANCE);
                PaymentDecision after = b.check(project, "S2-" + k, ExpenditureKind.PROJECT);
                if (!after.passes()) {
                    passed.add(project + " still held after release → " + after);
                }
            }
            assertThat(passed).isEmpty();
        } finally {
            cleanup.forEach(Runnable::run);
        }
        assertThat(failures).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void inBoundedModeAHoldReachesTheOtherNodeWithinTheBound(String kind) throws Exception {
        List<Runnable> cleanup = new ArrayList<>();
        DataSource ds = database(kind, cleanup);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Duration bound = Duration.ofSeconds(1); // the documented default bound; the sync polls every 100 ms
        List<Long> delays = new ArrayList<>();
        int failSafe = 0;
        try (Node a = new Node(ds, "", false, null, null);
                Node b = new Node(ds, "", false, Duration.ofMillis(100), null, STALE_AFTER);
                AutoCloseable busy = load(b, 4, failures::add)) {
            for (int k = 0; k < HOLDS / 2; k++) {
                String project = "P-BOUNDED-" + k;
                Hold hold = a.registry.place(HoldTarget.project(Fixture.REGION, ProCode.of(project)), HoldKind.SUSPEND,
                        Reason.of("bounded proof"), Fixture.FINANCE);
                long placed = System.nanoTime();
                long delay;
                int i = 0;
                while (true) {
                    long started = (System.nanoTime() - placed) / 1_000_000;
                    PaymentDecision d = b.check(project, "B-" + k + "-" + i++, ExpenditureKind.PROJECT);
                    delay = (System.nanoTime() - placed) / 1_000_000;
                    if (!d.passes() && d.reasonCode() == ReasonCode.GUARD_STATE_UNKNOWN) {
                        // a busy machine: the sync fell behind its bound and the node holds fail-safe, never a PASS
                        failSafe++;
                        Thread.sleep(5);
                        continue;
                    }
                    if (!d.passes()) {
                        assertThat(d.holdId()).isEqualTo(hold.holdId());
                        break;
                    }
                    // the bound is on checks that start after it (issue 7); a PASS decided before it may take a
                    // while to return when the four checking threads have filled the spool and wait for the database
                    assertThat(started).as("a PASS for a check started this long after the hold was placed")
                            .isLessThan(bound.toMillis());
                    Thread.sleep(5);
                }
                delays.add(delay);
                // once seen, never lost
                assertThat(b.check(project, "B-" + k + "-again", ExpenditureKind.PROJECT).passes()).isFalse();
            }
        } finally {
            cleanup.forEach(Runnable::run);
        }
        assertThat(failures).isEmpty();
        // The proof is the loop's: no check answered PASS once the bound had passed, each hold was then answered
        // with its own id, and never lost. When the test thread first saw the hold is not part of it: on two cores
        // with four checking threads and the database, that observation can come after the bound although no PASS
        // did (a CI run saw 1,087 ms for the first hold, its last PASS before 1,000 ms). The delays are reported.
        assertThat(delays).hasSize(HOLDS / 2);
        System.out.println("GuardNodesTest bounded mode on " + kind + ": delays until the hold was seen (ms) " + delays
                + "; fail-safe answers meanwhile " + failSafe);
    }

    @Test
    void aGuardThatCannotReachTheDatabaseHoldsProjectPaymentsUntilItCanAndPassesSalaries() throws Exception {
        List<Runnable> cleanup = new ArrayList<>();
        DataSource ds = database("h2", cleanup);
        AtomicBoolean down = new AtomicBoolean();
        Repositories real = Repositories.over(Database.sessions(ds, ""));
        HoldRepository flaky = (HoldRepository) java.lang.reflect.Proxy.newProxyInstance(
                HoldRepository.class.getClassLoader(), new Class<?>[] {HoldRepository.class}, (proxy, method, args) -> {
                    if (down.get()) {
                        throw new IllegalStateException("connection refused");
                    }
                    try {
                        return method.invoke(real.holds(), args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (Node node = new Node(ds, "", false, Duration.ofMillis(50), flaky, STALE_AFTER)) {
            assertThat(node.check("P-FS", "FS-1", ExpenditureKind.PROJECT).passes()).isTrue();
            down.set(true);
            long deadline = System.currentTimeMillis() + 10_000;
            PaymentDecision d = node.check("P-FS", "FS-2", ExpenditureKind.PROJECT);
            while (d.passes() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
                d = node.check("P-FS", "FS-3", ExpenditureKind.PROJECT);
            }
            assertThat(d.passes()).as("held once the index is older than its bound").isFalse();
            assertThat(d.reasonCode()).isEqualTo(ReasonCode.GUARD_STATE_UNKNOWN);
            assertThat(d.holdId()).isNull();
            assertThat(node.check("P-FS", "FS-4", ExpenditureKind.BASIC).reasonCode())
                    .isEqualTo(ReasonCode.BASIC_EXPENDITURE);
            down.set(false);
            deadline = System.currentTimeMillis() + 10_000;
            while (!d.passes() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
                d = node.check("P-FS", "FS-5", ExpenditureKind.PROJECT);
            }
            assertThat(d.reasonCode()).as("recovers by itself").isEqualTo(ReasonCode.NO_ACTIVE_HOLD);
        } finally {
            cleanup.forEach(Runnable::run);
        }
    }

    @Test
    void aChangeThatCommitsAfterALaterOneIsNotSkipped() throws Exception {
        List<Runnable> cleanup = new ArrayList<>();
        DataSource ds = database("h2", cleanup);
        try (Node a = new Node(ds, "", false, null, null); Node b = new Node(ds, "", false, null, null);
                Connection slow = ds.getConnection()) {
            // a slow transaction takes change number n and holds P-SLOW, but commits only later
            slow.setAutoCommit(false);
            try (Statement s = slow.createStatement()) {
                s.execute("INSERT INTO JX_HOLD (HOLD_ID, MOF_DIV_CODE, TARGET_TYPE, PRO_CODE, HOLD_KIND, REASON, STATUS,"
                        + " PLACED_CALLER, PLACED_OPERATOR, PLACED_ROLES, PLACED_AT) VALUES (NEXT VALUE FOR JX_HOLD_SEQ,"
                        + " '440100000', 'PROJECT', 'P-SLOW', 'SUSPEND', 'slow', 'ACTIVE', 'X', 'x', 'FINANCE',"
                        + " CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO JX_HOLD_CHANGE (CHANGE_SEQ, HOLD_ID, CHANGED_AT) VALUES (NEXT VALUE FOR"
                        + " JX_HOLD_CHANGE_SEQ, (SELECT MAX(HOLD_ID) FROM JX_HOLD), CURRENT_TIMESTAMP)");
            }
            // meanwhile node a places a hold: number n + 1, committed first
            a.registry.place(HoldTarget.project(Fixture.REGION, ProCode.of("P-FAST")), HoldKind.SUSPEND,
                    Reason.of("fast"), Fixture.FINANCE);
            b.sync.poll();
            assertThat(b.check("P-FAST", "G-1", ExpenditureKind.PROJECT).passes()).isFalse();
            long applied = b.sync.applied();
            slow.commit();
            b.sync.poll();
            assertThat(b.sync.applied()).as("the gap closed").isGreaterThan(applied);
            assertThat(b.check("P-SLOW", "G-2", ExpenditureKind.PROJECT).passes())
                    .as("the late commit is applied, not skipped").isFalse();
        } finally {
            cleanup.forEach(Runnable::run);
        }
    }

    @Test
    void anEmergencyBypassLetsTheRegionsHeldPaymentsPassUntilFinanceClosesIt() throws Exception {
        List<Runnable> cleanup = new ArrayList<>();
        DataSource ds = database("h2", cleanup);
        try (Node a = new Node(ds, "", false, null, null); Node b = new Node(ds, "", false, Duration.ofMillis(50),
                null)) {
            Hold hold = a.registry.place(HoldTarget.project(Fixture.REGION, ProCode.of("P-BY")), HoldKind.STOP,
                    Reason.of("red light"), Fixture.FINANCE);
            await(() -> !b.check("P-BY", "BY-1", ExpenditureKind.PROJECT).passes());
            java.time.Instant now = java.time.Instant.now();
            assertThatThrownBy(() -> a.admin.openBypass(Fixture.REGION, now.minusSeconds(1), Reason.of("x"),
                    Fixture.FINANCE)).isInstanceOf(io.jixiao.api.model.InvalidInputException.class);
            assertThatThrownBy(() -> a.admin.openBypass(Fixture.REGION, now.plus(Duration.ofHours(73)),
                    Reason.of("x"), Fixture.FINANCE)).isInstanceOf(io.jixiao.api.model.InvalidInputException.class);
            assertThatThrownBy(() -> a.admin.openBypass(Fixture.REGION, now.plusSeconds(3600), Reason.of("x"),
                    Fixture.HOST)).isInstanceOf(io.jixiao.api.model.ForbiddenException.class);

            io.jixiao.api.service.Bypass bypass = a.admin.openBypass(Fixture.REGION, now.plusSeconds(3600),
                    Reason.of("国库系统切换, 市长批示 2026-11-28"), Fixture.FINANCE);
            assertThatThrownBy(() -> a.admin.openBypass(Fixture.REGION, now.plusSeconds(60), Reason.of("again"),
                    Fixture.FINANCE)).isInstanceOf(io.jixiao.api.model.ConflictException.class);
            await(() -> b.check("P-BY", "BY-2", ExpenditureKind.PROJECT).reasonCode() == ReasonCode.EMERGENCY_BYPASS);
            assertThat(b.admin.state(Fixture.REGION, Fixture.FINANCE).bypass()).isEqualTo(bypass);
            assertThat(b.admin.state(io.jixiao.api.model.MofDivCode.of("440106000"), Fixture.FINANCE).bypass())
                    .as("another region").isNull();
            assertThat(b.admin.state(Fixture.REGION, Fixture.FINANCE).trusted()).isTrue();

            io.jixiao.api.service.Bypass closed = a.admin.closeBypass(bypass.bypassId(), Reason.of("切换完成"),
                    Fixture.FINANCE);
            assertThat(closed.closedAt()).isNotNull();
            assertThatThrownBy(() -> a.admin.closeBypass(bypass.bypassId(), Reason.of("again"), Fixture.FINANCE))
                    .isInstanceOf(io.jixiao.api.model.ConflictException.class);
            await(() -> b.check("P-BY", "BY-3", ExpenditureKind.PROJECT).holdId() != null);
            assertThat(b.check("P-BY", "BY-4", ExpenditureKind.PROJECT).holdId()).isEqualTo(hold.holdId());
            List<String> actions = new ArrayList<>();
            a.store.audit().export(io.jixiao.api.service.AuditQuery.all(Fixture.REGION), java.util.Set.of(),
                    e -> actions.add(e.action()));
            assertThat(actions).contains("GUARD_BYPASS_OPENED", "GUARD_BYPASS_CLOSED");
        } finally {
            cleanup.forEach(Runnable::run);
        }
    }

    @Test
    void aPaymentDeclaredBasicOnAProjectWithAnApprovedGoalIsDecidedAsAProjectPaymentAndAudited() throws Exception {
        List<Runnable> cleanup = new ArrayList<>();
        DataSource ds = database("h2", cleanup);
        try (Node node = new Node(ds, "", false, null, null)) {
            Fixture.approvedGoal(node.store, Fixture.REGION, "P-KIND");
            ProjectKinds kinds = new ProjectKinds(node.store.goals());
            assertThat(kinds.reload()).isEqualTo(1);
            node.guard.checkDeclaredKinds(kinds);
            Hold hold = node.registry.place(HoldTarget.project(Fixture.REGION, ProCode.of("P-KIND")),
                    HoldKind.SUSPEND, Reason.of("red"), Fixture.FINANCE);

            PaymentDecision declaredBasic = node.check("P-KIND", "K-1", ExpenditureKind.BASIC);
            assertThat(declaredBasic.passes()).isFalse();
            assertThat(declaredBasic.reasonCode()).isEqualTo(ReasonCode.PROJECT_HELD);
            assertThat(declaredBasic.holdId()).isEqualTo(hold.holdId());
            assertThat(declaredBasic.kindCorrected()).isTrue();
            PaymentDecision salary = node.check("P-SALARY", "K-2", ExpenditureKind.BASIC);
            assertThat(salary.reasonCode()).isEqualTo(ReasonCode.BASIC_EXPENDITURE);
            assertThat(salary.kindCorrected()).isFalse();

            node.registry.release(hold.holdId(), Reason.of("rectified"), Fixture.FINANCE);
            PaymentDecision after = node.check("P-KIND", "K-3", ExpenditureKind.BASIC);
            assertThat(after.reasonCode()).isEqualTo(ReasonCode.NO_ACTIVE_HOLD);
            assertThat(after.kindCorrected()).isTrue();
            List<String> corrected = new ArrayList<>();
            node.store.audit().export(io.jixiao.api.service.AuditQuery.all(Fixture.REGION), java.util.Set.of(), e -> {
                if (e.action().equals("PAYMENT_KIND_CORRECTED")) {
                    corrected.add(e.detail());
                }
            });
            assertThat(corrected).hasSize(2).allMatch(d -> d.contains("declared=BASIC;decided=PROJECT"));
        } finally {
            cleanup.forEach(Runnable::run);
        }
    }

    @Test
    void paymentsOfTheEconomicClassesARegionExemptsAreNeverHeld() throws Exception {
        List<Runnable> cleanup = new ArrayList<>();
        DataSource ds = database("h2", cleanup);
        try (Node node = new Node(ds, "", false, null, null)) {
            node.guard.exemptClasses(new ExemptClasses((region, year) -> io.jixiao.rules.RuleReader
                    .monitoring("test#1", java.util.Map.of("monitoring.exemptEconomicClasses", "501,509"))));
            node.registry.place(HoldTarget.project(Fixture.REGION, ProCode.of("P-LIVELIHOOD")), HoldKind.STOP,
                    Reason.of("red"), Fixture.FINANCE);
            PaymentDecision subsidy = node.guard.check(withEco("P-LIVELIHOOD", "E-1", "50901"), Fixture.HOST);
            assertThat(subsidy.passes()).isTrue();
            assertThat(subsidy.reasonCode()).isEqualTo(ReasonCode.EXEMPT_CATEGORY);
            PaymentDecision goods = node.guard.check(withEco("P-LIVELIHOOD", "E-2", "50201"), Fixture.HOST);
            assertThat(goods.passes()).isFalse();
            assertThat(node.guard.check(withEco("P-LIVELIHOOD", "E-3", null), Fixture.HOST).passes()).isFalse();
        } finally {
            cleanup.forEach(Runnable::run);
        }
    }

    private static io.jixiao.api.hook.PaymentApplication withEco(String project, String payApp, String eco) {
        io.jixiao.api.hook.PaymentApplication a = Fixture.payment(2026, payApp, project, "B-" + project,
                ExpenditureKind.PROJECT);
        return new io.jixiao.api.hook.PaymentApplication(a.mofDivCode(), a.fiscalYear(), a.payAppNo(), a.agencyCode(),
                a.proCode(), a.bgtId(), a.amount(), a.kind(), eco);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
