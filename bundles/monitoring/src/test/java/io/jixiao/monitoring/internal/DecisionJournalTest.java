package io.jixiao.monitoring.internal;

import static io.jixiao.monitoring.internal.Fixture.HOST;
import static io.jixiao.monitoring.internal.Fixture.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.hook.PaymentDecision;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.PayAppNo;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.DecisionRecord;
import io.jixiao.store.DecisionRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DecisionJournalTest {
    private static final DecisionRecord PASS = new DecisionRecord(
            payment(2026, "PA-1", "P1", "B1", ExpenditureKind.PROJECT),
            PaymentDecision.pass(PaymentDecision.ReasonCode.NO_ACTIVE_HOLD), HOST, Instant.now());

    /** A database that is down for the first writes and slow afterwards. */
    static final class FlakyRepository implements DecisionRepository {
        final List<DecisionRecord> written = new CopyOnWriteArrayList<>();
        final List<Integer> batches = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresLeft;
        final long delayMillis;

        FlakyRepository(int failures, long delayMillis) {
            this.failuresLeft = new AtomicInteger(failures);
            this.delayMillis = delayMillis;
        }

        @Override
        public void recordAll(List<DecisionRecord> decisions) {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("database unavailable");
            }
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            written.addAll(decisions);
            batches.add(decisions.size());
        }

        @Override
        public void recordBlocking(DecisionRecord decision, AuditEntry audit) {
            throw new AssertionError("the journal records only non-blocking decisions");
        }

        @Override
        public List<DecisionRecord> findByApplication(MofDivCode m, FiscalYear y, PayAppNo n) {
            return List.of();
        }
    }

    @Test
    void failedWritesAreRetriedAndNothingIsLost() {
        FlakyRepository repo = new FlakyRepository(2, 0);
        DecisionJournal journal = new DecisionJournal(repo, 100, 10, Duration.ofMillis(10), Duration.ofSeconds(10));
        for (int i = 0; i < 35; i++) {
            journal.append(PASS);
        }
        journal.close();

        assertThat(repo.written).hasSize(35);
        assertThat(journal.written()).isEqualTo(35);
        assertThat(journal.pending()).isZero();
    }

    @Test
    void aBurstIsWrittenInFullBatchesRatherThanOneWritePerDecision() {
        FlakyRepository repo = new FlakyRepository(0, 0);
        DecisionJournal journal = new DecisionJournal(repo, 100, 10, Duration.ofSeconds(30), Duration.ofSeconds(10));
        for (int i = 0; i < 35; i++) {
            journal.append(PASS);
        }
        journal.close(); // the last, partial batch is written at once, without waiting out the flush interval

        assertThat(repo.batches).containsExactly(10, 10, 10, 5);
    }

    @Test
    void aFullQueueMakesCallersWaitInsteadOfDropping() {
        FlakyRepository repo = new FlakyRepository(0, 5);
        DecisionJournal journal = new DecisionJournal(repo, 2, 1, Duration.ofMillis(10), Duration.ofSeconds(10));
        for (int i = 0; i < 40; i++) {
            journal.append(PASS);
        }
        journal.close();

        assertThat(repo.written).hasSize(40);
    }

    @Test
    void aClosedJournalRefusesNewDecisions() {
        DecisionJournal journal = new DecisionJournal(new FlakyRepository(0, 0), 10, 10, Duration.ofMillis(10),
                Duration.ofSeconds(1));
        journal.close();
        assertThatThrownBy(() -> journal.append(PASS)).isInstanceOf(IllegalStateException.class);
    }
}
