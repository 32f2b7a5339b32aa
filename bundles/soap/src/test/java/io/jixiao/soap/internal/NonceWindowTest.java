package io.jixiao.soap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NonceWindowTest {
    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    @Test
    void aNonceIsAReplayForTheWholeRetentionAndForgottenAfterIt() {
        NonceWindow window = new NonceWindow(Duration.ofSeconds(600));
        assertThat(window.firstSeen("pay-module\u0000n1", T0)).isTrue();
        assertThat(window.firstSeen("pay-module\u0000n1", T0)).isFalse();
        assertThat(window.firstSeen("pay-module\u0000n1", T0.plusSeconds(599))).isFalse();
        assertThat(window.firstSeen("other\u0000n1", T0.plusSeconds(1))).isTrue();
        // after the retention the bucket is gone (a token that old is refused by its Created anyway)
        assertThat(window.firstSeen("pay-module\u0000n1", T0.plusSeconds(676))).isTrue();
    }

    @Test
    void memoryIsTheRetentionsNoncesOnly() {
        NonceWindow window = new NonceWindow(Duration.ofSeconds(600));
        // 20 minutes at 100 tokens a second: only the last ten minutes (plus one bucket) are kept
        for (int s = 0; s < 1200; s++) {
            for (int i = 0; i < 100; i++) {
                assertThat(window.firstSeen("a\u0000" + s + "-" + i, T0.plusSeconds(s))).isTrue();
            }
        }
        assertThat(window.size()).isBetween(60_000, 67_500);
    }
}
