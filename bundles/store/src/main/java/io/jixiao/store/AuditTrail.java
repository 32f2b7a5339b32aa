package io.jixiao.store;

import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.service.AuditVerification;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads and verifies the append-only audit trail. Entries are appended only by the repositories' transactional
 * writes, each as the next link of its region's hash chain.
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

    /**
     * Re-computes a region's hash chain, streaming its rows through a cursor.
     *
     * @param mofDivCode the region
     * @return the verification, naming the first row that does not verify
     * @since 1.1.0
     */
    AuditVerification verify(MofDivCode mofDivCode);
}
