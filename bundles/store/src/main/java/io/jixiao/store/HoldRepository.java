package io.jixiao.store;

import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldTarget;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Holds and their audit rows.
 */
@ProviderType
public interface HoldRepository {

    /**
     * @return a new, never used hold id
     */
    long nextHoldId();

    /**
     * Stores an active hold and its audit entry in one transaction.
     *
     * @param hold the hold, active
     * @param audit its audit entry
     */
    void insert(Hold hold, AuditEntry audit);

    /**
     * Marks an active hold released and appends its audit entry, in one transaction.
     *
     * @param holdId the hold
     * @param release who, when, why
     * @param audit the audit entry
     * @return {@code false} (and nothing written) if the hold does not exist or is not active
     */
    boolean release(long holdId, Hold.Release release, AuditEntry audit);

    /**
     * @param holdId the hold
     * @return the hold, active or released
     */
    Optional<Hold> find(long holdId);

    /**
     * @param target the target
     * @return its active holds, oldest first
     */
    List<Hold> findActive(HoldTarget target);

    /**
     * Streams every active hold through a database cursor, without loading them all at once.
     *
     * @param consumer receives each active hold
     */
    void forEachActive(Consumer<Hold> consumer);

    /**
     * A placement or release, in the order the change log numbers them.
     *
     * @param seq its place in the change log
     * @param hold the hold as it is now (active or released)
     * @since 1.5.0
     */
    record HoldChange(long seq, Hold hold) {
    }

    /**
     * @return the number of the last committed change in the hold change log, 0 if none
     * @since 1.5.0
     */
    long latestChange();

    /**
     * @param after a change number
     * @param limit at most this many
     * @return the changes numbered after it, in order, with each hold as it is now
     * @since 1.5.0
     */
    List<HoldChange> changesAfter(long after, int limit);
}
