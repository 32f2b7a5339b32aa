package io.jixiao.store;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of the append-only audit trail: who did what to which object, when and why.
 *
 * @param occurredAt when
 * @param action what happened, e.g. {@code HOLD_PLACED}, {@code PAYMENT_HELD}
 * @param mofDivCode the fiscal region the object belongs to
 * @param subjectType the kind of object, e.g. {@code HOLD}, {@code PAY_APP}
 * @param subjectId the object's id
 * @param actor the calling system, operator and roles
 * @param reason why
 * @param detail further machine-readable facts ({@code key=value;...}), may be empty
 * @param agencyCode the agency the object belongs to, {@code null} if none or unknown (since 1.2.0)
 * @param proCode the project the object belongs to, {@code null} if none (since 1.2.0)
 */
public record AuditEntry(Instant occurredAt, String action, MofDivCode mofDivCode, String subjectType,
        String subjectId, Actor actor, String reason, String detail, AgencyCode agencyCode, ProCode proCode) {
    public AuditEntry {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(mofDivCode, "mofDivCode");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }

    /** An entry about no particular agency or project. */
    public AuditEntry(Instant occurredAt, String action, MofDivCode mofDivCode, String subjectType,
            String subjectId, Actor actor, String reason, String detail) {
        this(occurredAt, action, mofDivCode, subjectType, subjectId, actor, reason, detail, null, null);
    }
}
