package io.jixiao.security.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Token buckets per account: {@code burst} requests at once, refilled at {@code perSecond}. */
final class TokenBuckets {
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    private static final class Bucket {
        final double perNano;
        final double capacity;
        double tokens;
        long last;

        Bucket(double perSecond, int burst, long now) {
            this.perNano = perSecond / 1e9;
            this.capacity = burst;
            this.tokens = burst;
            this.last = now;
        }
    }

    /**
     * @return zero if allowed, otherwise the wait until one token is available
     */
    Duration acquire(String account, double perSecond, int burst) {
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.compute(account, (k, b) ->
                b == null || b.perNano != perSecond / 1e9 || b.capacity != burst ? new Bucket(perSecond, burst, now) : b);
        synchronized (bucket) {
            bucket.tokens = Math.min(bucket.capacity, bucket.tokens + (now - bucket.last) * bucket.perNano);
            bucket.last = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / bucket.perNano));
        }
    }
}
