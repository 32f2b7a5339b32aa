package io.jixiao.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldStatus;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.DecisionRecord;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mapper statement on every dialect: H2, the oracle statements on H2 in Oracle mode, and PostgreSQL when
 * {@code JIXIAO_TEST_PG_URL} is set.
 */
class HoldsAndDecisionsTest extends EveryDialect {
    private static final MofDivCode REGION = MofDivCode.of("440100000");
    private static final Actor FINANCE = Actor.of("JIXIAO-UI", "li.finance", Role.FINANCE);
    private static final Actor HOST = Actor.of("PAY-MODULE", "zhang", Role.HOST_SYSTEM);

    @ParameterizedTest
    @MethodSource("databases")
    void dialectIsTheOneAskedFor(TestDatabase db) {
        String expected = db.databaseId().isEmpty() ? db.name() : db.databaseId();
        assertThat(Database.sessions(db.dataSource(), db.databaseId()).getConfiguration().getDatabaseId())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void holdIsStoredWithItsAuditRowAndReadBack(TestDatabase db) {
        Repositories store = store(db);
        Hold hold = activeHold(store, HoldTarget.project(REGION, ProCode.of("P-" + db.name())), HoldKind.SUSPEND);

        store.holds().insert(hold, audit("HOLD_PLACED", hold.holdId(), FINANCE, "执行率严重偏离"));

        assertThat(store.holds().find(hold.holdId())).contains(hold);
        assertThat(store.holds().findActive(hold.target())).containsExactly(hold);
        List<AuditEntry> trail = store.audit().findBySubject("HOLD", Long.toString(hold.holdId()), 10);
        assertThat(trail).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("HOLD_PLACED");
            assertThat(e.actor()).isEqualTo(FINANCE);
            assertThat(e.reason()).isEqualTo("执行率严重偏离");
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void releaseHappensOnceAndIsAudited(TestDatabase db) {
        Repositories store = store(db);
        Hold hold = activeHold(store, HoldTarget.budgetLine(REGION, BgtId.of("BGT-" + db.name())), HoldKind.STOP);
        store.holds().insert(hold, audit("HOLD_PLACED", hold.holdId(), FINANCE, "placed"));
        Hold.Release release = new Hold.Release(FINANCE, now(), Reason.of("整改完成"));

        assertThat(store.holds().release(hold.holdId(), release, audit("HOLD_RELEASED", hold.holdId(), FINANCE,
                "整改完成")))
                .isTrue();
        assertThat(store.holds().release(hold.holdId(), release, audit("HOLD_RELEASED", hold.holdId(), FINANCE,
                "again")))
                .isFalse();

        Hold read = store.holds().find(hold.holdId()).orElseThrow();
        assertThat(read.status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(read.release()).isEqualTo(release);
        assertThat(store.holds().findActive(hold.target())).isEmpty();
        assertThat(store.audit().findBySubject("HOLD", Long.toString(hold.holdId()), 10))
                .extracting(AuditEntry::action).containsExactly("HOLD_PLACED", "HOLD_RELEASED");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void failedWriteLeavesNoAuditRow(TestDatabase db) {
        Repositories store = store(db);
        Hold hold = activeHold(store, HoldTarget.project(REGION, ProCode.of("DUP-" + db.name())), HoldKind.SUSPEND);
        store.holds().insert(hold, audit("HOLD_PLACED", hold.holdId(), FINANCE, "first"));

        assertThatThrownBy(() -> store.holds().insert(hold, audit("HOLD_PLACED", hold.holdId(), FINANCE,
                "duplicate id")))
                .isInstanceOf(PersistenceException.class);

        assertThat(store.audit().findBySubject("HOLD", Long.toString(hold.holdId()), 10))
                .extracting(AuditEntry::reason).containsExactly("first");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void activeHoldsStreamThroughACursor(TestDatabase db) {
        Repositories store = store(db);
        List<Long> placed = IntStream.range(0, 25).mapToObj(i -> {
            Hold h = activeHold(store, HoldTarget.project(REGION, ProCode.of("CUR-" + i)), HoldKind.SUSPEND);
            store.holds().insert(h, audit("HOLD_PLACED", h.holdId(), FINANCE, "bulk"));
            return h.holdId();
        }).toList();

        List<Long> streamed = new ArrayList<>();
        store.holds().forEachActive(h -> streamed.add(h.holdId()));

        assertThat(streamed).containsAll(placed).isSorted();
    }

    /** A PASS of a 10-yuan payment of project P1, as the journal ships it. */
    static DecisionRecord decision(Instant at, String number) {
        return new DecisionRecord(projectPayment(PayAppNo.of(number), "10.00"),
                PaymentDecision.pass(PaymentDecision.ReasonCode.NO_ACTIVE_HOLD), HOST, at);
    }

    /** A 2026 payment of project P1 on budget line B1 of agency 101001 in the region. */
    private static PaymentApplication projectPayment(PayAppNo number, String yuan) {
        return new PaymentApplication(REGION, FiscalYear.of(2026), number, AgencyCode.of("101001"), ProCode.of("P1"),
                BgtId.of("B1"), Money.positive("PAY_APP_AMT", new BigDecimal(yuan)), ExpenditureKind.PROJECT);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void journaledDecisionsShippedTwiceAreRecordedOnce(TestDatabase db) {
        Repositories store = store(db);
        PayAppNo number = PayAppNo.of("PJ-" + db.name());
        PaymentApplication app = projectPayment(number, "10.00");
        PaymentDecision passed = PaymentDecision.pass(PaymentDecision.ReasonCode.NO_ACTIVE_HOLD);
        String node = "node-" + db.name() + "-";
        // more keys than one IN list takes, so the existence check runs in several queries
        List<io.jixiao.store.JournaledDecision> first = IntStream.range(0, 1_200)
                .mapToObj(i -> new io.jixiao.store.JournaledDecision(node + i, new DecisionRecord(app, passed, HOST,
                        now())))
                .toList();
        assertThat(store.decisions().recordOnce(first.subList(0, 700))).isEqualTo(700);
        // the crash case: the batch was written but not marked shipped, so it comes again with the rest
        assertThat(store.decisions().recordOnce(first)).isEqualTo(500);
        assertThat(store.decisions().recordOnce(first)).isZero();
        assertThat(store.decisions().recordOnce(List.of())).isZero();
        // offered as new although written: the unique key refuses the whole batch, nothing of it is kept
        List<io.jixiao.store.JournaledDecision> again = List.of(
                new io.jixiao.store.JournaledDecision(node + "new", new DecisionRecord(app, passed, HOST, now())),
                first.get(0));
        assertThatThrownBy(() -> store.decisions().recordNew(again)).isInstanceOf(PersistenceException.class);
        // recordNew asks nothing, not even of its own batch: a key in it twice is refused the same way
        assertThatThrownBy(() -> store.decisions().recordNew(List.of(again.get(0), again.get(0))))
                .isInstanceOf(PersistenceException.class);
        store.decisions().recordNew(List.of(again.get(0)));

        assertThat(store.decisions().findByApplication(REGION, FiscalYear.of(2026), number)).hasSize(1_201)
                .allSatisfy(r -> assertThat(r.decision()).isEqualTo(passed));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void decisionsAreRecordedSinglyAndInBatches(TestDatabase db) {
        Repositories store = store(db);
        PayAppNo number = PayAppNo.of("PA-" + db.name());
        PaymentApplication app = projectPayment(number, "1234567.89");
        PaymentDecision held = new PaymentDecision(PaymentDecision.Outcome.HOLD,
                PaymentDecision.ReasonCode.PROJECT_HELD, 7L, HoldKind.SUSPEND, "偏离");
        PaymentDecision passed = PaymentDecision.pass(PaymentDecision.ReasonCode.NO_ACTIVE_HOLD);

        io.jixiao.store.JournaledDecision hold = new io.jixiao.store.JournaledDecision("node/1/" + db.name(),
                new DecisionRecord(app, held, HOST, now()),
                new AuditEntry(now(), "PAYMENT_HELD", REGION, "PAY_APP", "2026/440100000/" + number, HOST, "偏离", ""));
        assertThat(store.decisions().recordOnce(List.of(hold))).isEqualTo(1);
        assertThat(store.decisions().recordOnce(List.of(hold))).as("the same key again: neither decision nor audit row twice")
                .isZero();
        store.decisions().recordAll(List.of(new DecisionRecord(app, passed, HOST, now()), new DecisionRecord(app,
                passed, HOST, now())));
        store.decisions().recordAll(List.of());

        List<DecisionRecord> read = store.decisions().findByApplication(REGION, FiscalYear.of(2026), number);
        assertThat(read).extracting(DecisionRecord::decision).containsExactly(held, passed, passed);
        assertThat(read.get(0).application()).isEqualTo(app);
        assertThat(read.get(0).application().amount().yuan()).isEqualByComparingTo("1234567.89");
        assertThat(store.audit().findBySubject("PAY_APP", "2026/440100000/" + number, 10)).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoWritersOfTheSameHoldsAtOnceBothSucceedAndEachIsWrittenOnce(TestDatabase db) throws Exception {
        Repositories store = store(db);
        PayAppNo number = PayAppNo.of("PR-" + db.name());
        PaymentApplication app = projectPayment(number, "88.00");
        PaymentDecision held = new PaymentDecision(PaymentDecision.Outcome.HOLD,
                PaymentDecision.ReasonCode.PROJECT_HELD, 9L, HoldKind.SUSPEND, "偏离");
        // the guard writing a HOLD within its answer budget while the journal ships the same spooled HOLD
        int rounds = 60;
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                io.jixiao.store.JournaledDecision hold = new io.jixiao.store.JournaledDecision(
                        "race/" + db.name() + "/" + round, new DecisionRecord(app, held, HOST, now()),
                        new AuditEntry(now(), "PAYMENT_HELD", REGION, "PAY_APP", "2026/440100000/" + number, HOST,
                                "偏离", ""));
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                java.util.concurrent.Callable<Integer> write = () -> {
                    together.await();
                    return store.decisions().recordOnce(List.of(hold));
                };
                java.util.concurrent.Future<Integer> guard = two.submit(write);
                java.util.concurrent.Future<Integer> journal = two.submit(write);
                assertThat(guard.get() + journal.get()).as("round " + round).isEqualTo(1);
            }
        } finally {
            two.shutdownNow();
        }

        assertThat(store.decisions().findByApplication(REGION, FiscalYear.of(2026), number)).hasSize(rounds);
        assertThat(store.audit().findBySubject("PAY_APP", "2026/440100000/" + number, 1_000)).hasSize(rounds);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void auditReadIsLimited(TestDatabase db) {
        Repositories store = store(db);
        Hold hold = activeHold(store, HoldTarget.project(REGION, ProCode.of("LIM-" + db.name())), HoldKind.SUSPEND);
        store.holds().insert(hold, audit("HOLD_PLACED", hold.holdId(), FINANCE, "placed"));
        store.holds().release(hold.holdId(), new Hold.Release(FINANCE, now(), Reason.of("done")),
                audit("HOLD_RELEASED", hold.holdId(), FINANCE, "done"));

        assertThat(store.audit().findBySubject("HOLD", Long.toString(hold.holdId()), 1))
                .extracting(AuditEntry::action).containsExactly("HOLD_PLACED");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void schemaIsVersioned(TestDatabase db) throws Exception {
        String changelog;
        try (var in = Database.class.getClassLoader().getResourceAsStream("db/jixiao-changelog.xml")) {
            changelog = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // every changeSet applies, except that of the three per-dialect triggers (0005) only one does
        long expected = changelog.split("<changeSet ").length - 1 - 2;
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(expected).isGreaterThanOrEqualTo(8);
        }
    }

    private static Hold activeHold(Repositories store, HoldTarget target, HoldKind kind) {
        return new Hold(store.holds().nextHoldId(), target, kind, Reason.of("执行率严重偏离"), HoldStatus.ACTIVE, FINANCE,
                now(),
                null);
    }

    private static AuditEntry audit(String action, long holdId, Actor actor, String reason) {
        return new AuditEntry(now(), action, REGION, "HOLD", Long.toString(holdId), actor, reason, "kind=test");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
