package io.jixiao.store.internal;

import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.service.AuditChainHead;
import io.jixiao.api.service.AuditPage;
import io.jixiao.api.service.AuditQuery;
import io.jixiao.api.service.AuditRecord;
import io.jixiao.api.service.AuditVerification;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.AuditTrail;
import io.jixiao.store.internal.mapper.AuditMapper;
import io.jixiao.store.internal.mapper.AuditRow;
import io.jixiao.store.internal.mapper.ChainHead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The audit trail over MyBatis: search, export and verification of the regions' hash chains. Rows are appended by
 * each repository in its own transaction ({@link AuditChainWriter}).
 */
@Component(service = AuditTrail.class)
public final class MyBatisAudit implements AuditTrail {
    private final UnitAwareSessions sessions;
    private final ChainBreaks breaks;

    @Activate
    public MyBatisAudit(@Reference StoreComponent store) {
        this(store.sessions(), store.breaks());
    }

    MyBatisAudit(UnitAwareSessions sessions, ChainBreaks breaks) {
        this.sessions = sessions;
        this.breaks = breaks;
    }

    @Override
    public Optional<String> chainBreak(MofDivCode mofDivCode) {
        return breaks.of(mofDivCode);
    }

    @Override
    public AuditVerification verify(MofDivCode mofDivCode) {
        ChainWalk walk = walk(mofDivCode.value());
        if (walk.verification().intact()) {
            breaks.mended(mofDivCode);
        } else {
            breaks.found(mofDivCode, walk.verification().problem());
        }
        return walk.verification();
    }

    @Override
    public AuditVerification acknowledgeBreak(MofDivCode mofDivCode, AuditEntry acknowledgement) {
        ChainWalk walk = walk(mofDivCode.value());
        if (walk.gapFrom() == null) {
            throw new ConflictException(walk.verification().intact()
                    ? "the audit chain of " + mofDivCode + " is intact: there is no break to acknowledge"
                    : "the audit chain of " + mofDivCode + " is broken at position "
                            + walk.verification().firstBadSequence() + " (" + walk.verification().problem()
                            + "): only missing rows can be acknowledged");
        }
        AuditEntry entry = new AuditEntry(acknowledgement.occurredAt(), AuditChain.BREAK_ACKNOWLEDGED,
                mofDivCode, "AUDIT_CHAIN", mofDivCode.value(), acknowledgement.actor(), acknowledgement.reason(),
                AuditChain.gap(walk.gapFrom(), walk.gapTo()));
        try (SqlSession session = sessions.openSession(false)) {
            AuditChainWriter.append(session, entry);
            session.commit();
        }
        return verify(mofDivCode);
    }

    /**
     * What walking a chain found.
     *
     * @param verification what verification answers
     * @param gapFrom the first position of the first unacknowledged gap (rows missing), or {@code null}
     * @param gapTo its last position
     */
    private record ChainWalk(AuditVerification verification, Long gapFrom, Long gapTo) {
    }

    /** Streams a chain's rows in order, re-computing every hash and link, passing over acknowledged gaps. */
    private ChainWalk walk(String chainId) {
        MofDivCode mofDivCode = MofDivCode.of(chainId);
        try (SqlSession session = sessions.openSession()) {
            AuditMapper audit = session.getMapper(AuditMapper.class);
            long unchained = audit.countUnchained(chainId);
            ChainHead head = audit.findChain(chainId);
            Set<String> acknowledged = new java.util.HashSet<>(audit.acknowledgedGaps(chainId,
                    AuditChain.BREAK_ACKNOWLEDGED));
            int passed = 0;
            long expectedSeq = 1;
            String expectedPrev = AuditChain.GENESIS;
            try (Cursor<AuditRow> rows = audit.openChain(chainId)) {
                for (AuditRow row : rows) {
                    boolean missing = row.chainSeq == null || row.chainSeq != expectedSeq;
                    boolean gap = row.chainSeq != null && row.chainSeq > expectedSeq; // rows missing before this one
                    if (gap && acknowledged.contains(AuditChain.gap(expectedSeq, row.chainSeq - 1))) {
                        passed++; // an auditor recorded these rows as lost: the chain goes on from the next row
                        expectedSeq = row.chainSeq;
                        expectedPrev = row.prevHash;
                        missing = false;
                        gap = false;
                    }
                    String problem = missing
                            ? "row " + expectedSeq + " is missing (found " + row.chainSeq + " next)"
                            : !expectedPrev.equals(row.prevHash) ? "link to the previous row is broken"
                            : !AuditChain.hash(row).equals(row.rowHash) ? "row content does not match its hash"
                            : null;
                    if (problem != null) {
                        return new ChainWalk(new AuditVerification(mofDivCode, expectedSeq - 1, false, expectedSeq,
                                missing ? null : row.auditId, problem, passed), gap ? expectedSeq : null,
                                gap ? row.chainSeq - 1 : null);
                    }
                    expectedSeq++;
                    expectedPrev = row.rowHash;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long rows = expectedSeq - 1;
            if (head != null && (head.lastSeq != rows || !head.lastHash.equals(expectedPrev))) {
                boolean gap = head.lastSeq > rows;
                return new ChainWalk(new AuditVerification(mofDivCode, rows, false, rows + 1, null,
                        "the chain's head records " + head.lastSeq + " rows: rows at the end are missing or altered",
                        passed), gap ? rows + 1 : null, gap ? head.lastSeq : null);
            }
            if (head == null && rows > 0) {
                return new ChainWalk(new AuditVerification(mofDivCode, rows, false, 1L, null,
                        "the chain's head is missing", passed), null, null);
            }
            if (unchained > 0) {
                return new ChainWalk(new AuditVerification(mofDivCode, rows, false, null, null,
                        unchained + " rows of this region carry no chain position", passed), null, null);
            }
            return new ChainWalk(new AuditVerification(mofDivCode, rows, true, null, null, null, passed), null, null);
        }
    }

    @Override
    public AuditPage search(AuditQuery query, Set<String> agencies) {
        try (SqlSession session = sessions.openSession()) {
            List<AuditRow> rows = session.getMapper(AuditMapper.class).search(query, agencies, query.limit() + 1);
            boolean more = rows.size() > query.limit();
            List<AuditRecord> page = rows.stream().limit(query.limit()).map(Rows::auditRecord).toList();
            return new AuditPage(page, more ? page.get(page.size() - 1).auditId() : null);
        }
    }

    @Override
    public long export(AuditQuery query, Set<String> agencies, Consumer<AuditRecord> sink) {
        long count = 0;
        try (SqlSession session = sessions.openSession();
                Cursor<AuditRow> rows = session.getMapper(AuditMapper.class).export(query, agencies)) {
            for (AuditRow row : rows) {
                sink.accept(Rows.auditRecord(row));
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    @Override
    public AuditChainHead head(MofDivCode mofDivCode) {
        try (SqlSession session = sessions.openSession()) {
            ChainHead head = session.getMapper(AuditMapper.class).findChain(mofDivCode.value());
            return head == null ? new AuditChainHead(mofDivCode, 0, AuditChain.GENESIS)
                    : new AuditChainHead(mofDivCode, head.lastSeq, head.lastHash);
        }
    }

    @Override
    public List<AuditEntry> findBySubject(String subjectType, String subjectId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(AuditMapper.class).findBySubject(subjectType, subjectId, limit)
                    .stream().map(Rows::auditEntry).toList();
        }
    }

    @Override
    public List<AuditRecord> recordsBySubject(String subjectType, String subjectId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(AuditMapper.class).findBySubject(subjectType, subjectId, limit)
                    .stream().map(Rows::auditRecord).toList();
        }
    }
}
