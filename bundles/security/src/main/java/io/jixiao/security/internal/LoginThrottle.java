package io.jixiao.security.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed logins per (account, address) and per address in fixed windows. Once a key has failed its limit
 * within a window, further attempts of that key are refused until the window ends — before any password is derived,
 * so a guessing run costs the server a map lookup per attempt, not a PBKDF2 derivation. A success forgets the
 * (account, address) count. Memory is bounded: past {@code maxKeys}, expired windows are dropped, and if that is not
 * enough the counts start over (an attacker who floods the map with addresses gains one window's attempts per
 * address, never a lock-out of others).
 */
final class LoginThrottle {
    /** Whether the attempt may go on, and if a key has just crossed its limit (to be logged once). */
    record Verdict(long waitNanos) {
        boolean refused() {
            return waitNanos > 0;
        }
    }

    private static final class Window {
        final long start;
        int failures;
        boolean reported;

        Window(long start) {
            this.start = start;
        }
    }

    private final int perAccountAddress;
    private final int perAddress;
    private final long windowNanos;
    private final int maxKeys;
    private final LongSupplier nanos;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * @param perAccountAddress failures of one account from one address per window; 0: not limited
     * @param perAddress failures from one address (any accounts) per window; 0: not limited
     */
    LoginThrottle(int perAccountAddress, int perAddress, Duration window, int maxKeys, LongSupplier nanos) {
        this.perAccountAddress = perAccountAddress;
        this.perAddress = perAddress;
        this.windowNanos = window.toNanos();
        this.maxKeys = maxKeys;
        this.nanos = nanos;
    }

    /** @return how long the attempt must wait; zero: it may be verified */
    Duration refusal(String account, String address) {
        long now = nanos.getAsLong();
        long wait = Math.max(waiting(pairKey(account, address), perAccountAddress, now),
                waiting(addressKey(address), perAddress, now));
        return Duration.ofNanos(wait);
    }

    /**
     * Counts a failed attempt.
     *
     * @return a description of the limit just reached (log it once), or {@code null}
     */
    String failed(String account, String address) {
        long now = nanos.getAsLong();
        if (windows.size() > maxKeys) {
            windows.values().removeIf(w -> now - w.start >= windowNanos);
            if (windows.size() > maxKeys) {
                windows.clear();
            }
        }
        String reached = count(pairKey(account, address), perAccountAddress, now);
        String reachedByAddress = count(addressKey(address), perAddress, now);
        if (reached != null) {
            return "account " + account + " from " + address + ": " + reached;
        }
        return reachedByAddress == null ? null : "address " + address + " (any account): " + reachedByAddress;
    }

    void succeeded(String account, String address) {
        windows.remove(pairKey(account, address));
    }

    private long waiting(String key, int limit, long now) {
        if (limit <= 0) {
            return 0;
        }
        Window w = windows.get(key);
        if (w == null) {
            return 0;
        }
        synchronized (w) {
            long left = w.start + windowNanos - now;
            return left > 0 && w.failures >= limit ? left : 0;
        }
    }

    private String count(String key, int limit, long now) {
        if (limit <= 0) {
            return null;
        }
        while (true) {
            Window w = windows.computeIfAbsent(key, k -> new Window(now));
            synchronized (w) {
                if (now - w.start >= windowNanos) {
                    windows.remove(key, w);
                    continue;
                }
                w.failures++;
                if (w.failures >= limit && !w.reported) {
                    w.reported = true;
                    return w.failures + " failed logins within " + Duration.ofNanos(windowNanos).toSeconds()
                            + " s; further attempts are answered 429 until the window ends";
                }
                return null;
            }
        }
    }

    private static String pairKey(String account, String address) {
        return account + '\u0000' + address;
    }

    private static String addressKey(String address) {
        return "\u0000" + address;
    }
}
