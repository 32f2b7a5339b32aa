package io.jixiao.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.store.IdempotencyRepository.Entry;
import io.jixiao.store.IdempotencyRepository.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The idempotency key store on every dialect. */
class IdempotencyTest extends EveryDialect {
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofHours(24));

    @ParameterizedTest
    @MethodSource("databases")
    void firstUseReservesThenTheAnswerIsReplayed(TestDatabase db) {
        MyBatisStore keys = store(db);
        String key = UUID.randomUUID().toString();

        assertThat(keys.begin(key, "hash-a", NOW, LATER).state()).isEqualTo(State.RESERVED);
        assertThat(keys.begin(key, "hash-a", NOW, LATER).state()).as("while the first call runs")
                .isEqualTo(State.IN_PROGRESS);
        keys.complete(key, 201, "application/json", "http://x/holds/1000", "{\"HOLD_ID\":1000,\"REASON\":\"偏离\"}");

        Entry replay = keys.begin(key, "hash-a", NOW.plusSeconds(5), LATER);
        assertThat(replay).isEqualTo(new Entry(State.ANSWERED, 201, "application/json", "http://x/holds/1000",
                "{\"HOLD_ID\":1000,\"REASON\":\"偏离\"}"));
        keys.complete(key, 500, "text/plain", null, "must not overwrite");
        assertThat(keys.begin(key, "hash-a", NOW, LATER).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aKeyReusedForAnotherRequestConflicts(TestDatabase db) {
        MyBatisStore keys = store(db);
        String key = UUID.randomUUID().toString();
        keys.begin(key, "hash-a", NOW, LATER);
        keys.complete(key, 200, "application/json", null, "{}");

        assertThat(keys.begin(key, "hash-b", NOW, LATER).state()).isEqualTo(State.CONFLICT);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAbandonedKeyCanBeRetried(TestDatabase db) {
        MyBatisStore keys = store(db);
        String key = UUID.randomUUID().toString();
        keys.begin(key, "hash-a", NOW, LATER);
        keys.abandon(key);

        assertThat(keys.begin(key, "hash-a", NOW, LATER).state()).isEqualTo(State.RESERVED);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void expiredKeysAreForgotten(TestDatabase db) {
        MyBatisStore keys = store(db);
        String key = UUID.randomUUID().toString();
        keys.begin(key, "hash-a", NOW, NOW.plusSeconds(60));
        keys.complete(key, 200, "application/json", null, "{}");

        assertThat(keys.begin(key, "hash-b", NOW.plusSeconds(61), LATER).state()).isEqualTo(State.RESERVED);
        String other = UUID.randomUUID().toString();
        keys.begin(other, "h", NOW, NOW.plusSeconds(1));
        assertThat(keys.purgeExpired(NOW.plusSeconds(2))).isGreaterThanOrEqualTo(1);
        assertThat(keys.begin(other, "h2", NOW.plusSeconds(3), LATER).state()).isEqualTo(State.RESERVED);
    }
}
