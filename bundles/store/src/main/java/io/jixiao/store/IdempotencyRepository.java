package io.jixiao.store;

import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Idempotency keys of state-changing calls, one scheme for every adapter: the first call under a key reserves
 * it, its answer is kept, and a replay of the same request gets that answer until the key expires.
 *
 * @since 1.1.0
 */
@ProviderType
public interface IdempotencyRepository {

    /** What the store knows of a key when a call arrives. */
    enum State {
        /** The key is new (or had expired): it is now reserved for this call, which must complete or abandon it. */
        RESERVED,
        /** The same request was answered before: replay {@link Entry#status()} and {@link Entry#body()}. */
        ANSWERED,
        /** The same request is being processed by another call. */
        IN_PROGRESS,
        /** The key was used for a different request. */
        CONFLICT
    }

    /**
     * @param state what the key's state is
     * @param status the first answer's status, for {@link State#ANSWERED}
     * @param contentType the first answer's content type, for {@link State#ANSWERED}
     * @param location the first answer's {@code Location}, if it had one
     * @param body the first answer, for {@link State#ANSWERED}
     */
    record Entry(State state, int status, String contentType, String location, String body) {
        public static Entry of(State state) {
            return new Entry(state, 0, null, null, null);
        }
    }

    /**
     * Reserves a key for a request, or tells what it was used for.
     *
     * @param key the idempotency key
     * @param requestHash a hash of what the request asks (operation and body)
     * @param now the time
     * @param expiresAt until when the key is kept
     * @return the key's state for this call
     */
    Entry begin(String key, String requestHash, Instant now, Instant expiresAt);

    /**
     * Keeps the answer of a reserved key.
     *
     * @param key the key
     * @param status the answer's status
     * @param contentType the answer's content type
     * @param location the answer's {@code Location} header, or {@code null}
     * @param body the answer
     */
    void complete(String key, int status, String contentType, String location, String body);

    /**
     * Frees a reserved key whose call failed without a final answer, so that the client may retry.
     *
     * @param key the key
     */
    void abandon(String key);

    /**
     * @param now the time
     * @return how many expired keys were removed
     */
    int purgeExpired(Instant now);
}
