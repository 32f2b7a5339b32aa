package io.jixiao.api.call;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * How every adapter turns a client's idempotency key (REST {@code Idempotency-Key}, SOAP {@code RequestId})
 * and its request into what {@link IdempotencyRepository} keeps, so that all adapters share one scheme: keys are
 * per account (another caller's key never replays to you), and a request is identified by a hash of what it
 * asks.
 *
 * @since 1.0.0
 */
public final class IdempotencyKeys {
    /** What a client's key may look like. */
    public static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** Why a key that does not match {@link #KEY} is refused. */
    public static final String KEY_RULE = "must be 1 to 128 letters, digits, '.', '_', ':' or '-'";

    /** The longest lease of a reserved key: a retry after a crash waits at most this long for a definite answer. */
    public static final java.time.Duration MAX_LEASE = java.time.Duration.ofSeconds(30);

    private IdempotencyKeys() {
    }

    /**
     * @param seconds a configured lease
     * @return the lease a key is reserved for: the configured seconds, at least 1, at most {@link #MAX_LEASE}
     */
    public static java.time.Duration lease(long seconds) {
        return java.time.Duration.ofSeconds(Math.min(MAX_LEASE.toSeconds(), Math.max(1, seconds)));
    }

    /**
     * @param account the authenticated account
     * @param key the client's key, matching {@link #KEY}
     * @return the stored key: a hash of account and key
     */
    public static String scoped(String account, String key) {
        return HexFormat.of().formatHex(sha256((account + '\u0000' + key).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * @param operation what is called (method and path, or SOAP operation)
     * @param body the request's content
     * @return the request hash
     */
    public static String requestHash(String operation, byte[] body) {
        byte[] head = (operation + '\n').getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return HexFormat.of().formatHex(sha256(all));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
