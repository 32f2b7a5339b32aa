package io.jixiao.api.service;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Reason;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Places and releases payment holds. Every placement and release is written with its audit row in one
 * transaction, and reaches the payment guard before the call returns.
 */
@ProviderType
public interface HoldService {

    /**
     * Places a hold.
     *
     * @param target what to hold
     * @param kind suspend or stop
     * @param reason why, recorded in the audit trail
     * @param actor who places it; needs role FINANCE or HOST_SYSTEM and the target's region in scope
     * @return the stored hold
     * @throws InvalidInputException if an argument is missing
     * @throws ForbiddenException if the actor may not place holds, or not in that region
     */
    Hold place(HoldTarget target, HoldKind kind, Reason reason, Actor actor);

    /**
     * Releases an active hold. A {@link HoldKind#STOP} hold is released only by FINANCE; a
     * {@link HoldKind#SUSPEND} hold by FINANCE or HOST_SYSTEM.
     *
     * @param holdId the hold
     * @param reason why (e.g. the accepted rectification), recorded in the audit trail
     * @param actor who releases it
     * @return the released hold
     * @throws NotFoundException if there is no such hold, or it is outside the actor's regions
     * @throws ConflictException if it is already released
     * @throws ForbiddenException if the actor may not release it
     */
    Hold release(long holdId, Reason reason, Actor actor);

    /**
     * The hold as the host itself sees it, without any caller's scope or roles. Only for in-process host code
     * acting as the system; never call it for a user or a remote caller.
     *
     * @param holdId the hold
     * @return the hold, active or released
     * @deprecated an unscoped read: use {@link #find(long, Actor)}, which judges the caller's roles and regions
     */
    @Deprecated(since = "1.2.0")
    Optional<Hold> find(long holdId);

    /**
     * The active holds as the host itself sees them, without any caller's scope or roles. Only for in-process
     * host code acting as the system; never call it for a user or a remote caller.
     *
     * @param target a project or budget line
     * @return the active holds on exactly that target, oldest first
     * @deprecated an unscoped read: use {@link #activeHolds(HoldTarget, Actor)}
     */
    @Deprecated(since = "1.2.0")
    List<Hold> activeHolds(HoldTarget target);

    /**
     * The hold as an actor may see it: holds outside the actor's regions do not exist for it.
     *
     * @param holdId the hold
     * @param actor who asks
     * @return the hold, if it exists, is in the actor's scope and the actor holds a role of {@link
     *         io.jixiao.api.model.Role#STAFF} (to the public and evaluators no hold exists)
     * @since 1.1.0
     */
    Optional<Hold> find(long holdId, Actor actor);

    /**
     * @param target a project or budget line
     * @param actor who asks
     * @return the active holds on exactly that target, oldest first
     * @throws ForbiddenException if the target's region is outside the actor's scope, or the actor holds no role of
     *         {@link io.jixiao.api.model.Role#STAFF}
     * @since 1.1.0
     */
    List<Hold> activeHolds(HoldTarget target, Actor actor);
}
