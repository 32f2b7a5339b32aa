package io.jixiao.store;

import org.osgi.annotation.versioning.ProviderType;
import java.util.List;

/**
 * Reads the append-only audit trail. Entries are appended only by the repositories' transactional writes.
 */
@ProviderType
public interface AuditTrail {

    /**
     * @param subjectType the kind of object, e.g. {@code HOLD}
     * @param subjectId its id
     * @param limit at most this many entries
     * @return the object's entries, oldest first
     */
    List<AuditEntry> findBySubject(String subjectType, String subjectId, int limit);
}
