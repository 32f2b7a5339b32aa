package io.jixiao.api.service;

import io.jixiao.api.service.AuditRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The finance–audit export format (财审联动): RFC 4180 CSV in UTF-8, one audit row per line with every hashed
 * field, so that the audit bureau can re-compute the hash chain without Jixiao
 * ({@code java -cp store.jar:api.jar io.jixiao.store.internal.AuditExportVerifier export.csv}). Values are written as
 * stored — no spreadsheet-formula escaping, which would break the hashes: import the file as text.
 *
 * @since 1.7.0
 */
public final class AuditCsv {
    /**
     * The byte order mark an export starts with, so that a spreadsheet program opens the UTF-8 text as UTF-8 (Excel
     * reads a CSV without it in the system's code page, GBK on a Chinese Windows).
     */
    public static final char BOM = '\uFEFF';

    /** The header line's columns, in order. */
    public static final List<String> COLUMNS = List.of("AUDIT_ID", "CHAIN_SEQ", "OCCURRED_AT", "ACTION",
            "MOF_DIV_CODE", "AGENCY_CODE", "PRO_CODE", "SUBJECT_TYPE", "SUBJECT_ID", "CALLER", "OPERATOR", "ROLES",
            "REASON", "DETAIL", "PREV_HASH", "ROW_HASH");

    private AuditCsv() {
    }

    /**
     * @param out where to write the header line
     */
    public static void header(Appendable out) {
        line(out, COLUMNS);
    }

    /**
     * @param out where to write
     * @param r the row
     */
    public static void row(Appendable out, AuditRecord r) {
        line(out, List.of(Long.toString(r.auditId()), Long.toString(r.chainSeq()), r.occurredAt().toString(),
                r.action(), r.mofDivCode(), nullToEmpty(r.agencyCode()), nullToEmpty(r.proCode()), r.subjectType(),
                r.subjectId(), r.callerSystem(), r.operator(), r.roles(), r.reason(), nullToEmpty(r.detail()),
                r.prevHash(), r.rowHash()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void line(Appendable out, List<String> values) {
        try {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                String v = values.get(i);
                if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                    out.append('"').append(v.replace("\"", "\"\"")).append('"');
                } else {
                    out.append(v);
                }
            }
            out.append("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
