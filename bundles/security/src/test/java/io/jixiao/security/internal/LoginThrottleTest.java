package io.jixiao.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final AtomicLong clock = new AtomicLong();
    private final LoginThrottle throttle = new LoginThrottle(10, 50, Duration.ofMinutes(5), 1_000, clock::get);

    @Test
    void anAccountGuessedFromOneAddressIsRefusedAfterItsLimitAndReportedOnce() {
        List<String> reports = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < 200; i++) {
            if (!throttle.refusal("finance01", "10.0.0.9").isZero()) {
                refused++;
                continue;
            }
            String reached = throttle.failed("finance01", "10.0.0.9");
            if (reached != null) {
                reports.add(reached);
            }
        }
        assertThat(refused).isEqualTo(190);
        assertThat(reports).singleElement().asString().contains("finance01").contains("10.0.0.9");
        assertThat(throttle.refusal("finance01", "10.0.0.9")).isGreaterThan(Duration.ofMinutes(4));
        assertThat(throttle.refusal("finance01", "10.0.0.10")).as("another address").isZero();
        assertThat(throttle.refusal("unit01", "10.0.0.9")).as("another account").isZero();

        clock.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(throttle.refusal("finance01", "10.0.0.9")).as("the window has ended").isZero();
    }

    @Test
    void oneAddressTryingManyAccountsIsRefusedForAll() {
        for (int i = 0; i < 50; i++) {
            throttle.failed("account" + i, "10.0.0.7");
        }
        assertThat(throttle.refusal("someone.new", "10.0.0.7")).isPositive();
        assertThat(throttle.refusal("someone.new", "10.0.0.8")).isZero();
    }

    @Test
    void aSuccessForgetsTheAccountsFailures() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("finance01", "10.0.0.9");
        }
        throttle.succeeded("finance01", "10.0.0.9");
        for (int i = 0; i < 9; i++) {
            throttle.failed("finance01", "10.0.0.9");
        }
        assertThat(throttle.refusal("finance01", "10.0.0.9")).isZero();
    }

    @Test
    void memoryIsBounded() {
        LoginThrottle small = new LoginThrottle(10, 50, Duration.ofMinutes(5), 1_000, clock::get);
        for (int i = 0; i < 5_000; i++) {
            small.failed("a", "10.1." + (i / 256) + "." + (i % 256));
        }
        // each attempt adds a pair and an address window; the map starts over past its bound instead of growing
        assertThat(small.refusal("a", "10.1.19.135")).isZero();
    }
}
