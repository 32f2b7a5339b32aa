package io.jixiao.store.internal;

import io.jixiao.api.service.AuditCsv;
import io.jixiao.store.internal.mapper.AuditRow;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line verify of a finance–audit export: re-computes every row's hash and every link of the chain
 * from the CSV alone (JDK only, nothing to install) and names the first row that does not verify. A whole-chain
 * export starts at row 1 and ends at the head that {@code GET /audit/head} reported; compare the printed head with
 * the one you anchored. Positions an auditor recorded as lost (an {@code AUDIT_CHAIN_BREAK_ACKNOWLEDGED} row in the
 * export, {@code missing=F..T}: docs/security.md) are passed over, as the service's verification does, and named.
 *
 * <pre>java -cp store-*.jar io.jixiao.store.internal.AuditExportVerifier [--filtered] export.csv</pre>
 *
 * Exit status 0: intact; 1: a row does not verify; 2: the file cannot be read as an export.
 */
public final class AuditExportVerifier {

    /**
     * The outcome of checking one export.
     *
     * @param passedGaps the acknowledged gaps passed over ({@code missing=F..T})
     */
    record Result(long rows, long firstSeq, long lastSeq, String lastHash, Long badAuditId, String problem,
            List<String> passedGaps) {
        boolean intact() {
            return problem == null;
        }
    }

    /** Opens the export afresh: it is read twice, for its acknowledgements and then for the chain. */
    interface Source {
        Reader open() throws IOException;
    }

    private AuditExportVerifier() {
    }

    public static void main(String[] args) {
        boolean filtered = args.length == 2 && args[0].equals("--filtered");
        if (args.length != 1 && !filtered) {
            System.err.println("usage: java -cp store.jar " + AuditExportVerifier.class.getName()
                    + " [--filtered] <export.csv>");
            System.exit(2);
        }
        Path file = Path.of(args[args.length - 1]);
        try {
            Result r = verify(() -> Files.newBufferedReader(file, StandardCharsets.UTF_8), filtered);
            if (!r.passedGaps().isEmpty()) {
                System.out.println("passed over positions an auditor recorded as lost: "
                        + String.join(", ", r.passedGaps()));
            }
            if (r.intact() && r.rows() == 0) {
                System.out.println("INTACT: the export holds no rows");
                System.exit(0);
            }
            if (r.intact()) {
                System.out.printf("INTACT: %d rows, chain positions %d..%d, head %s%n", r.rows(), r.firstSeq(),
                        r.lastSeq(), r.lastHash());
                System.exit(0);
            }
            System.out.printf("BROKEN at AUDIT_ID %s: %s%n", r.badAuditId(), r.problem());
            System.exit(1);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("cannot read the export: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * @param csv the export, header first
     * @param filtered whether the export was filtered (agency, project, actor, time): positions may then skip,
     *        and links are checked only between rows at consecutive positions
     * @return the verification
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if the text is not an export
     */
    static Result verify(Source csv, boolean filtered) throws IOException {
        java.util.Set<String> acknowledged = new java.util.HashSet<>();
        try (Reader first = csv.open()) {
            rows(first, row -> {
                if (row.action.equals(AuditChain.BREAK_ACKNOWLEDGED)) {
                    acknowledged.add(row.detail);
                }
                return null;
            });
        }
        try (Reader second = csv.open()) {
            return check(second, filtered, acknowledged);
        }
    }

    private static Result check(Reader csv, boolean filtered, java.util.Set<String> acknowledged) throws IOException {
        long[] rows = {0};
        long[] firstSeq = {0};
        long[] lastSeq = {0};
        String[] lastHash = {null};
        List<String> passed = new ArrayList<>();
        Result broken = rows(csv, row -> {
            String gap = rows[0] > 0 && row.chainSeq > lastSeq[0] + 1
                    ? AuditChain.gap(lastSeq[0] + 1, row.chainSeq - 1) : null;
            if (rows[0] == 0) {
                firstSeq[0] = row.chainSeq;
            } else if (gap != null && !filtered && acknowledged.contains(gap)) {
                passed.add(gap); // an auditor recorded these positions as lost: the chain goes on from this row
            } else if (row.chainSeq <= lastSeq[0] || !filtered && row.chainSeq != lastSeq[0] + 1) {
                return new Result(rows[0], firstSeq[0], lastSeq[0], lastHash[0], row.auditId,
                        "chain position " + (lastSeq[0] + 1) + " is missing (found " + row.chainSeq + ")", passed);
            } else if (row.chainSeq == lastSeq[0] + 1 && !row.prevHash.equals(lastHash[0])) {
                return new Result(rows[0], firstSeq[0], lastSeq[0], lastHash[0], row.auditId,
                        "link to the previous row is broken", passed);
            }
            if (row.chainSeq == 1 && !AuditChain.GENESIS.equals(row.prevHash)) {
                return new Result(rows[0], firstSeq[0], lastSeq[0], lastHash[0], row.auditId,
                        "the first row does not start the chain", passed);
            }
            if (!AuditChain.hash(row).equals(row.rowHash)) {
                return new Result(rows[0], firstSeq[0], lastSeq[0], lastHash[0], row.auditId,
                        "row content does not match its hash", passed);
            }
            rows[0]++;
            lastSeq[0] = row.chainSeq;
            lastHash[0] = row.rowHash;
            return null;
        });
        return broken != null ? broken : new Result(rows[0], firstSeq[0], lastSeq[0], lastHash[0], null, null, passed);
    }

    /** Reads the export's rows in order, handing each to {@code each} until it answers a result. */
    private static Result rows(Reader csv, java.util.function.Function<AuditRow, Result> each) throws IOException {
        PushbackReader in = new PushbackReader(csv, 1);
        int first = in.read();
        if (first >= 0 && first != AuditCsv.BOM) {
            in.unread(first); // an export without the byte order mark (before issue 24) reads the same
        }
        List<String> header = record(in);
        if (!AuditCsv.COLUMNS.equals(header)) {
            throw new IllegalArgumentException("the header is not " + String.join(",", AuditCsv.COLUMNS));
        }
        long line = 1;
        for (List<String> f = record(in); f != null; f = record(in)) {
            line++;
            if (f.size() != AuditCsv.COLUMNS.size()) {
                throw new IllegalArgumentException("line " + line + " has " + f.size() + " fields");
            }
            Result result = each.apply(row(f));
            if (result != null) {
                return result;
            }
        }
        return null;
    }

    private static AuditRow row(List<String> f) {
        AuditRow row = new AuditRow();
        row.auditId = Long.parseLong(f.get(0));
        row.chainSeq = Long.parseLong(f.get(1));
        row.occurredAt = Instant.parse(f.get(2));
        row.action = f.get(3);
        row.mofDivCode = f.get(4);
        row.chainId = row.mofDivCode;
        row.agencyCode = f.get(5).isEmpty() ? null : f.get(5);
        row.proCode = f.get(6).isEmpty() ? null : f.get(6);
        row.subjectType = f.get(7);
        row.subjectId = f.get(8);
        row.caller = f.get(9);
        row.operator = f.get(10);
        row.roles = f.get(11);
        row.reason = f.get(12);
        row.detail = f.get(13);
        row.prevHash = f.get(14);
        row.rowHash = f.get(15);
        return row;
    }

    /** Reads one RFC 4180 record, or {@code null} at the end. */
    private static List<String> record(PushbackReader in) throws IOException {
        int c = in.read();
        if (c == -1) {
            return null;
        }
        in.unread(c);
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            c = in.read();
            if (quoted) {
                if (c == -1) {
                    throw new IllegalArgumentException("a quoted field is not closed");
                }
                if (c == '"') {
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.unread(next);
                        }
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int next = in.read();
                    if (next != '\n' && next != -1) {
                        in.unread(next);
                    }
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
        }
    }
}
