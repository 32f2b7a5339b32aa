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
}
