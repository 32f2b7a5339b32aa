package io.jixiao.store.internal;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.PayAppNo;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.AuditTrail;
import io.jixiao.store.DecisionRecord;
import io.jixiao.store.DecisionRepository;
import io.jixiao.store.HoldRepository;
import io.jixiao.store.internal.mapper.AuditMapper;
import io.jixiao.store.internal.mapper.DecisionMapper;
import io.jixiao.store.internal.mapper.HoldMapper;
import io.jixiao.store.internal.mapper.HoldRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The repositories over MyBatis. Each method is one transaction: a session is opened, committed on success
 * and rolled back by {@code close()} on failure.
 */
public final class MyBatisStore implements HoldRepository, DecisionRepository, AuditTrail {
    private final SqlSessionFactory sessions;

    public MyBatisStore(SqlSessionFactory sessions) {
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
            session.getMapper(HoldMapper.class).insert(Rows.holdRow(hold));
            session.getMapper(AuditMapper.class).insert(Rows.auditRow(audit));
            session.commit();
        }
    }

    @Override
    public boolean release(long holdId, Hold.Release release, AuditEntry audit) {
        try (SqlSession session = sessions.openSession(false)) {
            if (session.getMapper(HoldMapper.class).release(Rows.releaseRow(holdId, release)) != 1) {
                return false;
            }
            session.getMapper(AuditMapper.class).insert(Rows.auditRow(audit));
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
    public void forEachActive(Consumer<Hold> consumer) {
        try (SqlSession session = sessions.openSession();
                Cursor<HoldRow> cursor = session.getMapper(HoldMapper.class).openActive()) {
            cursor.forEach(row -> consumer.accept(Rows.hold(row)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void recordBlocking(DecisionRecord decision, AuditEntry audit) {
        try (SqlSession session = sessions.openSession(false)) {
            session.getMapper(DecisionMapper.class).insert(Rows.decisionRow(decision));
            session.getMapper(AuditMapper.class).insert(Rows.auditRow(audit));
            session.commit();
        }
    }

    @Override
    public void recordAll(List<DecisionRecord> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH, false)) {
            DecisionMapper mapper = session.getMapper(DecisionMapper.class);
            for (DecisionRecord decision : decisions) {
                mapper.insert(Rows.decisionRow(decision));
            }
            session.flushStatements();
            session.commit();
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
}
