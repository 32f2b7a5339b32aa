package io.jixiao.store.internal;

import io.jixiao.api.goal.ComputeSign;
import io.jixiao.api.goal.Level2;
import io.jixiao.api.library.EntryStatus;
import io.jixiao.api.library.FileFormat;
import io.jixiao.api.library.ImportJob;
import io.jixiao.api.library.ImportProblem;
import io.jixiao.api.library.ImportStatus;
import io.jixiao.api.library.IndicatorKind;
import io.jixiao.api.library.LibraryEntry;
import io.jixiao.api.library.LibraryIndicator;
import io.jixiao.api.library.LibraryPage;
import io.jixiao.api.library.LibraryQuery;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.LibraryRepository;
import io.jixiao.store.internal.mapper.ImportJobRow;
import io.jixiao.store.internal.mapper.ImportProblemRow;
import io.jixiao.store.internal.mapper.LibraryFilter;
import io.jixiao.store.internal.mapper.LibraryMapper;
import io.jixiao.store.internal.mapper.LibraryRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The indicator library and its imports over MyBatis; audit rows through the regions' chains. */
@Component(service = LibraryRepository.class)
public final class MyBatisLibrary implements LibraryRepository {
    /** Codes per lookup of an import batch. */
    private static final int LOOKUP = 500;

    private final SqlSessionFactory sessions;

    @Activate
    public MyBatisLibrary(@Reference StoreComponent store) {
        this(store.sessions());
    }

    MyBatisLibrary(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<LibraryEntry> find(MofDivCode mofDivCode, String code) {
        try (SqlSession session = sessions.openSession()) {
            return Optional.ofNullable(session.getMapper(LibraryMapper.class).find(mofDivCode.value(), code))
                    .map(MyBatisLibrary::entry);
        }
    }

    @Override
    public Map<String, LibraryEntry> findAll(MofDivCode mofDivCode, Collection<String> codes) {
        Map<String, LibraryEntry> found = new HashMap<>();
        List<String> all = new ArrayList<>(codes);
        try (SqlSession session = sessions.openSession()) {
            LibraryMapper mapper = session.getMapper(LibraryMapper.class);
            for (List<String> chunk : Rows.chunks(all, LOOKUP)) {
                mapper.findMany(mofDivCode.value(), chunk).forEach(r -> found.put(r.code, entry(r)));
            }
        }
        return found;
    }

    @Override
    public boolean insert(LibraryEntry entry, AuditEntry entryAudit) {
        try (SqlSession session = sessions.openSession(false)) {
            try {
                session.getMapper(LibraryMapper.class).insert(row(entry));
            } catch (PersistenceException taken) {
                session.rollback();
                if (find(entry.indicator().mofDivCode(), entry.indicator().code()).isPresent()) {
                    return false;
                }
                throw taken;
            }
            AuditChainWriter.append(session, entryAudit);
            session.commit();
            return true;
        }
    }

    @Override
    public boolean update(LibraryEntry entry, int expectedRevision, AuditEntry entryAudit) {
        try (SqlSession session = sessions.openSession(false)) {
            if (session.getMapper(LibraryMapper.class).update(row(entry), expectedRevision) != 1) {
                return false;
            }
            AuditChainWriter.append(session, entryAudit);
            session.commit();
            return true;
        }
    }

    @Override
    public boolean delete(MofDivCode mofDivCode, String code, int expectedRevision, AuditEntry entryAudit) {
        try (SqlSession session = sessions.openSession(false)) {
            if (session.getMapper(LibraryMapper.class).delete(mofDivCode.value(), code, expectedRevision) != 1) {
                return false;
            }
            AuditChainWriter.append(session, entryAudit);
            session.commit();
            return true;
        }
    }

    @Override
    public long usedInForce(MofDivCode mofDivCode, String code) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(LibraryMapper.class).usedInForce(mofDivCode.value(), code);
        }
    }

    @Override
    public LibraryPage search(LibraryQuery query) {
        LibraryFilter filter = filter(query);
        try (SqlSession session = sessions.openSession()) {
            LibraryMapper mapper = session.getMapper(LibraryMapper.class);
            List<LibraryEntry> page = mapper.search(filter).stream().map(MyBatisLibrary::entry).toList();
            long total = mapper.count(filter);
            String next = page.size() == query.limit() ? page.get(page.size() - 1).indicator().code() : null;
            return new LibraryPage(total, page, next);
        }
    }

    @Override
    public void forEach(LibraryQuery query, Consumer<LibraryEntry> each) {
        LibraryFilter filter = filter(query);
        filter.afterCode = null;
        try (SqlSession session = sessions.openSession();
                Cursor<LibraryRow> rows = session.getMapper(LibraryMapper.class).all(filter)) {
            rows.forEach(r -> each.accept(entry(r)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean writeBatch(List<LibraryEntry> inserts, List<LibraryEntry> updates,
            Map<String, Integer> expectedRevisions) {
        if (inserts.isEmpty() && updates.isEmpty()) {
            return true;
        }
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH, false)) {
            LibraryMapper mapper = session.getMapper(LibraryMapper.class);
            try {
                inserts.forEach(e -> mapper.insert(row(e)));
                updates.forEach(e -> mapper.update(row(e), expectedRevisions.get(e.indicator().code())));
                for (BatchResult result : session.flushStatements()) {
                    for (int count : result.getUpdateCounts()) {
                        // a driver may answer SUCCESS_NO_INFO (-2) for a batched statement that worked
                        if (count == 0) {
                            session.rollback();
                            return false;
                        }
                    }
                }
            } catch (PersistenceException meanwhile) {
                session.rollback();
                return false;
            }
            session.commit();
            return true;
        }
    }

    @Override
    public long nextJobId() {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(LibraryMapper.class).nextJobId();
        }
    }

    @Override
    public void insertJob(ImportJob job) {
        try (SqlSession session = sessions.openSession(false)) {
            session.getMapper(LibraryMapper.class).insertJob(jobRow(job));
            session.commit();
        }
    }

    @Override
    public boolean updateJob(ImportJob job, AuditEntry end) {
        try (SqlSession session = sessions.openSession(false)) {
            if (session.getMapper(LibraryMapper.class).updateJob(jobRow(job)) == 0) {
                return false;
            }
            if (end != null) {
                AuditChainWriter.append(session, end);
            }
            session.commit();
            return true;
        }
    }

    @Override
    public void heartbeat(java.util.Collection<Long> jobIds, java.time.Instant at) {
        if (jobIds.isEmpty()) {
            return;
        }
        try (SqlSession session = sessions.openSession(false)) {
            session.getMapper(LibraryMapper.class).heartbeat(List.copyOf(jobIds), at.truncatedTo(ChronoUnit.MILLIS));
            session.commit();
        }
    }

    @Override
    public boolean failAbandoned(ImportJob failed, java.time.Instant before, AuditEntry end) {
        try (SqlSession session = sessions.openSession(false)) {
            ImportJobRow row = jobRow(failed);
            if (session.getMapper(LibraryMapper.class).failAbandoned(row, before) == 0) {
                return false;
            }
            AuditChainWriter.append(session, end);
            session.commit();
            return true;
        }
    }

    @Override
    public Optional<ImportJob> job(long jobId) {
        try (SqlSession session = sessions.openSession()) {
            return Optional.ofNullable(session.getMapper(LibraryMapper.class).job(jobId)).map(MyBatisLibrary::job);
        }
    }

    @Override
    public List<ImportJob> abandoned(java.time.Instant before) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(LibraryMapper.class).unfinished(before).stream().map(MyBatisLibrary::job)
                    .toList();
        }
    }

    @Override
    public void addProblems(long jobId, List<ImportProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH, false)) {
            LibraryMapper mapper = session.getMapper(LibraryMapper.class);
            int previousRow = -1;
            int seq = 0;
            for (ImportProblem p : problems) {
                seq = p.row() == previousRow ? seq + 1 : 0;
                previousRow = p.row();
                ImportProblemRow r = new ImportProblemRow();
                r.jobId = jobId;
                r.rowNo = p.row();
                r.seq = seq;
                r.col = p.column().isEmpty() ? null : p.column();
                r.reason = p.reason().length() > 500 ? p.reason().substring(0, 500) : p.reason();
                mapper.insertProblem(r);
            }
            session.commit();
        }
    }

    @Override
    public List<ImportProblem> problems(long jobId, int afterRow, int limit) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(LibraryMapper.class).problems(jobId, afterRow, limit).stream()
                    .map(r -> new ImportProblem(r.rowNo, r.col == null ? "" : r.col, r.reason)).toList();
        }
    }

    private static LibraryFilter filter(LibraryQuery q) {
        LibraryFilter f = new LibraryFilter();
        f.mofDivCode = q.mofDivCode().value();
        f.kind = q.kind() == null ? null : q.kind().name();
        f.level1 = q.level1() == null ? null : q.level1().name();
        f.level2 = q.level2() == null ? null : q.level2().name();
        f.agencyCode = q.agencyCode() == null ? null : q.agencyCode().value();
        f.functionalClass = q.functionalClass();
        f.keyword = q.keyword() == null ? null : "%" + q.keyword().replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        f.status = q.status() == null ? null : q.status().name();
        f.afterCode = q.afterCode();
        f.limit = q.limit();
        return f;
    }

    static LibraryRow row(LibraryEntry e) {
        LibraryIndicator i = e.indicator();
        LibraryRow r = new LibraryRow();
        r.mofDivCode = i.mofDivCode().value();
        r.code = i.code();
        r.kind = i.kind().name();
        r.agencyCode = i.agencyCode() == null ? null : i.agencyCode().value();
        r.level1 = i.level1().name();
        r.level2 = i.level2().name();
        r.name = i.name();
        r.functionalClass = emptyAsNull(i.functionalClass());
        r.sign = i.sign().code();
        r.unit = emptyAsNull(i.unit());
        r.target = emptyAsNull(i.target());
        r.scoring = emptyAsNull(i.scoring());
        r.validFrom = i.validFrom();
        r.validTo = i.validTo();
        r.status = e.status().name();
        r.revision = e.revision();
        r.changedCaller = e.changedBy().callerSystem();
        r.changedOperator = e.changedBy().operator();
        r.changedRoles = Rows.roles(e.changedBy());
        r.changedAt = e.changedAt().truncatedTo(ChronoUnit.MILLIS);
        return r;
    }

    static LibraryEntry entry(LibraryRow r) {
        LibraryIndicator i = new LibraryIndicator(MofDivCode.of(r.mofDivCode), r.code, IndicatorKind.valueOf(r.kind),
                r.agencyCode == null ? null : AgencyCode.of(r.agencyCode), Level2.valueOf(r.level2), r.name,
                nullAsEmpty(r.functionalClass), ComputeSign.of(r.sign), nullAsEmpty(r.unit), nullAsEmpty(r.target),
                nullAsEmpty(r.scoring), r.validFrom, r.validTo);
        return new LibraryEntry(i, EntryStatus.valueOf(r.status), r.revision,
                Rows.actor(r.changedCaller, r.changedOperator, r.changedRoles), r.changedAt);
    }

    private static ImportJobRow jobRow(ImportJob j) {
        ImportJobRow r = new ImportJobRow();
        r.jobId = j.jobId();
        r.target = "LIBRARY";
        r.mofDivCode = j.mofDivCode().value();
        r.fileName = j.fileName();
        r.format = j.format() == null ? null : j.format().name();
        r.status = j.status().name();
        r.rowsRead = j.rowsRead();
        r.rowsWritten = j.rowsWritten();
        r.inserted = j.inserted();
        r.updated = j.updated();
        r.unchanged = j.unchanged();
        r.rejected = j.rejected();
        r.message = emptyAsNull(j.message().length() > 1000 ? j.message().substring(0, 1000) : j.message());
        r.startedCaller = j.startedBy().callerSystem();
        r.startedOperator = j.startedBy().operator();
        r.startedRoles = Rows.roles(j.startedBy());
        r.startedAt = j.startedAt().truncatedTo(ChronoUnit.MILLIS);
        r.finishedAt = j.finishedAt() == null ? null : j.finishedAt().truncatedTo(ChronoUnit.MILLIS);
        r.heartbeatAt = java.time.Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return r;
    }

    private static ImportJob job(ImportJobRow r) {
        return new ImportJob(r.jobId, MofDivCode.of(r.mofDivCode), r.fileName,
                r.format == null ? null : FileFormat.valueOf(r.format), ImportStatus.valueOf(r.status), r.rowsRead,
                r.rowsWritten, r.inserted, r.updated, r.unchanged, r.rejected, nullAsEmpty(r.message),
                Rows.actor(r.startedCaller, r.startedOperator, r.startedRoles), r.startedAt, r.finishedAt);
    }

    private static String emptyAsNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nullAsEmpty(String s) {
        return s == null ? "" : s;
    }
}
