package io.jixiao.api.service;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Reason;
import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The payment guard's state and its emergency bypass. The bypass is the only way to let held payments through
 * without releasing their holds; it is per region, time-limited and audited.
 *
 * @since 1.3.0
 */
@ProviderType
public interface PaymentGuardAdmin {
    /** The longest a bypass may be opened for. */
    java.time.Duration MAX_BYPASS = java.time.Duration.ofHours(72);

    /**
     * @param mofDivCode the region whose bypass to include
     * @param actor any role but PUBLIC, with the region in scope
     * @return the guard's state on this node
     * @throws ForbiddenException if the region is outside the actor's scope
     */
    GuardState state(MofDivCode mofDivCode, Actor actor);

    /**
     * Opens an emergency bypass for a region: audited {@code GUARD_BYPASS_OPENED} with who, why and until when.
     *
     * @param mofDivCode the region
     * @param until when it ends, in the future and at most {@link #MAX_BYPASS} ahead
     * @param reason why
     * @param actor FINANCE with the region in scope
     * @return the bypass
     * @throws InvalidInputException if {@code until} is not in the window
     * @throws ConflictException if the region has an open bypass
     */
    Bypass openBypass(MofDivCode mofDivCode, Instant until, Reason reason, Actor actor);

    /**
     * Closes an open bypass before its end: audited {@code GUARD_BYPASS_CLOSED}.
     *
     * @param bypassId the bypass
     * @param reason why
     * @param actor FINANCE with its region in scope
     * @return the closed bypass
     * @throws NotFoundException if there is no such bypass for the actor
     * @throws ConflictException if it is no longer open
     */
    Bypass closeBypass(long bypassId, Reason reason, Actor actor);
}
