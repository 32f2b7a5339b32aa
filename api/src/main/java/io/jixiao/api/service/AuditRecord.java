package io.jixiao.api.service;

import java.time.Instant;

/**
 * One row of the audit trail as auditors read and export it, with its place in its region's hash chain so that
 * a reader can re-compute the chain without Jixiao (docs/security.md, "Audit trail").
 *
 * @param auditId the row's id, increasing in trail order
 * @param occurredAt when
 * @param action what happened, e.g. {@code HOLD_PLACED}, {@code PAYMENT_HELD}
 * @param mofDivCode the fiscal region
 * @param agencyCode the agency concerned, or {@code null}
 * @param proCode the project concerned, or {@code null}
 * @param subjectType the kind of object, e.g. {@code HOLD}
 * @param subjectId the object's id
 * @param callerSystem the authenticated account
 * @param operator the person behind the call
 * @param roles the account's roles, comma-separated
 * @param reason why
 * @param detail further facts ({@code key=value;...}), may be empty
 * @param chainSeq position in the region's chain, from 1
 * @param prevHash the previous row's hash (64 zeros for the first row)
 * @param rowHash this row's hash
 * @since 1.2.0
 */
public record AuditRecord(long auditId, Instant occurredAt, String action, String mofDivCode, String agencyCode,
        String proCode, String subjectType, String subjectId, String callerSystem, String operator, String roles,
        String reason, String detail, long chainSeq, String prevHash, String rowHash) {
}
