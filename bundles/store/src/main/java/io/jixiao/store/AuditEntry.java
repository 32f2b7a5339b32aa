package io.jixiao.store;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.MofDivCode;
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
 */
public record AuditEntry(Instant occurredAt, String action, MofDivCode mofDivCode, String subjectType,
        String subjectId, Actor actor, String reason, String detail) {
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
}
