package io.jixiao.api.service;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.MofDivCode;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The audit trail for auditors and finance. The trail is append-only and hash-chained per fiscal region.
 *
 * @since 1.1.0
 */
@ProviderType
public interface AuditService {

    /**
     * Re-computes a region's chain from its first row and compares every hash, every link and the chain's head.
     *
     * @param mofDivCode the region
     * @param actor who asks; needs role AUDITOR or FINANCE
     * @return the verification, naming the first bad row if the chain was altered
     * @throws ForbiddenException for other roles
     */
    AuditVerification verify(MofDivCode mofDivCode, Actor actor);

    /**
     * Reads a page of a region's trail.
     *
     * @param query the region, filters and page
     * @param actor who asks; needs role AUDITOR or FINANCE, the region in scope, and for an agency-scoped account
     *        an agency of its own (entries are then limited to its agencies)
     * @return the page
     * @throws ForbiddenException for other roles or outside the actor's scope
     * @since 1.2.0
     */
    AuditPage search(AuditQuery query, Actor actor);

    /**
     * Streams every entry a query selects, ignoring its page size, in trail order: the finance–audit export
     * (财审联动). The same rules as {@link #search} apply.
     *
     * @param query the region and filters; {@code afterAuditId} is honoured, {@code limit} is not
     * @param actor who asks
     * @param sink receives each entry, row by row (the trail is read through a cursor)
     * @return the number of entries streamed
     * @since 1.2.0
     */
    long export(AuditQuery query, Actor actor, java.util.function.Consumer<AuditRecord> sink);

    /**
     * @param mofDivCode the region
     * @param actor who asks; the same rules as {@link #verify}
     * @return the head of the region's chain, to anchor outside Jixiao
     * @since 1.2.0
     */
    AuditChainHead head(MofDivCode mofDivCode, Actor actor);

    /**
     * Records, as the next row of the region's chain, that the rows of its first unacknowledged gap are gone (lost
     * in a crash of a database that acknowledged commits it had not written, or removed): verification then passes
     * over that gap, counting it in {@link AuditVerification#acknowledgedBreaks()}, and checks every row after it.
     * Content that no longer matches its hash, or a broken link, cannot be acknowledged.
     *
     * @param mofDivCode the region
     * @param reason why, e.g. the incident report's number; recorded with the row
     * @param actor an AUDITOR of the region
     * @return the verification after the acknowledgement
     * @throws io.jixiao.api.model.ConflictException when the chain has no gap to acknowledge
     * @throws io.jixiao.api.model.ForbiddenException without role AUDITOR in the region
     * @since 1.5.0
     */
    AuditVerification acknowledgeBreak(MofDivCode mofDivCode, io.jixiao.api.model.Reason reason, Actor actor);
}
