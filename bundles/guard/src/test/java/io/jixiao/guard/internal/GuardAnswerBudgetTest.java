package io.jixiao.guard.internal;

import static io.jixiao.guard.internal.Fixture.FINANCE;
import static io.jixiao.guard.internal.Fixture.HOST;
import static io.jixiao.guard.internal.Fixture.REGION;
import static io.jixiao.guard.internal.Fixture.payment;
import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.hook.PaymentApplication;
import io.jixiao.api.hook.PaymentDecision;
import io.jixiao.api.hook.PaymentDecision.Outcome;
import io.jixiao.api.hook.PaymentDecision.ReasonCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.PayAppNo;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.DecisionRecord;
import io.jixiao.store.DecisionRepository;
import io.jixiao.store.HoldRepository;
import io.jixiao.store.JournaledDecision;
import io.jixiao.store.internal.Repositories;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: a payment check answers whatever the database does. A HOLD that the database does not commit — it hangs,
 * or it is gone — is answered all the same, from the spool, and written with its audit row once the database takes
 * it: once, whoever gets there first. A STRICT check that cannot read the hold change log holds fail-safe, and the
 * status says why.
 */
class GuardAnswerBudgetTest {
    private Repositories store;
    private Gate database;
    private HoldRegistry holds;
    private DecisionJournal journal;
    private PaymentGuardEngine guard;
    private HoldIndex index;
    private DecisionRepository gated;

    /** The store behind a switch: open, hanging until released, or refusing connections. */
    static final class Gate {
        volatile CountDownLatch hang;
        volatile boolean down;

        void pass() throws InterruptedException {
            CountDownLatch h = hang;
            if (h != null) {
                h.await();
            }
            if (down) {
                throw new org.apache.ibatis.exceptions.PersistenceException(new SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available, request timed out after 10000ms"));
            }
        }

        void release() {
            CountDownLatch h = hang;
            hang = null;
            if (h != null) {
                h.countDown();
            }
        }
    }

    @BeforeEach
    void setUp() {
        store = Fixture.store();
        database = new Gate();
        index = new HoldIndex();
        holds = new HoldRegistry(store.holds(), index, Clock.systemUTC());
        gated = new DecisionRepository() {
            @Override
            public void recordAll(List<DecisionRecord> decisions) {
                through();
                store.decisions().recordAll(decisions);
            }

            @Override
            public int recordOnce(List<JournaledDecision> decisions) {
                through();
                return store.decisions().recordOnce(decisions);
            }

            @Override
            public void recordNew(List<JournaledDecision> decisions) {
                through();
                store.decisions().recordNew(decisions);
            }

            @Override
            public List<DecisionRecord> findByApplication(MofDivCode m, FiscalYear y, PayAppNo n) {
                return store.decisions().findByApplication(m, y, n);
            }

            private void through() {
                try {
                    database.pass();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        };
        journal = new DecisionJournal(gated, Fixture.spool(), 100, Duration.ofMillis(20), Duration.ofSeconds(5));
        guard = new PaymentGuardEngine(index, gated, journal, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        database.release();
        guard.close();
        journal.close();
    }

    @Test
    void aHoldTheDatabaseHangsOnIsAnsweredAndWrittenWithItsAuditRowWhenTheDatabaseComesBack() throws Exception {
        Hold hold = holds.place(HoldTarget.project(REGION, ProCode.of("P-HANG")), HoldKind.SUSPEND,
                Reason.of("执行率严重偏离"), FINANCE);
        database.hang = new CountDownLatch(1);
        PaymentApplication app = payment(2026, "PA-HANG", "P-HANG", "B1", ExpenditureKind.PROJECT);

        PaymentDecision held = guard.check(app, HOST); // answers although the database does not

        assertThat(held).isEqualTo(new PaymentDecision(Outcome.HOLD, ReasonCode.PROJECT_HELD, hold.holdId(),
                HoldKind.SUSPEND, "执行率严重偏离"));
        assertThat(decisions(app)).as("not in the database yet").isZero();
        database.release();
        awaitRecorded(app);
        assertThat(store.audit().findBySubject("PAY_APP", "2026/440100000/PA-HANG", 10)).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo("PAYMENT_HELD"));
    }

    @Test
    void aHoldWhileTheDatabaseIsDownIsAnsweredNever500AndWrittenOnceItIsBack() throws Exception {
        holds.place(HoldTarget.project(REGION, ProCode.of("P-DOWN")), HoldKind.STOP, Reason.of("停止拨款"), FINANCE);
        database.down = true;
        PaymentApplication app = payment(2026, "PA-DOWN", "P-DOWN", "B1", ExpenditureKind.PROJECT);

        assertThat(guard.check(app, HOST).reasonCode()).isEqualTo(ReasonCode.PROJECT_HELD);
        assertThat(guard.check(payment(2026, "PA-BASIC", "P-DOWN", "B1", ExpenditureKind.BASIC), HOST).outcome())
                .as("basic expenditure passes, database or not").isEqualTo(Outcome.PASS);

        database.down = false;
        awaitRecorded(app);
        assertThat(store.audit().findBySubject("PAY_APP", "2026/440100000/PA-DOWN", 10)).hasSize(1);
    }

    @Test
    void aHoldCommittedByItsCheckIsNotWrittenAgainFromTheSpool() throws Exception {
        holds.place(HoldTarget.project(REGION, ProCode.of("P-ONCE")), HoldKind.SUSPEND, Reason.of("偏离"), FINANCE);
        PaymentApplication app = payment(2026, "PA-ONCE", "P-ONCE", "B1", ExpenditureKind.PROJECT);

        // a budget no busy machine exceeds: the claim is that the spooled copy is not written again
        try (PaymentGuardEngine patient = new PaymentGuardEngine(index, gated, journal, Clock.systemUTC(), null, false,
                null, Duration.ofSeconds(30))) {
            patient.check(app, HOST);
        }
        assertThat(decisions(app)).as("committed within the budget").isEqualTo(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (journal.written() < 1) { // the journal ships the spooled copy: found by its key, skipped
            assertThat(System.nanoTime()).as("the journal reaches the HOLD").isLessThan(deadline);
            Thread.sleep(10);
        }
        journal.close();
        assertThat(decisions(app)).isEqualTo(1);
        assertThat(store.audit().findBySubject("PAY_APP", "2026/440100000/PA-ONCE", 10)).hasSize(1);
    }

    @Test
    void aStrictCheckThatCannotReadTheChangeLogHoldsFailSafeAndTheStatusSaysWhy() throws Exception {
        CountDownLatch[] hang = {null};
        HoldRepository hanging = (HoldRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HoldRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("latestChange") && hang[0] != null) {
                        hang[0].await();
                    }
                    try {
                        return method.invoke(store.holds(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        HoldIndex index = new HoldIndex();
        HoldSync sync = new HoldSync(hanging, index, Clock.systemUTC(), Duration.ofSeconds(10));
        sync.load();
        PaymentGuardEngine strict = new PaymentGuardEngine(index, store.decisions(), journal, Clock.systemUTC(), sync,
                true,
                Duration.ofMinutes(5), Duration.ofMillis(200));
        try {
            PaymentApplication app = payment(2026, "PA-STRICT", "P-FREE", "B1", ExpenditureKind.PROJECT);
            assertThat(strict.check(app, HOST).outcome()).isEqualTo(Outcome.PASS);
            assertThat(strict.untrustedReason()).isNull();

            hang[0] = new CountDownLatch(1);
            PaymentDecision failSafe = strict.check(payment(2026, "PA-STRICT-2", "P-FREE", "B1",
                    ExpenditureKind.PROJECT), HOST);
            assertThat(failSafe.reasonCode()).isEqualTo(ReasonCode.GUARD_STATE_UNKNOWN);
            assertThat(strict.trustedNow()).isFalse();
            assertThat(strict.untrustedReason()).contains("strict read", "did not answer within the check's budget");

            hang[0].countDown();
            hang[0] = null;
            assertThat(strict.check(payment(2026, "PA-STRICT-3", "P-FREE", "B1", ExpenditureKind.PROJECT), HOST)
                    .outcome()).isEqualTo(Outcome.PASS);
            assertThat(strict.untrustedReason()).as("recovered by itself").isNull();
        } finally {
            strict.close();
        }
    }

    private long decisions(PaymentApplication app) {
        return store.decisions().findByApplication(app.mofDivCode(), app.fiscalYear(), app.payAppNo()).size();
    }

    private void awaitRecorded(PaymentApplication app) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (decisions(app) == 0) {
            assertThat(System.nanoTime()).as("the HOLD reaches the database").isLessThan(deadline);
            Thread.sleep(10);
        }
        Thread.sleep(200); // a second writer, had there been one, would have written by now
        assertThat(decisions(app)).as("written once").isEqualTo(1);
    }
}
