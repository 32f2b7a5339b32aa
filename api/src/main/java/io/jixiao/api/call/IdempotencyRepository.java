package io.jixiao.api.call;

import java.time.Duration;
import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Idempotency keys of state-changing calls, one scheme for every adapter. The first call under a key reserves it
 * for a short lease and runs as one unit of work: everything it changes is committed together with its answer
 * ({@link Call#answer}), so a crash keeps both or neither. A replay of the same request gets that answer until the
 * key expires; a replay during the lease is told to come back; a replay after the lease, when the first call died
 * without an answer, performs the call itself (the first call's changes were never committed).
 *
 * @since 1.0.0
 */
@ProviderType
public interface IdempotencyRepository {

    /** What the store knows of a key when a call arrives. */
    enum State {
        /** The key is new, expired, or its earlier call's lease ran out: this call now holds it ({@link Entry#call}). */
        RESERVED,
        /** The same request was answered before: replay {@link Entry#status()} and {@link Entry#body()}. */
        ANSWERED,
        /** The same request is being performed by another call whose lease has {@link Entry#retryAfter()} left. */
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
     * @param retryAfter for {@link State#IN_PROGRESS}: the lease left to the call performing it (at least 1 s)
     * @param call for {@link State#RESERVED}: this call's unit of work, bound to the calling thread
     */
    record Entry(State state, int status, String contentType, String location, String body, Duration retryAfter,
            Call call) {
        public static Entry of(State state) {
            return new Entry(state, 0, null, null, null, null, null);
        }
    }

    /**
     * A reserved key's call. From {@link #begin} until {@link #answer} or {@link #abandon}, every repository call on
     * the calling thread joins one transaction; exactly one of the two must be called, on the same thread.
     *
     */
    @ProviderType
    interface Call {
        /**
         * Keeps the answer and commits it with everything the call changed, then runs what the services asked to run
         * once it is committed (lifting a hold from the in-memory index, waking a worker).
         *
         * @param status the answer's status
         * @param contentType the answer's content type
         * @param location the answer's {@code Location} header, or {@code null}
         * @param body the answer
         * @throws LeaseLostException when the lease ran out and a retry took the key over: nothing was committed
         */
        void answer(int status, String contentType, String location, String body);

        /** Rolls back everything the call changed and frees the key, so that the client may retry at once. */
        void abandon();
    }

    /**
     * The call's lease ran out and a retry under the same key took it over; this call's changes were rolled back.
     *
     */
    final class LeaseLostException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LeaseLostException(String message) {
            super(message);
        }
    }

    /**
     * Reserves a key for a request, or tells what it was used for. For {@link State#RESERVED} the call's unit of
     * work is bound to the calling thread.
     *
     * @param key the idempotency key
     * @param requestHash a hash of what the request asks (operation and body)
     * @param now the time
     * @param expiresAt until when the key and its answer are kept
     * @param lease how long the reservation stands against retries while the call runs
     * @return the key's state for this call
     */
    Entry begin(String key, String requestHash, Instant now, Instant expiresAt, Duration lease);

    /**
     * @param now the time
     * @return how many expired keys were removed
     */
    int purgeExpired(Instant now);

    /**
     * Rolls back, with a warning, a call still bound to the calling thread that never reached {@link Call#answer} or
     * {@link Call#abandon} (an {@link Error} past the adapter). Every adapter calls it as each request starts, so
     * that a pooled thread never carries such a call into the next request, whose writes would join it and never
     * commit.
     *
     */
    void discardStale();
}
