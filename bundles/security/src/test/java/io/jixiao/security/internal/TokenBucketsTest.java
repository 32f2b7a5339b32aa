package io.jixiao.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    @Test
    void aBurstThenTheSustainedRate() {
        AtomicLong now = new AtomicLong();
        TokenBuckets buckets = new TokenBuckets(now::get);

        for (int i = 0; i < 3; i++) {
            assertThat(buckets.acquire("pay-module", 2.0, 3)).isZero();
        }
        Duration wait = buckets.acquire("pay-module", 2.0, 3);
        assertThat(wait).isEqualTo(Duration.ofMillis(500));

        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(buckets.acquire("pay-module", 2.0, 3)).isZero();
        assertThat(buckets.acquire("pay-module", 2.0, 3)).isPositive();
        assertThat(buckets.acquire("finance01", 2.0, 3)).as("accounts have their own budgets").isZero();

        now.addAndGet(Duration.ofSeconds(60).toNanos());
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.acquire("pay-module", 2.0, 3)).as("never more than the burst").isZero();
        }
        assertThat(buckets.acquire("pay-module", 2.0, 3)).isPositive();
    }
}
