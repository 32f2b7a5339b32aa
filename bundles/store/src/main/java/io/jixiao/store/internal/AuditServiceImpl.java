package io.jixiao.store.internal;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Role;
import io.jixiao.api.service.AuditChainHead;
import io.jixiao.api.service.AuditPage;
import io.jixiao.api.service.AuditQuery;
import io.jixiao.api.service.AuditRecord;
import io.jixiao.api.service.AuditService;
import io.jixiao.api.service.AuditVerification;
import io.jixiao.store.AuditTrail;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import java.util.function.Consumer;

/**
 * The audit trail for auditors and finance: verification, queries and the finance–audit export. Who may read:
 * role AUDITOR or FINANCE, in a region of their scope; an account limited to agencies reads only entries about
 * those agencies.
 */
@Component(service = AuditService.class)
public final class AuditServiceImpl implements AuditService {
    private final AuditTrail trail;

    @Activate
    public AuditServiceImpl(@Reference AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public AuditVerification verify(MofDivCode mofDivCode, Actor actor) {
        authorise(mofDivCode, actor);
        return trail.verify(mofDivCode);
    }

    @Override
    public AuditPage search(AuditQuery query, Actor actor) {
        return trail.search(requireQuery(query), agencies(query, actor));
    }

    @Override
    public long export(AuditQuery query, Actor actor, Consumer<AuditRecord> sink) {
        return trail.export(requireQuery(query), agencies(query, actor), sink);
    }

    @Override
    public AuditChainHead head(MofDivCode mofDivCode, Actor actor) {
        authorise(mofDivCode, actor);
        return trail.head(mofDivCode);
    }

    @Override
    public AuditVerification acknowledgeBreak(MofDivCode mofDivCode, io.jixiao.api.model.Reason reason, Actor actor) {
        authorise(mofDivCode, actor);
        if (!actor.has(Role.AUDITOR)) {
            throw new ForbiddenException("recording a break of the audit chain needs role AUDITOR");
        }
        if (reason == null) {
            throw InvalidInputException.of("REASON", "required", "is required");
        }
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return trail.acknowledgeBreak(mofDivCode, new io.jixiao.store.AuditEntry(now, "AUDIT_CHAIN_BREAK_ACKNOWLEDGED",
                mofDivCode, "AUDIT_CHAIN", mofDivCode.value(), actor, reason.text(), ""));
    }

    private static AuditQuery requireQuery(AuditQuery query) {
        if (query == null) {
            throw InvalidInputException.of(MofDivCode.FIELD, "required", "is required");
        }
        return query;
    }

    /** The agencies the actor's reading is limited to (empty: none), after checking role and region. */
    private static Set<String> agencies(AuditQuery query, Actor actor) {
        authorise(query.mofDivCode(), actor);
        Set<String> own = actor.scope().agencies();
        if (query.agencyCode() != null && !actor.scope().covers(query.agencyCode())) {
            throw new ForbiddenException("agency " + query.agencyCode() + " is outside your scope");
        }
        return own;
    }

    private static void authorise(MofDivCode mofDivCode, Actor actor) {
        if (mofDivCode == null) {
            throw InvalidInputException.of(MofDivCode.FIELD, "required", "is required");
        }
        if (actor == null) {
            throw InvalidInputException.of(Actor.OPERATOR_FIELD, "required", "is required");
        }
        if (!actor.has(Role.AUDITOR) && !actor.has(Role.FINANCE)) {
            throw new ForbiddenException("reading the audit trail needs role AUDITOR or FINANCE");
        }
        if (!actor.scope().covers(mofDivCode)) {
            throw new ForbiddenException("region " + mofDivCode + " is outside your scope");
        }
    }
}
