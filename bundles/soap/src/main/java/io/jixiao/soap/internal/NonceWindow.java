package io.jixiao.soap.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The UsernameToken nonces seen within the retention (twice the freshness window: a token is accepted only while
 * its Created lies within the window, so a nonce older than that cannot come back in an accepted token). Nonces
 * are kept in buckets by arrival time and whole buckets are dropped once they leave the retention: a check costs a
 * few hash lookups whatever the rate, and memory is the nonces of the retention (rate × retention) — never a scan
 * of everything remembered.
 */
final class NonceWindow {
    private static final int BUCKETS = 8;

    private final long retentionMillis;
    private final long bucketMillis;
    private final ConcurrentNavigableMap<Long, Set<String>> buckets = new ConcurrentSkipListMap<>();

    NonceWindow(Duration retention) {
        this.retentionMillis = retention.toMillis();
        this.bucketMillis = Math.max(1, retentionMillis / BUCKETS);
    }

    /**
     * Remembers a nonce.
     *
     * @param nonce the account and nonce
     * @param now when the token arrived
     * @return false when the nonce was seen within the retention: a replay
     */
    boolean firstSeen(String nonce, Instant now) {
        long at = now.toEpochMilli();
        long oldest = (at - retentionMillis) / bucketMillis;
        buckets.headMap(oldest).clear();
        long current = at / bucketMillis;
        for (Set<String> earlier : buckets.headMap(current).values()) {
            if (earlier.contains(nonce)) {
                return false;
            }
        }
        return buckets.computeIfAbsent(current, b -> ConcurrentHashMap.newKeySet()).add(nonce)
                && !inLater(nonce, current);
    }

    /** A nonce remembered by a thread whose clock was already in the next bucket. */
    private boolean inLater(String nonce, long current) {
        for (Set<String> later : buckets.tailMap(current, false).values()) {
            if (later.contains(nonce)) {
                return true;
            }
        }
        return false;
    }

    /** @return the nonces remembered now */
    int size() {
        return buckets.values().stream().mapToInt(Set::size).sum();
    }
}
