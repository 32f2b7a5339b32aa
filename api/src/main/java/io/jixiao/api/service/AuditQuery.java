package io.jixiao.api.service;

import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Violations;
import java.time.Instant;

/**
 * What an auditor asks of the audit trail: one fiscal region, optionally narrowed by agency, project, actor
 * and time, read in pages in trail order ({@code AUDIT_ID}).
 *
 * @param mofDivCode the region (required)
 * @param agencyCode only entries about this agency, or {@code null}
 * @param proCode only entries about this project, or {@code null}
 * @param actor only entries by this account or host operator (matched against both), or {@code null}
 * @param from only entries at or after this time, or {@code null}
 * @param to only entries before this time, or {@code null}
 * @param afterAuditId only entries after this {@code AUDIT_ID} (the previous page's last), 0 for the first page
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 * @throws io.jixiao.api.model.InvalidInputException naming every field that breaks a rule
 * @since 1.2.0
 */
public record AuditQuery(MofDivCode mofDivCode, AgencyCode agencyCode, ProCode proCode, String actor, Instant from,
        Instant to, long afterAuditId, int limit) {
    /** The largest page. */
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        Violations v = new Violations();
        if (mofDivCode == null) {
            v.add(MofDivCode.FIELD, "required", "is required");
        }
        if (actor != null && (actor.isBlank() || actor.length() > 64)) {
            v.add("ACTOR", "length", "must be 1 to 64 characters");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            v.add("TO", "after-from", "must be later than FROM");
        }
        if (afterAuditId < 0) {
            v.add("AFTER", "min", "must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            v.add("LIMIT", "range", "must be between 1 and " + MAX_LIMIT);
        }
        v.throwIfAny();
    }

    /**
     * @param mofDivCode the region
     * @return every entry of the region, first page of {@link #MAX_LIMIT}
     */
    public static AuditQuery all(MofDivCode mofDivCode) {
        return new AuditQuery(mofDivCode, null, null, null, null, null, 0, MAX_LIMIT);
    }

    /**
     * @param afterAuditId the last {@code AUDIT_ID} already read
     * @return the same query for the next page
     */
    public AuditQuery after(long afterAuditId) {
        return new AuditQuery(mofDivCode, agencyCode, proCode, actor, from, to, afterAuditId, limit);
    }
}
