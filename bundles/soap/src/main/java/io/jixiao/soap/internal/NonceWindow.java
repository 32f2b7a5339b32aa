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
    /** When this node began to remember nonces: a token created earlier may have been used before a restart. */
    static final Instant NODE_STARTED = Instant.now();
    /**
     * The one window of this node, shared by every SOAP service: a nonce used on one service is a replay on every
     * other. It lives as long as the SOAP bundle (a configuration change that republishes the services keeps it).
     */
    private static final NonceWindow NODE = new NonceWindow(Duration.ofMinutes(10));

    private volatile long retentionMillis;
    private final long bucketMillis;
    private final ConcurrentNavigableMap<Long, Set<String>> buckets = new ConcurrentSkipListMap<>();

    NonceWindow(Duration retention) {
        this.retentionMillis = retention.toMillis();
        this.bucketMillis = Math.max(1, retentionMillis / BUCKETS);
    }

    /**
     * @param retention how long nonces must be remembered at least (twice the freshness window)
     * @return this node's window, retaining at least that long
     */
    static NonceWindow node(Duration retention) {
        synchronized (NODE) {
            NODE.retentionMillis = Math.max(NODE.retentionMillis, retention.toMillis());
        }
        return NODE;
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
