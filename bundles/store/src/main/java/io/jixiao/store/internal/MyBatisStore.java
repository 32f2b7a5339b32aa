package io.jixiao.store.internal;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.goal.Assessment;
import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.Role;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.PayAppNo;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.AuditTrail;
import io.jixiao.store.DecisionRecord;
import io.jixiao.store.DecisionRepository;
import io.jixiao.store.JournaledDecision;
import io.jixiao.store.internal.mapper.DecisionRow;
import io.jixiao.store.GoalRepository;
import io.jixiao.store.GoalRepository.StoredRuleSet;
import io.jixiao.store.HoldRepository;
import io.jixiao.api.service.AuditChainHead;
import io.jixiao.api.service.AuditPage;
import io.jixiao.api.service.AuditQuery;
import io.jixiao.api.service.AuditRecord;
import io.jixiao.api.service.AuditVerification;
import io.jixiao.store.IdempotencyRepository;
import io.jixiao.store.internal.mapper.AuditMapper;
import io.jixiao.store.internal.mapper.IdempotencyMapper;
import io.jixiao.store.internal.mapper.IdempotencyRow;
import io.jixiao.store.internal.mapper.AuditRow;
import io.jixiao.store.internal.mapper.ChainHead;
import io.jixiao.store.internal.mapper.DecisionMapper;
import io.jixiao.store.internal.mapper.GoalMapper;
import io.jixiao.store.internal.mapper.IndicatorRow;
import io.jixiao.store.internal.mapper.RuleSetMapper;
import io.jixiao.store.internal.mapper.RuleSetRow;
import io.jixiao.store.internal.mapper.AssessmentRow;
import io.jixiao.store.internal.mapper.GoalRow;
import io.jixiao.store.internal.mapper.HoldMapper;
import io.jixiao.store.internal.mapper.HoldRow;
import io.jixiao.store.internal.mapper.StageReviewRow;
import io.jixiao.api.goal.ReviewStage;
import io.jixiao.api.goal.StageReview;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The repositories over MyBatis. Each method is one transaction: a session is opened, committed on success
 * and rolled back by {@code close()} on failure.
 */
public final class MyBatisStore implements HoldRepository, io.jixiao.store.BypassRepository, DecisionRepository, AuditTrail,
        IdempotencyRepository, GoalRepository {
    private static final int BEGIN_ATTEMPTS = 3;
    /** Tries at a new region's chain head: about two seconds in all. */
    private static final int CHAIN_ATTEMPTS = 50;
    /** Journal keys asked per query, under Oracle's limit of 1,000 IN-list expressions. */
    private static final int KEYS_PER_QUERY = 500;
    private static final int RECORD_ONCE_ATTEMPTS = 3;
    private final UnitAwareSessions sessions;
    /** Each region's audit chain problem as last found (at start or by a verification), until it verifies. */
    private final Map<String, String> breaks = new java.util.concurrent.ConcurrentHashMap<>();

    public MyBatisStore(UnitAwareSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public long nextHoldId() {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(HoldMapper.class).nextHoldId();
        }
    }

    @Override
    public void insert(Hold hold, AuditEntry audit) {
        if (!hold.isActive()) {
            throw new IllegalArgumentException("only active holds are inserted");
        }
        try (SqlSession session = sessions.openSession(false)) {
            HoldMapper mapper = session.getMapper(HoldMapper.class);
            mapper.insert(Rows.holdRow(hold));
            mapper.insertChange(hold.holdId(), hold.placedAt());
            appendAudit(session, audit);
            session.commit();
        }
    }

    @Override
    public boolean release(long holdId, Hold.Release release, AuditEntry audit) {
        try (SqlSession session = sessions.openSession(false)) {
            HoldMapper mapper = session.getMapper(HoldMapper.class);
            if (mapper.release(Rows.releaseRow(holdId, release)) != 1) {
                return false;
            }
            mapper.insertChange(holdId, release.releasedAt());
            appendAudit(session, audit);
            session.commit();
            return true;
        }
    }

    @Override
    public Optional<Hold> find(long holdId) {
        try (SqlSession session = sessions.openSession()) {
            return Optional.ofNullable(session.getMapper(HoldMapper.class).find(holdId)).map(Rows::hold);
        }
    }

    @Override
    public List<Hold> findActive(HoldTarget target) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(HoldMapper.class)
                    .findActive(target.mofDivCode().value(), target.type().name(), target.code())
                    .stream().map(Rows::hold).toList();
        }
    }

    @Override
    public long nextBypassId() {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(HoldMapper.class).nextBypassId();
        }
    }

    @Override
    public void insertBypass(io.jixiao.api.service.Bypass bypass, AuditEntry audit) {
        try (SqlSession session = sessions.openSession(false)) {
            session.getMapper(HoldMapper.class).insertBypass(Rows.bypassRow(bypass));
            appendAudit(session, audit);
            session.commit();
        }
    }

    @Override
    public boolean closeBypass(io.jixiao.api.service.Bypass closed, AuditEntry audit) {
        try (SqlSession session = sessions.openSession(false)) {
            if (session.getMapper(HoldMapper.class).closeBypass(Rows.bypassRow(closed)) != 1) {
                return false;
            }
            appendAudit(session, audit);
            session.commit();
            return true;
        }
    }

    @Override
    public Optional<io.jixiao.api.service.Bypass> findBypass(long bypassId) {
        try (SqlSession session = sessions.openSession()) {
            return Optional.ofNullable(session.getMapper(HoldMapper.class).findBypass(bypassId)).map(Rows::bypass);
        }
    }

    @Override
    public List<io.jixiao.api.service.Bypass> openBypasses(Instant now) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(HoldMapper.class).openBypasses(now).stream().map(Rows::bypass).toList();
        }
    }

    @Override
    public long latestChange() {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(HoldMapper.class).latestChange();
        }
    }

    @Override
    public List<HoldChange> changesAfter(long after, int limit) {
        try (SqlSession session = sessions.openSession()) {
            HoldMapper mapper = session.getMapper(HoldMapper.class);
            List<io.jixiao.store.internal.mapper.HoldChangeRow> rows = mapper.changesAfter(after, limit);
            if (rows.isEmpty()) {
                return List.of();
            }
            java.util.Map<Long, Hold> holds = new java.util.HashMap<>();
            List<Long> ids = rows.stream().map(r -> r.holdId).distinct().toList();
            for (int i = 0; i < ids.size(); i += 500) {
                mapper.findMany(ids.subList(i, Math.min(ids.size(), i + 500)))
                        .forEach(r -> holds.put(r.holdId, Rows.hold(r)));
            }
            return rows.stream().filter(r -> holds.containsKey(r.holdId))
                    .map(r -> new HoldChange(r.changeSeq, holds.get(r.holdId))).toList();
        }
    }

    @Override
    public void forEachActive(Consumer<Hold> consumer) {
        try (SqlSession session = sessions.openSession();
                Cursor<HoldRow> cursor = session.getMapper(HoldMapper.class).openActive()) {
            cursor.forEach(row -> consumer.accept(Rows.hold(row)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void recordAll(List<DecisionRecord> decisions) {
        insertDecisions(decisions.stream().map(Rows::decisionRow).toList(), false);
    }

    @Override
    public int recordOnce(List<JournaledDecision> decisions) {
        // the guard's own write and the journal's shipping of the same spooled HOLD may meet: the one that loses on the
        // key's unique index asks again which keys are written, and skips the other's
        for (int attempt = 1; ; attempt++) {
            try {
                return insertDecisions(journaledRows(decisions), true, i -> decisions.get(i).audit());
            } catch (RuntimeException e) {
                if (attempt == RECORD_ONCE_ATTEMPTS || !Rows.isDuplicateKey(e)) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void recordNew(List<JournaledDecision> decisions) {
        insertDecisions(journaledRows(decisions), false, i -> decisions.get(i).audit());
    }

    private static List<DecisionRow> journaledRows(List<JournaledDecision> decisions) {
        return decisions.stream().map(decision -> {
            DecisionRow row = Rows.decisionRow(decision.record());
            row.journalKey = decision.key();
            return row;
        }).toList();
    }

    /**
     * Inserts decision rows in one batch and one transaction.
     *
     * @param skipWritten whether rows whose journal key is in the table already are left out
     * @return the rows inserted
     */
    private int insertDecisions(List<DecisionRow> rows, boolean skipWritten) {
        return insertDecisions(rows, skipWritten, i -> null);
    }

    /** @param auditOf the audit entry written with the i-th row, if it is written, or {@code null} */
    private int insertDecisions(List<DecisionRow> rows, boolean skipWritten,
            java.util.function.IntFunction<AuditEntry> auditOf) {
        if (rows.isEmpty()) {
            return 0;
        }
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH, false)) {
            DecisionMapper mapper = session.getMapper(DecisionMapper.class);
            // keys already in the table, and those of this batch as it goes (recordOnce only: recordNew asks nothing)
            java.util.Set<String> written = new java.util.HashSet<>();
            if (skipWritten) {
                List<String> keys = rows.stream().map(row -> row.journalKey).toList();
                for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
                    int to = Math.min(keys.size(), from + KEYS_PER_QUERY);
                    written.addAll(mapper.journaledKeys(keys.subList(from, to)));
                }
            }
            int added = 0;
            List<AuditEntry> audits = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                DecisionRow row = rows.get(i);
                if (!skipWritten || written.add(row.journalKey)) {
                    mapper.insert(row);
                    added++;
                    if (auditOf.apply(i) != null) {
                        audits.add(auditOf.apply(i));
                    }
                }
            }
            session.flushStatements();
            if (!audits.isEmpty()) {
                appendAudits(session, audits);
            }
            session.commit();
            return added;
        }
    }

    @Override
    public List<DecisionRecord> findByApplication(MofDivCode mofDivCode, FiscalYear fiscalYear, PayAppNo payAppNo) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(DecisionMapper.class)
                    .findByApplication(mofDivCode.value(), fiscalYear.value(), payAppNo.value())
                    .stream().map(Rows::decisionRecord).toList();
        }
    }

    /**
     * Appends an audit row as the next link of its region's chain, inside the caller's transaction. The chain's
     * head is row-locked until that transaction ends, so writers of one region take turns and other regions'
     * writers do not wait.
     */
    void appendAudit(SqlSession session, AuditEntry entry) {
        appendAudits(session, List.of(entry));
    }

    /**
     * Appends audit rows as the next links of their regions' chains, inside the caller's transaction: each chain's
     * head is locked once (chains in code order, so two writers never wait on each other in a cycle), the links
     * are hashed in memory in the given order, and the head moves once to the last of them.
     */
    void appendAudits(SqlSession session, List<AuditEntry> entries) {
        AuditMapper audit = session.getMapper(AuditMapper.class);
        Map<String, List<AuditRow>> chains = new TreeMap<>();
        for (AuditEntry entry : entries) {
            AuditRow row = Rows.auditRow(entry);
            row.chainId = row.mofDivCode;
            chains.computeIfAbsent(row.chainId, k -> new ArrayList<>()).add(row);
        }
        for (Map.Entry<String, List<AuditRow>> chain : chains.entrySet()) {
            ChainHead head = audit.lockChain(chain.getKey());
            // a region's first writers race to create its head: the loser may see the winner's head only once the
            // winner has committed (its insert found the uncommitted row and added nothing, or failed)
            for (int attempt = 0; head == null; attempt++) {
                if (attempt == CHAIN_ATTEMPTS) {
                    throw new IllegalStateException("the audit chain head of " + chain.getKey()
                            + " could not be created or read");
                }
                createChain(session, chain.getKey());
                head = audit.lockChain(chain.getKey());
                if (head == null) {
                    pause(attempt);
                }
            }
            long seq = head.lastSeq;
            String prev = head.lastHash;
            for (AuditRow row : chain.getValue()) {
                row.chainSeq = ++seq;
                row.prevHash = prev;
                row.rowHash = AuditChain.hash(row);
                prev = row.rowHash;
                audit.insert(row);
            }
            audit.advanceChain(chain.getKey(), seq, prev);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(50, 1L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an audit chain head", e);
        }
    }

    /**
     * Creates a chain head in the caller's transaction, within a savepoint: a writer that loses the race to another
     * goes back to the savepoint and reads the winner's head once it is committed. The same connection throughout,
     * so that a region's first writers never wait for a second connection from a pool they all hold.
     */
    private static void createChain(SqlSession session, String chainId) {
        java.sql.Connection connection = session.getConnection();
        java.sql.Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (java.sql.SQLException e) {
            throw new PersistenceException("cannot set a savepoint: " + e.getMessage(), e);
        }
        try {
            session.getMapper(AuditMapper.class).createChain(chainId, AuditChain.GENESIS);
            session.flushStatements();
        } catch (PersistenceException raced) {
            try {
                connection.rollback(savepoint);
            } catch (java.sql.SQLException e) {
                throw new PersistenceException("cannot roll back to a savepoint: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Compares each region's chain head with the chain's last row, as the store starts, and keeps what it finds for
     * {@link #chainBreak}. They agree unless rows or a head were lost or removed (a crash of a database that
     * acknowledged commits it had not written, or a hand).
     *
     * @return one line per region whose head and last row disagree, naming the positions
     */
    List<String> chainHeadsThatDisagree() {
        try (SqlSession session = sessions.openSession()) {
            List<String> broken = new ArrayList<>();
            for (ChainHead head : session.getMapper(AuditMapper.class).headsAgainstLastRows()) {
                long lastRow = head.lastRowSeq == null ? 0 : head.lastRowSeq;
                String lastHash = head.lastRowSeq == null ? AuditChain.GENESIS : head.lastRowHash;
                if (head.lastSeq != lastRow || !head.lastHash.equals(lastHash)) {
                    String line = "region " + head.chainId + ": the chain's head records position " + head.lastSeq
                            + (head.lastSeq == lastRow ? " with another hash than its last row" : "")
                            + ", its last row is at position " + lastRow;
                    broken.add(line);
                    breaks.put(head.chainId, line);
                }
            }
            return broken;
        }
    }

    @Override
    public Optional<String> chainBreak(MofDivCode mofDivCode) {
        return Optional.ofNullable(breaks.get(mofDivCode.value()));
    }

    @Override
    public AuditVerification verify(MofDivCode mofDivCode) {
        ChainWalk walk = walk(mofDivCode.value());
        if (walk.verification().intact()) {
            breaks.remove(mofDivCode.value());
        } else {
            breaks.put(mofDivCode.value(), walk.verification().problem());
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
            appendAudit(session, entry);
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
    public Entry begin(String key, String requestHash, Instant now, Instant expiresAt, Duration lease) {
        UnitOfWork.discardStale();
        String owner = UUID.randomUUID().toString();
        Instant leaseUntil = now.plus(lease).truncatedTo(ChronoUnit.MILLIS);
        for (int attempt = 0; attempt < BEGIN_ATTEMPTS; attempt++) {
            boolean reserved = false;
            try (SqlSession session = sessions.openSession(false)) {
                IdempotencyMapper keys = session.getMapper(IdempotencyMapper.class);
                IdempotencyRow row = keys.find(key);
                if (row == null) {
                    reserved = reserve(session, key, requestHash, now, expiresAt, owner, leaseUntil);
                } else if (!row.expiresAt.isAfter(now)) {
                    keys.deleteExpired(key, now);
                    session.commit();
                } else if (!row.requestHash.equals(requestHash)) {
                    return Entry.of(State.CONFLICT);
                } else if (row.responseStatus != null) {
                    return new Entry(State.ANSWERED, row.responseStatus, row.responseType, row.responseLocation,
                            row.responseBody, null, null);
                } else if (row.leaseUntil != null && row.leaseUntil.isAfter(now)) {
                    long left = Math.max(1, (Duration.between(now, row.leaseUntil).toMillis() + 999) / 1000);
                    return new Entry(State.IN_PROGRESS, 0, null, null, null, Duration.ofSeconds(left), null);
                } else if (keys.takeOver(key, owner, now, leaseUntil) == 1) {
                    session.commit();
                    reserved = true;
                }
            }
            if (reserved) {
                // the reservation's connection is back in the pool: a call never holds two
                return reserved(key, owner);
            }
        }
        // lost the race for an expiring key every time: the other caller holds it now
        return new Entry(State.IN_PROGRESS, 0, null, null, null, Duration.ofSeconds(1), null);
    }

    private Entry reserved(String key, String owner) {
        UnitOfWork unit = sessions.begin("idempotency key " + key.substring(0, 12));
        return new Entry(State.RESERVED, 0, null, null, null, null, new KeyedCall(unit, key, owner));
    }

    private static boolean reserve(SqlSession session, String key, String requestHash, Instant now,
            Instant expiresAt, String owner, Instant leaseUntil) {
        IdempotencyRow row = new IdempotencyRow();
        row.idemKey = key;
        row.requestHash = requestHash;
        row.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        row.expiresAt = expiresAt.truncatedTo(ChronoUnit.MILLIS);
        row.owner = owner;
        row.leaseUntil = leaseUntil;
        try {
            session.getMapper(IdempotencyMapper.class).insert(row);
            session.commit();
            return true;
        } catch (PersistenceException concurrentFirstUse) {
            session.rollback();
            return false;
        }
    }

    /** A reserved key's unit of work: its answer is the last write of the unit, made only by the key's owner. */
    private final class KeyedCall implements Call {
        private final UnitOfWork unit;
        private final String key;
        private final String owner;

        KeyedCall(UnitOfWork unit, String key, String owner) {
            this.unit = unit;
            this.key = key;
            this.owner = owner;
        }

        @Override
        public void answer(int status, String contentType, String location, String body) {
            int kept;
            try (SqlSession session = sessions.openSession(false)) {
                kept = session.getMapper(IdempotencyMapper.class).complete(key, owner, status, contentType, location,
                        body);
                session.commit();
            } catch (RuntimeException e) {
                unit.rollback();
                throw e;
            }
            if (kept != 1) {
                unit.rollback();
                throw new LeaseLostException("the lease of this call ran out and a retry took its key over; "
                        + "nothing this call changed was kept");
            }
            try {
                unit.commit();
            } catch (java.sql.SQLException e) {
                throw new PersistenceException("committing the call and its answer failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void abandon() {
            unit.rollback();
            try (SqlSession session = sessions.openSession(false)) {
                session.getMapper(IdempotencyMapper.class).delete(key, owner);
                session.commit();
            } catch (RuntimeException e) {
                // the key stays reserved until its lease runs out; a retry then takes it over
            }
        }
    }

    @Override
    public int purgeExpired(Instant now) {
        try (SqlSession session = sessions.openSession(false)) {
            int purged = session.getMapper(IdempotencyMapper.class).purgeExpired(now);
            session.commit();
            return purged;
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
    public long nextGoalId() {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(GoalMapper.class).nextGoalId();
        }
    }

    @Override
    public void insert(GoalVersion version, AuditEntry audit) {
        try (SqlSession session = sessions.openSession(false)) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            goals.insert(GoalRows.row(version));
            GoalRows.indicators(version).forEach(goals::insertIndicator);
            appendAudit(session, audit);
            session.commit();
        }
    }

    @Override
    public boolean replaceDraft(GoalVersion version, AuditEntry audit) {
        try (SqlSession session = sessions.openSession(false)) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            if (goals.updateContent(GoalRows.row(version)) != 1) {
                return false;
            }
            goals.deleteIndicators(version.goalId(), version.version());
            GoalRows.indicators(version).forEach(goals::insertIndicator);
            appendAudit(session, audit);
            session.commit();
            return true;
        }
    }

    @Override
    public boolean changeStatus(GoalVersion from, GoalVersion to, AuditEntry audit) {
        if (from.goalId() != to.goalId() || from.version() != to.version()) {
            throw new IllegalArgumentException("a status change keeps the goal and version");
        }
        try (SqlSession session = sessions.openSession(false)) {
            int changed = session.getMapper(GoalMapper.class).updateStatus(to.goalId(), to.version(),
                    from.status().name(), to.status().name(), to.ruleVersion(), GoalRows.codes(to.opinion()),
                    to.opinion() == null ? null : to.opinion().text(),
                    to.statusAt().truncatedTo(ChronoUnit.MILLIS));
            if (changed != 1) {
                return false;
            }
            appendAudit(session, audit);
            session.commit();
            return true;
        }
    }

    @Override
    public Optional<GoalVersion> find(long goalId, int version) {
        try (SqlSession session = sessions.openSession()) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            GoalRow row = goals.find(goalId, version);
            return row == null ? Optional.empty()
                    : Optional.of(GoalRows.version(row, goals.indicators(goalId, version)));
        }
    }

    @Override
    public List<Integer> versions(long goalId) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(GoalMapper.class).versions(goalId);
        }
    }

    @Override
    public List<Long> goalsOf(MofDivCode mofDivCode, FiscalYear fiscalYear, ProCode proCode) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(GoalMapper.class).goalsOfProject(mofDivCode.value(), fiscalYear.value(),
                    proCode.value());
        }
    }

    @Override
    public Optional<GoalVersion> inForce(MofDivCode mofDivCode, FiscalYear fiscalYear, ProCode proCode) {
        try (SqlSession session = sessions.openSession()) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            List<GoalRow> rows = goals.inForce(mofDivCode.value(), fiscalYear.value(), proCode.value());
            // the newest version of the newest goal in force
            return rows.stream().max(java.util.Comparator.<GoalRow>comparingLong(r -> r.goalId)
                    .thenComparingInt(r -> r.version))
                    .map(r -> GoalRows.version(r, goals.indicators(r.goalId, r.version)));
        }
    }

    @Override
    public long insertAssessment(Assessment assessment, Actor recordedBy, Instant at, AuditEntry audit) {
        try (SqlSession session = sessions.openSession(false)) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            long id = goals.nextAssessmentId();
            goals.insertAssessment(GoalRows.assessmentRow(id, assessment, recordedBy, at));
            appendAudit(session, audit);
            session.commit();
            return id;
        }
    }

    @Override
    public Optional<Assessment> latestAssessment(MofDivCode mofDivCode, FiscalYear fiscalYear, ProCode proCode) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(GoalMapper.class).assessments(mofDivCode.value(), fiscalYear.value(),
                    proCode.value()).stream().findFirst().map(GoalRows::assessment);
        }
    }

    @Override
    public void recordDecision(AuditEntry audit) {
        try (SqlSession session = sessions.openSession(false)) {
            appendAudit(session, audit);
            session.commit();
        }
    }

    /** Projects per bulk query: H2 checks each candidate row against the whole IN list, so short lists are faster. */
    private static final int BATCH = 250;
    /**
     * From this many projects on, a bulk read scans the region and year once (in the region-first index) and keeps
     * the draft's projects, instead of looking projects up batch by batch.
     */
    static final int REGION_SCAN_FROM = 5_000;

    @Override
    public Map<ProCode, GoalRef> inForce(MofDivCode mofDivCode, FiscalYear fiscalYear,
            Collection<ProCode> proCodes) {
        Map<ProCode, GoalRef> found = new HashMap<>();
        Set<String> wanted = codes(proCodes);
        Consumer<GoalRow> keep = r -> {
            if (wanted.contains(r.proCode)) {
                found.merge(ProCode.of(r.proCode), new GoalRef(r.goalId, r.version),
                        MyBatisStore::newest);
            }
        };
        try (SqlSession session = sessions.openSession()) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            if (wanted.size() >= REGION_SCAN_FROM) {
                goals.inForceOfRegion(mofDivCode.value(), fiscalYear.value(), context -> keep.accept(context.getResultObject()));
            } else {
                for (String[] batch : batches(wanted)) {
                    goals.inForceOfProjects(mofDivCode.value(), fiscalYear.value(), batch).forEach(keep);
                }
            }
        }
        return found;
    }

    @Override
    public Set<ProCode> withAnyGoal(MofDivCode mofDivCode, FiscalYear fiscalYear, Collection<ProCode> proCodes) {
        Set<ProCode> found = new HashSet<>();
        try (SqlSession session = sessions.openSession()) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            for (String[] batch : batches(codes(proCodes))) {
                goals.projectsWithGoal(mofDivCode.value(), fiscalYear.value(), batch)
                        .forEach(p -> found.add(ProCode.of(p)));
            }
        }
        return found;
    }

    /** Of two goals in force of a project: the newest version of the newest goal. */
    private static GoalRef newest(GoalRef a, GoalRef b) {
        return a.goalId() != b.goalId() ? (a.goalId() > b.goalId() ? a : b) : (a.version() > b.version() ? a : b);
    }

    @Override
    public Map<ProCode, GoalRef> inForceOfAgency(MofDivCode mofDivCode, FiscalYear fiscalYear,
            io.jixiao.api.model.AgencyCode agencyCode,
            io.jixiao.api.goal.GoalSubject subject) {
        Map<ProCode, GoalRef> found = new HashMap<>();
        try (SqlSession session = sessions.openSession()) {
            for (GoalRow r : session.getMapper(GoalMapper.class).inForceOfAgency(mofDivCode.value(),
                    fiscalYear.value(), agencyCode.value(), subject.name())) {
                found.merge(ProCode.of(r.proCode), new GoalRef(r.goalId, r.version),
                        MyBatisStore::newest);
            }
        }
        return found;
    }

    @Override
    public Map<ProCode, Assessment> latestAssessments(MofDivCode mofDivCode, FiscalYear fiscalYear,
            Collection<ProCode> proCodes) {
        Map<ProCode, Assessment> found = new HashMap<>();
        Set<String> wanted = codes(proCodes);
        // newest first: the first row of a project is its latest
        Consumer<AssessmentRow> keep = r -> {
            if (wanted.contains(r.proCode) && !found.containsKey(ProCode.of(r.proCode))) {
                found.put(ProCode.of(r.proCode), GoalRows.assessment(r));
            }
        };
        try (SqlSession session = sessions.openSession()) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            if (wanted.size() >= REGION_SCAN_FROM) {
                goals.assessmentsOfRegion(mofDivCode.value(), fiscalYear.value(),
                        context -> keep.accept(context.getResultObject()));
            } else {
                for (String[] batch : batches(wanted)) {
                    goals.assessmentsOfProjects(mofDivCode.value(), fiscalYear.value(), batch).forEach(keep);
                }
            }
        }
        return found;
    }

    @Override
    public void forEachGoalProject(java.util.function.BiConsumer<String, String> each) {
        try (SqlSession session = sessions.openSession();
                org.apache.ibatis.cursor.Cursor<java.util.Map<String, Object>> cursor = session
                        .getMapper(io.jixiao.store.internal.mapper.GoalMapper.class).goalProjects()) {
            cursor.forEach(row -> each.accept((String) row.get("region"), (String) row.get("project")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void forEachInForce(MofDivCode mofDivCode, FiscalYear fiscalYear, long afterGoalId,
            Consumer<GoalVersion> each) {
        try (SqlSession session = sessions.openSession();
                Cursor<GoalRow> rows = session.getMapper(GoalMapper.class)
                        .inForceOfRegionFull(mofDivCode.value(), fiscalYear.value(), afterGoalId)) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            Map<Long, GoalRow> page = new java.util.LinkedHashMap<>();
            for (GoalRow row : rows) {
                // newest version first: the first row of a goal is the version in force
                page.putIfAbsent(row.goalId, row);
                if (page.size() == BATCH) {
                    emit(goals, page, each);
                }
            }
            emit(goals, page, each);
        } catch (java.io.IOException e) {
            throw new PersistenceException("closing the goals cursor", e);
        }
    }

    /** Reads the indicators of a page of goals with one query and hands the goals on. */
    private static void emit(GoalMapper goals, Map<Long, GoalRow> page, Consumer<GoalVersion> each) {
        if (page.isEmpty()) {
            return;
        }
        Map<Long, List<IndicatorRow>> indicators = new HashMap<>();
        for (IndicatorRow k : goals.indicatorsOfGoals(page.keySet())) {
            if (k.version == page.get(k.goalId).version) {
                indicators.computeIfAbsent(k.goalId, id -> new ArrayList<>()).add(k);
            }
        }
        page.values().forEach(row -> each.accept(GoalRows.version(row,
                indicators.getOrDefault(row.goalId, List.of()))));
        page.clear();
    }

    @Override
    public boolean insertStageReview(GoalVersion reviewed, StageReview review, AuditEntry audit) {
        try (SqlSession session = sessions.openSession(false)) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            try {
                goals.insertStageReview(GoalRows.stageRow(reviewed, review));
            } catch (PersistenceException failed) {
                session.rollback();
                boolean taken = goals.stageReviews(review.goalId(), review.version()).stream()
                        .anyMatch(r -> r.stage.equals(review.stage().name()));
                if (taken) {
                    return false; // the primary key (goal, version, stage): recorded already
                }
                throw failed;
            }
            appendAudit(session, audit);
            session.commit();
            return true;
        }
    }

    @Override
    public List<StageReview> stageReviews(long goalId, int version) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(GoalMapper.class).stageReviews(goalId, version).stream()
                    .map(GoalRows::stageReview)
                    .sorted(java.util.Comparator.comparing(StageReview::stage)).toList();
        }
    }

    @Override
    public Map<GoalRef, StagePassed> stagesPassed(MofDivCode mofDivCode, FiscalYear fiscalYear,
            Collection<GoalRef> versions, ReviewStage stage) {
        Set<GoalRef> wanted = new java.util.HashSet<>(versions);
        Map<GoalRef, StagePassed> found = new HashMap<>();
        Consumer<StageReviewRow> keep = r -> {
            GoalRef ref = new GoalRef(r.goalId, r.version);
            if (wanted.contains(ref)) {
                found.put(ref, new StagePassed(r.amount));
            }
        };
        try (SqlSession session = sessions.openSession()) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            if (wanted.size() >= REGION_SCAN_FROM) {
                goals.stageReviewsOfRegion(mofDivCode.value(), fiscalYear.value(), stage.name(),
                        context -> keep.accept(context.getResultObject()));
            } else {
                List<Long> ids = wanted.stream().map(GoalRef::goalId).distinct().toList();
                for (int i = 0; i < ids.size(); i += BATCH) {
                    goals.stageReviewsOfGoals(stage.name(), ids.subList(i, Math.min(ids.size(), i + BATCH)))
                            .forEach(keep);
                }
            }
        }
        return found;
    }

    @Override
    public void insertRuleSet(StoredRuleSet set, AuditEntry audit) {
        RuleSetRow row = new RuleSetRow();
        row.region = set.region();
        row.fromYear = set.fromYear();
        row.revision = set.revision();
        row.rules = RuleSetText.write(set.rules());
        row.reason = set.reason();
        row.changedCaller = set.changedBy().callerSystem();
        row.changedOperator = set.changedBy().operator();
        row.changedAt = Timestamp.from(set.changedAt().truncatedTo(ChronoUnit.MILLIS));
        try (SqlSession session = sessions.openSession(false)) {
            try {
                session.getMapper(RuleSetMapper.class).insert(row);
            } catch (PersistenceException taken) {
                session.rollback();
                throw new ConflictException("rule set " + set.region() + "/" + set.fromYear() + "#" + set.revision()
                        + " was written by someone else meanwhile; read the rules again and redo the change");
            }
            appendAudit(session, audit);
            session.commit();
        }
    }

    @Override
    public List<StoredRuleSet> ruleSets() {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(RuleSetMapper.class).all().stream().map(r -> new StoredRuleSet(r.region,
                    r.fromYear, r.revision, RuleSetText.read(r.rules), r.reason,
                    Actor.of(r.changedCaller, r.changedOperator, Role.FINANCE), r.changedAt.toInstant())).toList();
        }
    }

    @Override
    public void recordDecisions(List<AuditEntry> audits) {
        if (audits.isEmpty()) {
            return;
        }
        // one batch: a draft of many lines writes its audit rows in round trips of the driver's batch size
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH, false)) {
            appendAudits(session, audits);
            session.commit();
        }
    }

    private static Set<String> codes(Collection<ProCode> proCodes) {
        Set<String> codes = new LinkedHashSet<>();
        proCodes.forEach(p -> codes.add(p.value()));
        return codes;
    }

    private static List<String[]> batches(Set<String> codes) {
        List<String> all = new ArrayList<>(codes);
        List<String[]> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH) {
            batches.add(all.subList(i, Math.min(all.size(), i + BATCH)).toArray(String[]::new));
        }
        return batches;
    }
}
