package io.jixiao.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Role;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldStatus;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.AuditEntry;
import io.jixiao.api.call.IdempotencyRepository.Call;
import io.jixiao.api.call.IdempotencyRepository.Entry;
import io.jixiao.api.call.IdempotencyRepository.LeaseLostException;
import io.jixiao.api.call.IdempotencyRepository.State;
import io.jixiao.store.JournaledDecision;
import io.jixiao.store.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The idempotency key store on every dialect: reservations, leases, and the answer committed with the change. */
class IdempotencyTest extends EveryDialect {
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofHours(24));
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final MofDivCode REGION = MofDivCode.of("440100000");
    private static final Actor FINANCE = Actor.of("JIXIAO-UI", "li.finance", Role.FINANCE);

    @ParameterizedTest
    @MethodSource("databases")
    void firstUseReservesARetryDuringTheLeaseIsToldToWaitAndTheAnswerIsReplayed(TestDatabase db) throws Exception {
        Repositories keys = store(db);
        String key = UUID.randomUUID().toString();

        Entry first = keys.keys().begin(key, "hash-a", NOW, LATER, LEASE);
        assertThat(first.state()).isEqualTo(State.RESERVED);
        Entry during = elsewhere(() -> keys.keys().begin(key, "hash-a", NOW.plusMillis(20_500), LATER, LEASE));
        assertThat(during.state()).as("while the first call runs").isEqualTo(State.IN_PROGRESS);
        assertThat(during.retryAfter()).as("the lease left, rounded up").isEqualTo(Duration.ofSeconds(10));
        first.call().answer(201, "application/json", "http://x/holds/1000", "{\"HOLD_ID\":1000,\"REASON\":\"偏离\"}");

        Entry replay = keys.keys().begin(key, "hash-a", NOW.plusSeconds(5), LATER, LEASE);
        assertThat(replay).isEqualTo(new Entry(State.ANSWERED, 201, "application/json", "http://x/holds/1000",
                "{\"HOLD_ID\":1000,\"REASON\":\"偏离\"}", null, null));
        assertThat(keys.keys().begin(key, "hash-a", NOW.plus(LEASE).plusSeconds(1), LATER, LEASE).status())
                .as("an answered key is replayed after its lease too").isEqualTo(201);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aKeyReusedForAnotherRequestConflicts(TestDatabase db) {
        Repositories keys = store(db);
        String key = UUID.randomUUID().toString();
        keys.keys().begin(key, "hash-a", NOW, LATER, LEASE).call().answer(200, "application/json", null, "{}");

        assertThat(keys.keys().begin(key, "hash-b", NOW, LATER, LEASE).state()).isEqualTo(State.CONFLICT);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAbandonedCallChangesNothingAndItsKeyCanBeRetriedAtOnce(TestDatabase db) {
        Repositories keys = store(db);
        String key = UUID.randomUUID().toString();
        Call call = keys.keys().begin(key, "hash-a", NOW, LATER, LEASE).call();
        Hold hold = placeHold(keys, unique("IDEM-ABANDON"));
        List<String> undone = new ArrayList<>();
        Transactions.afterRollback(() -> undone.add("index"));
        call.abandon();

        assertThat(keys.holds().find(hold.holdId())).as("the call's hold was rolled back").isEmpty();
        assertThat(undone).as("effects outside the database are undone").containsExactly("index");
        assertThat(UnitOfWork.current()).isNull();
        assertThat(keys.keys().begin(key, "hash-a", NOW, LATER, LEASE).state()).isEqualTo(State.RESERVED);
        UnitOfWork.current().rollback();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theChangeAndItsAnswerAreCommittedTogetherAndWhatWaitedForTheCommitRunsAfterIt(TestDatabase db)
            throws Exception {
        Repositories keys = store(db);
        String key = UUID.randomUUID().toString();
        Call call = keys.keys().begin(key, "hash-a", NOW, LATER, LEASE).call();
        Hold hold = placeHold(keys, unique("IDEM-COMMIT"));
        List<String> ran = new ArrayList<>();
        Transactions.afterCommit(() -> ran.add("kick"));

        assertThat(elsewhere(() -> keys.holds().find(hold.holdId()))).as("nothing is visible before the answer").isEmpty();
        assertThat(ran).isEmpty();
        call.answer(201, "application/json", null, "{\"HOLD_ID\":" + hold.holdId() + "}");

        assertThat(elsewhere(() -> keys.holds().find(hold.holdId()))).isPresent();
        assertThat(elsewhere(() -> keys.audit().verify(REGION).intact())).isTrue();
        assertThat(ran).containsExactly("kick");
        List<String> outside = new ArrayList<>();
        Transactions.afterCommit(() -> outside.add("at once"));
        assertThat(outside).as("outside a call, at once").containsExactly("at once");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCallThatDiedIsTakenOverAfterItsLeaseAndPerformedOnce(TestDatabase db) throws Exception {
        Repositories keys = store(db);
        String key = UUID.randomUUID().toString();
        String project = unique("IDEM-DIED");
        elsewhere(() -> {
            keys.keys().begin(key, "hash-a", NOW, LATER, LEASE);
            placeHold(keys, project);
            UnitOfWork.current().rollback(); // the JVM died: the connection's transaction is gone, the key stays
            return null;
        });

        Entry early = keys.keys().begin(key, "hash-a", NOW.plus(LEASE).minusSeconds(1), LATER, LEASE);
        assertThat(early.state()).isEqualTo(State.IN_PROGRESS);
        assertThat(early.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        Entry retry = keys.keys().begin(key, "hash-a", NOW.plus(LEASE), LATER, LEASE);
        assertThat(retry.state()).as("the lease ran out: the retry performs the call").isEqualTo(State.RESERVED);
        Hold placed = placeHold(keys, project);
        retry.call().answer(201, "application/json", null, "{}");

        assertThat(keys.holds().findActive(HoldTarget.project(REGION, ProCode.of(project)))).extracting(Hold::holdId)
                .containsExactly(placed.holdId());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCallThatOutlivedItsLeaseKeepsNothingOnceARetryTookItsKeyOver(TestDatabase db) throws Exception {
        Repositories keys = store(db);
        String key = UUID.randomUUID().toString();
        String project = unique("IDEM-SLOW");
        Call slow = keys.keys().begin(key, "hash-a", NOW, LATER, LEASE).call();
        Hold lost = placeHold(keys, project); // holds the region's audit chain until the call ends

        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.CountDownLatch tookOver = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Future<Long> retry = other.submit(() -> {
                Entry entry = keys.keys().begin(key, "hash-a", NOW.plus(LEASE).plusSeconds(1), LATER, LEASE);
                assertThat(entry.state()).isEqualTo(State.RESERVED);
                tookOver.countDown();
                Hold hold = placeHold(keys, project); // waits for the slow call's chain lock
                entry.call().answer(201, "application/json", null, "{}");
                return hold.holdId();
            });
            assertThat(tookOver.await(30, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> slow.answer(201, "application/json", null, "{}"))
                    .isInstanceOf(LeaseLostException.class);
            long kept = retry.get(30, TimeUnit.SECONDS);

            assertThat(UnitOfWork.current()).isNull();
            assertThat(keys.holds().find(lost.holdId())).isEmpty();
            assertThat(keys.holds().findActive(HoldTarget.project(REGION,
                    ProCode.of(project)))).extracting(Hold::holdId)
                    .containsExactly(kept);
            assertThat(keys.keys().begin(key, "hash-a", NOW.plusSeconds(60), LATER, LEASE).state())
                    .isEqualTo(State.ANSWERED);
        } finally {
            other.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRepositoryCallThatFailsInsideACallTakesBackOnlyItsOwnWrites(TestDatabase db) {
        Repositories keys = store(db);
        String key = UUID.randomUUID().toString();
        String journalKey = "idem-" + UUID.randomUUID();
        Call call = keys.keys().begin(key, "hash-a", NOW, LATER, LEASE).call();
        Hold before = placeHold(keys, unique("IDEM-SP1"));
        keys.decisions().recordNew(List.of(new JournaledDecision(journalKey, HoldsAndDecisionsTest.decision(NOW, "SP-1"))));
        assertThatThrownBy(() -> keys.decisions().recordNew(List.of(
                new JournaledDecision(journalKey, HoldsAndDecisionsTest.decision(NOW, "SP-2")))))
                .as("a repeated journal key").isInstanceOf(PersistenceException.class);
        Hold after = placeHold(keys, unique("IDEM-SP2"));
        call.answer(200, "application/json", null, "{}");

        assertThat(keys.holds().find(before.holdId())).isPresent();
        assertThat(keys.holds().find(after.holdId())).as("the transaction goes on after the failed call (PostgreSQL "
                + "aborts it without a savepoint)").isPresent();
    }

    /** A call that never reached its answer (an Error past the adapter) does not leak into the thread's next call. */
    @ParameterizedTest
    @MethodSource("databases")
    void aUnitLeftOnAThreadIsRolledBackWhenTheNextRequestStarts(TestDatabase db) throws Exception {
        Repositories keys = store(db);
        Hold left = elsewhere(() -> {
            keys.keys().begin(UUID.randomUUID().toString(), "hash-a", NOW, LATER, LEASE);
            Hold hold = placeHold(keys, unique("IDEM-LEFT"));
            keys.keys().discardStale(); // the next request on this pooled thread starts
            assertThat(UnitOfWork.current()).isNull();
            return hold;
        });

        assertThat(keys.holds().find(left.holdId())).isEmpty();
        assertThat(keys.audit().verify(REGION).intact()).as("the chain head was not left locked or moved").isTrue();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void expiredKeysAreForgotten(TestDatabase db) {
        Repositories keys = store(db);
        String key = UUID.randomUUID().toString();
        keys.keys().begin(key, "hash-a", NOW, NOW.plusSeconds(60), LEASE).call().answer(200, "application/json", null,
                "{}");

        Entry again = keys.keys().begin(key, "hash-b", NOW.plusSeconds(61), LATER, LEASE);
        assertThat(again.state()).isEqualTo(State.RESERVED);
        again.call().abandon();
        String other = UUID.randomUUID().toString();
        keys.keys().begin(other, "h", NOW, NOW.plusSeconds(1), LEASE).call().abandon();
        keys.keys().begin(other, "h", NOW, NOW.plusSeconds(1), LEASE).call().answer(200, "text/plain", null, "");
        assertThat(keys.keys().purgeExpired(NOW.plusSeconds(2))).isGreaterThanOrEqualTo(1);
        Entry reused = keys.keys().begin(other, "h2", NOW.plusSeconds(3), LATER, LEASE);
        assertThat(reused.state()).isEqualTo(State.RESERVED);
        reused.call().abandon();
    }

    /** A project code of its own for each test and database (at most 21 characters). */
    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Hold placeHold(Repositories store, String project) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Hold hold = new Hold(store.holds().nextHoldId(), HoldTarget.project(REGION, ProCode.of(project)),
                HoldKind.SUSPEND,
                Reason.of("执行率严重偏离"), HoldStatus.ACTIVE, FINANCE, at, null);
        store.holds().insert(hold, new AuditEntry(at, "HOLD_PLACED", REGION, "HOLD", Long.toString(hold.holdId()),
                FINANCE,
                "执行率严重偏离", "kind=test"));
        return hold;
    }

    /** Runs work on another thread: another request, outside this thread's unit of work. */
    private static <T> T elsewhere(Callable<T> work) throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            return other.submit(work).get(30, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
    }
}
