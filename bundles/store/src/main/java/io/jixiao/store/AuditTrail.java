package io.jixiao.store;

import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.service.AuditChainHead;
import io.jixiao.api.service.AuditPage;
import io.jixiao.api.service.AuditQuery;
import io.jixiao.api.service.AuditRecord;
import io.jixiao.api.service.AuditVerification;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
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
     * @return the subject's rows with their ids and chain positions, oldest first (what an accountability referral
     *         rests on)
     * @since 5.1.0
     */
    List<io.jixiao.api.service.AuditRecord> recordsBySubject(String subjectType, String subjectId, int limit);

    /**
     * Re-computes a region's hash chain, streaming its rows through a cursor.
     *
     * @param mofDivCode the region
     * @return the verification, naming the first row that does not verify
     * @since 1.1.0
     */
    AuditVerification verify(MofDivCode mofDivCode);

    /**
     * @param query the region, filters and page
     * @param agencies if not empty, only entries about these agencies
     * @return the page, in trail order
     * @since 1.2.0
     */
    AuditPage search(AuditQuery query, Set<String> agencies);

    /**
     * Streams the entries a query selects through a cursor, ignoring the query's page size.
     *
     * @param query the region and filters
     * @param agencies if not empty, only entries about these agencies
     * @param sink receives each entry
     * @return how many entries were streamed
     * @since 1.2.0
     */
    long export(AuditQuery query, Set<String> agencies, Consumer<AuditRecord> sink);

    /**
     * @param mofDivCode the region
     * @return the head of the region's chain (an empty chain if nothing was written there yet)
     * @since 1.2.0
     */
    AuditChainHead head(MofDivCode mofDivCode);

    /**
     * @param mofDivCode the region
     * @return what is wrong with the region's chain as last found — at the store's start (head against last row) or
     *         by a verification — until a verification finds it intact
     * @since 2.0.0
     */
    Optional<String> chainBreak(MofDivCode mofDivCode);

    /**
     * Appends, as the next link of the region's chain, a row recording that the rows of the chain's first
     * unacknowledged gap are gone; verification then passes over that gap.
     *
     * @param mofDivCode the region
     * @param acknowledgement who, when and why (its action, subject and detail are set here)
     * @return the verification after it
     * @throws io.jixiao.api.model.ConflictException when the chain has no gap (intact, or broken otherwise)
     * @since 2.0.0
     */
    AuditVerification acknowledgeBreak(MofDivCode mofDivCode, AuditEntry acknowledgement);
}
