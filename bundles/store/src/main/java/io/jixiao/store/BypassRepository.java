package io.jixiao.store;

import io.jixiao.api.service.Bypass;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The payment guard's emergency bypasses: opened and closed with their audit rows, and read by every node's guard.
 * Apart from the holds since 4.0.0 (they were {@link HoldRepository}'s).
 *
 * @since 4.0.0
 */
@org.osgi.annotation.versioning.ProviderType
public interface BypassRepository {

    /** @return a new bypass id */
    long nextBypassId();

    /** Stores an opened bypass with its audit row. */
    void insertBypass(Bypass bypass, AuditEntry audit);

    /**
     * Closes a bypass that is still open, with its audit row.
     *
     * @return false if it was closed or had ended
     */
    boolean closeBypass(Bypass closed, AuditEntry audit);

    /** @return a bypass, open or not */
    Optional<Bypass> findBypass(long bypassId);

    /** @return the bypasses open at that moment */
    List<Bypass> openBypasses(Instant now);
}
