package io.jixiao.store;

import java.util.Objects;

/**
 * A decision shipped from a node's decision spool, under the key that names its place in the spool. The key makes
 * writing it idempotent: a batch shipped again after a crash (written, but its shipping not yet marked in the
 * spool) is not recorded twice.
 *
 * @param key the spool's key (at most 64 characters)
 * @param record the decision
 * @since 1.9.0
 */
public record JournaledDecision(String key, DecisionRecord record) {
    public static final int MAX_KEY_LENGTH = 64;

    public JournaledDecision {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(record, "record");
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a journal key has 1 to 64 characters, got '" + key + "'");
        }
    }
}
