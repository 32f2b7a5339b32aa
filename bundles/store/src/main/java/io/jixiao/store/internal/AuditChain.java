package io.jixiao.store.internal;

import io.jixiao.store.internal.mapper.AuditRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain of the audit trail: one chain per fiscal region. A row's hash is SHA-256 over its chain
 * position, every audited field and the previous row's hash, each field length-prefixed so that no two
 * different rows serialise alike. Agency and project (added in changeSet 0007) join the hashed fields when either
 * is set, so rows written before them verify unchanged and clearing them on a later row breaks its hash.
 */
final class AuditChain {
    /** The "previous hash" of a chain's first row. */
    static final String GENESIS = "0".repeat(64);
    /** The action of a row by which an auditor records that the rows of a gap are gone. */
    static final String BREAK_ACKNOWLEDGED = "AUDIT_CHAIN_BREAK_ACKNOWLEDGED";

    private AuditChain() {
    }

    /** @return how an acknowledgement row names the gap it acknowledges (its detail) */
    static String gap(long from, long to) {
        return "missing=" + from + ".." + to;
    }

    static String hash(AuditRow row) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
        StringBuilder canonical = new StringBuilder(256);
        for (Object field : new Object[] {row.chainId, row.chainSeq, row.occurredAt.toEpochMilli(), row.action,
            row.mofDivCode, row.subjectType, row.subjectId, row.caller, row.operator, row.roles, row.reason,
            row.detail == null ? "" : row.detail, row.prevHash}) {
            append(canonical, field);
        }
        if (row.agencyCode != null || row.proCode != null) {
            append(canonical, "agency=" + (row.agencyCode == null ? "" : row.agencyCode));
            append(canonical, "project=" + (row.proCode == null ? "" : row.proCode));
        }
        return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void append(StringBuilder canonical, Object field) {
        String text = String.valueOf(field);
        canonical.append(text.length()).append(':').append(text).append('|');
    }
}
