package io.jixiao.store.internal;

import io.jixiao.store.AuditCsv;
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
 * the one you anchored.
 *
 * <pre>java -cp store-*.jar io.jixiao.store.internal.AuditExportVerifier [--filtered] export.csv</pre>
 *
 * Exit status 0: intact; 1: a row does not verify; 2: the file cannot be read as an export.
 */
public final class AuditExportVerifier {

    /** The outcome of checking one export. */
    record Result(long rows, long firstSeq, long lastSeq, String lastHash, Long badAuditId, String problem) {
        boolean intact() {
            return problem == null;
        }
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
        try (Reader in = Files.newBufferedReader(Path.of(args[args.length - 1]), StandardCharsets.UTF_8)) {
            Result r = verify(in, filtered);
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
     * @param csv an export, header first
     * @param filtered whether the export was filtered (agency, project, actor, time): positions may then skip,
     *        and links are checked only between rows at consecutive positions
     * @return the verification
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if the text is not an export
     */
    static Result verify(Reader csv, boolean filtered) throws IOException {
        PushbackReader in = new PushbackReader(csv, 1);
        List<String> header = record(in);
        if (!AuditCsv.COLUMNS.equals(header)) {
            throw new IllegalArgumentException("the header is not " + String.join(",", AuditCsv.COLUMNS));
        }
        long rows = 0;
        long firstSeq = 0;
        long lastSeq = 0;
        String lastHash = null;
        for (List<String> f = record(in); f != null; f = record(in)) {
            if (f.size() != AuditCsv.COLUMNS.size()) {
                throw new IllegalArgumentException("line " + (rows + 2) + " has " + f.size() + " fields");
            }
            AuditRow row = row(f);
            if (rows == 0) {
                firstSeq = row.chainSeq;
            } else if (row.chainSeq <= lastSeq || !filtered && row.chainSeq != lastSeq + 1) {
                return new Result(rows, firstSeq, lastSeq, lastHash, row.auditId,
                        "chain position " + (lastSeq + 1) + " is missing (found " + row.chainSeq + ")");
            } else if (row.chainSeq == lastSeq + 1 && !row.prevHash.equals(lastHash)) {
                return new Result(rows, firstSeq, lastSeq, lastHash, row.auditId, "link to the previous row is broken");
            }
            if (row.chainSeq == 1 && !AuditChain.GENESIS.equals(row.prevHash)) {
                return new Result(rows, firstSeq, lastSeq, lastHash, row.auditId, "the first row does not start the chain");
            }
            if (!AuditChain.hash(row).equals(row.rowHash)) {
                return new Result(rows, firstSeq, lastSeq, lastHash, row.auditId, "row content does not match its hash");
            }
            rows++;
            lastSeq = row.chainSeq;
            lastHash = row.rowHash;
        }
        return new Result(rows, firstSeq, lastSeq, lastHash, null, null);
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
