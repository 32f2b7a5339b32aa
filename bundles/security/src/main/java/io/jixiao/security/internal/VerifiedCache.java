package io.jixiao.security.internal;

import io.jixiao.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Credentials verified recently, by a SHA-256 of the credential (never the credential itself), each until the cache
 * period or its own end, whichever comes first. Bounded: when full it starts over. A zero or negative period keeps
 * nothing.
 */
final class VerifiedCache {
    private final Duration ttl;
    private final int limit;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Principal principal, Instant until) {
    }

    VerifiedCache(Duration ttl, int limit, Clock clock) {
        this.ttl = ttl;
        this.limit = limit;
        this.clock = clock;
    }

    /** @return the key a credential is remembered by */
    static String key(String credential) {
        return HexFormat.of().formatHex(PasswordHash.sha256(credential));
    }

    /** @return the principal remembered for the key, or null if none or expired */
    Principal find(String key) {
        Entry entry = entries.get(key);
        return entry != null && entry.until().isAfter(clock.instant()) ? entry.principal() : null;
    }

    /**
     * Remembers a verified credential.
     *
     * @param end when the credential itself stops being valid, or null if it does not
     */
    void remember(String key, Principal principal, Instant end) {
        Instant now = clock.instant();
        Instant until = now.plus(ttl);
        if (end != null && end.isBefore(until)) {
            until = end;
        }
        if (!until.isAfter(now)) {
            return;
        }
        if (entries.size() >= limit) {
            entries.clear();
        }
        entries.put(key, new Entry(principal, until));
    }

    void clear() {
        entries.clear();
    }
}
