package io.jixiao.store.internal;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Role;
import io.jixiao.api.service.AuditService;
import io.jixiao.api.service.AuditVerification;
import io.jixiao.store.AuditTrail;

/** Audit verification for auditors and finance. */
final class AuditServiceImpl implements AuditService {
    private final AuditTrail trail;

    AuditServiceImpl(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public AuditVerification verify(MofDivCode mofDivCode, Actor actor) {
        if (mofDivCode == null) {
            throw InvalidInputException.of(MofDivCode.FIELD, "required", "is required");
        }
        if (actor == null) {
            throw InvalidInputException.of(Actor.OPERATOR_FIELD, "required", "is required");
        }
        if (!actor.has(Role.AUDITOR) && !actor.has(Role.FINANCE)) {
            throw new ForbiddenException("verifying the audit trail needs role AUDITOR or FINANCE");
        }
        if (!actor.scope().covers(mofDivCode)) {
            throw new ForbiddenException("region " + mofDivCode + " is outside your scope");
        }
        return trail.verify(mofDivCode);
    }
}
