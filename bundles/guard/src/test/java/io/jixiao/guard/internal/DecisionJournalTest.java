package io.jixiao.guard.internal;

import static io.jixiao.guard.internal.Fixture.HOST;
import static io.jixiao.guard.internal.Fixture.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.hook.PaymentDecision;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.PayAppNo;
import io.jixiao.store.DecisionRecord;
import io.jixiao.store.DecisionRepository;
import io.jixiao.store.JournaledDecision;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DecisionJournalTest {
    private static final DecisionRecord PASS = new DecisionRecord(
            payment(2026, "PA-1", "P1", "B1", ExpenditureKind.PROJECT),
            PaymentDecision.pass(PaymentDecision.ReasonCode.NO_ACTIVE_HOLD), HOST, Instant.now());

    /** A database that is down for the first writes and slow afterwards; like the store, it keeps a key once. */
    static class FlakyRepository implements DecisionRepository {
        final Map<String, DecisionRecord> written = new ConcurrentHashMap<>();
        final List<Integer> batches = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresLeft;
        /** Keys offered as new that were written already: never, unless a spool reuses keys. */
        final AtomicInteger repeatedKeys = new AtomicInteger();
        final long delayMillis;

        FlakyRepository(int failures, long delayMillis) {
            this.failuresLeft = new AtomicInteger(failures);
            this.delayMillis = delayMillis;
        }

        @Override
        public int recordOnce(List<JournaledDecision> decisions) {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("database unavailable");
            }
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            int added = 0;
            for (JournaledDecision d : decisions) {
                added += written.putIfAbsent(d.key(), d.record()) == null ? 1 : 0;
            }
            batches.add(decisions.size());
            return added;
        }

        @Override
        public void recordNew(List<JournaledDecision> decisions) {
            for (JournaledDecision d : decisions) {
                if (written.containsKey(d.key())) {
                    repeatedKeys.incrementAndGet();
                    throw new IllegalStateException("unique key " + d.key() + " violated");
                }
            }
            recordOnce(decisions);
        }

        @Override
        public void recordAll(List<DecisionRecord> decisions) {
            throw new AssertionError("the journal writes under spool keys");
        }

        @Override
        public List<DecisionRecord> findByApplication(MofDivCode m, FiscalYear y, PayAppNo n) {
            return List.of();
        }
    }

    @Test
    void failedWritesAreRetriedAndNothingIsLost() {
        FlakyRepository repo = new FlakyRepository(2, 0);
        DecisionJournal journal = new DecisionJournal(repo, Fixture.spool(), 10, Duration.ofMillis(10),
                Duration.ofSeconds(10));
        for (int i = 0; i < 35; i++) {
            journal.append(PASS);
        }
        journal.close();

        assertThat(repo.written).hasSize(35);
        assertThat(journal.written()).isEqualTo(35);
        assertThat(journal.unshippedBytes()).isZero();
    }

    @Test
    void aBurstIsWrittenInFullBatchesRatherThanOneWritePerDecision() {
        FlakyRepository repo = new FlakyRepository(0, 0);
        DecisionJournal journal = new DecisionJournal(repo, Fixture.spool(), 10, Duration.ofSeconds(30),
                Duration.ofSeconds(10));
        for (int i = 0; i < 35; i++) {
            journal.append(PASS);
        }
        journal.close(); // the last, partial batch is written at once, without waiting out the flush interval

        // full batches while the burst lasts; the rest (5) in one or, if the stop came mid-read, two writes
        assertThat(repo.batches.subList(0, 3)).containsExactly(10, 10, 10);
        assertThat(repo.batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(35);
        assertThat(repo.batches).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void aFullSpoolMakesCallersWaitInsteadOfDropping() {
        FlakyRepository repo = new FlakyRepository(0, 5);
        // two segments of 4 KiB hold about 40 decisions: the rest wait for the database
        DecisionSpool spool = new DecisionSpool(Fixture.temporaryDirectory(), 4096, 2);
        DecisionJournal journal = new DecisionJournal(repo, spool, 5, Duration.ofMillis(10), Duration.ofSeconds(10));
        for (int i = 0; i < 300; i++) {
            journal.append(PASS);
            assertThat(spool.segments()).isLessThanOrEqualTo(2);
        }
        journal.close();

        assertThat(repo.written).hasSize(300);
    }

    @Test
    void aClosedJournalRefusesNewDecisions() {
        DecisionJournal journal = new DecisionJournal(new FlakyRepository(0, 0), Fixture.spool(), 10,
                Duration.ofMillis(10), Duration.ofSeconds(1));
        journal.close();
        assertThatThrownBy(() -> journal.append(PASS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whatTheDatabaseDidNotTakeBeforeStoppingIsWrittenAtTheNextStart() {
        Path directory = Fixture.temporaryDirectory();
        FlakyRepository down = new FlakyRepository(Integer.MAX_VALUE, 0);
        DecisionJournal first = new DecisionJournal(down, new DecisionSpool(directory, 1 << 20, 4), 10,
                Duration.ofMillis(10), Duration.ofMillis(300));
        for (int i = 0; i < 25; i++) {
            first.append(PASS);
        }
        first.close(); // gives up after the close timeout: the database never answered
        assertThat(down.written).isEmpty();

        FlakyRepository up = new FlakyRepository(0, 0);
        DecisionJournal second = new DecisionJournal(up, new DecisionSpool(directory, 1 << 20, 4), 10,
                Duration.ofMillis(10), Duration.ofSeconds(10));
        second.append(PASS);
        second.close();

        assertThat(up.written).hasSize(26);
        assertThat(up.repeatedKeys).hasValue(0);
        assertThat(up.written.values()).allSatisfy(r -> assertThat(r).isEqualTo(PASS));
        assertThat(second.written()).isEqualTo(26);
    }

    @Test
    void whileTheDatabaseIsDownTheLagAndBacklogGrowAndFallBackOnceItIsBack() throws Exception {
        FlakyRepository repo = new FlakyRepository(Integer.MAX_VALUE, 0);
        DecisionJournal journal = new DecisionJournal(repo, Fixture.spool(), 10, Duration.ofMillis(10),
                Duration.ofSeconds(10));
        Instant decided = Instant.now().minusSeconds(30);
        journal.append(new DecisionRecord(PASS.application(), PASS.decision(), HOST, decided));
        journal.append(PASS);
        assertThat(journal.unshippedBytes()).isPositive();
        long deadline = System.currentTimeMillis() + 10_000;
        while (journal.lag(Instant.now()) == null) {
            assertThat(System.currentTimeMillis()).as("the writer takes the decisions up").isLessThan(deadline);
            Thread.sleep(5);
        }
        assertThat(journal.lag(Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(30));

        repo.failuresLeft.set(0); // the database is back
        while (journal.written() < 2) {
            assertThat(System.currentTimeMillis()).as("written once the database is back").isLessThan(deadline);
            Thread.sleep(5);
        }
        assertThat(journal.lag(Instant.now())).isNull();
        assertThat(journal.unshippedBytes()).isZero();
        journal.close();
    }

    @Test
    void anEarlierRunsSegmentsWithNothingLeftAreFreedAtStart() throws Exception {
        Path directory = Fixture.temporaryDirectory();
        DecisionJournal first = new DecisionJournal(new FlakyRepository(0, 0), new DecisionSpool(directory,
                256 << 10, 8), 10, Duration.ofMillis(10), Duration.ofSeconds(10));
        for (int i = 0; i < 5; i++) {
            first.append(PASS);
        }
        first.close(); // all written; the segment stays as the last run's

        DecisionSpool spool = new DecisionSpool(directory, 256 << 10, 8);
        assertThat(spool.segments()).isEqualTo(2);
        assertThat(spool.unshippedBytes()).isZero();
        DecisionJournal second = new DecisionJournal(new FlakyRepository(0, 0), spool, 10, Duration.ofMillis(10),
                Duration.ofSeconds(10));
        long deadline = System.currentTimeMillis() + 10_000;
        while (spool.segments() > 1) {
            assertThat(System.currentTimeMillis()).as("the old segment is deleted").isLessThan(deadline);
            Thread.sleep(5);
        }
        assertThat(second.written()).isZero();
        second.close();
    }

    @Test
    void theWriterOutlivesAFailureOutsideTheDatabaseWrite() throws Exception {
        DecisionSpool spool = Fixture.spool();
        AtomicInteger failuresLeftToThrow = new AtomicInteger(1);
        FlakyRepository repo = new FlakyRepository(0, 0) {
            @Override
            public int recordOnce(List<JournaledDecision> decisions) {
                if (failuresLeftToThrow.getAndDecrement() > 0) {
                    throw new OutOfMemoryError("simulated: not a database error"); // an Error, not retried by the write
                }
                return super.recordOnce(decisions);
            }
        };
        DecisionJournal journal = new DecisionJournal(repo, spool, 10, Duration.ofMillis(10), Duration.ofSeconds(10));
        for (int i = 0; i < 15; i++) {
            journal.append(PASS);
        }
        journal.close();

        assertThat(repo.written).hasSize(15);
    }
}
