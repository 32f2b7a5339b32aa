package io.jixiao.store;

import java.util.Objects;

/**
 * A decision shipped from a node's decision spool, under the key that names its place in the spool. The key makes
 * writing it idempotent: a batch shipped again after a crash (written, but its shipping not yet marked in the
 * spool) is not recorded twice.
 *
 * @param key the spool's key (at most 64 characters)
 * @param record the decision
 * @param audit the audit entry written with the decision, in its transaction, when the decision is written (a HOLD's
 *        {@code PAYMENT_HELD}), or {@code null} (since 3.0.0)
 * @since 1.9.0
 */
public record JournaledDecision(String key, DecisionRecord record, AuditEntry audit) {
    public static final int MAX_KEY_LENGTH = 64;

    /** A decision written without an audit entry of its own (a PASS). */
    public JournaledDecision(String key, DecisionRecord record) {
        this(key, record, null);
    }

    public JournaledDecision {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(record, "record");
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a journal key has 1 to 64 characters, got '" + key + "'");
        }
    }
}
