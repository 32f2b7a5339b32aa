package io.jixiao.store.internal;

import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.HoldRepository;
import io.jixiao.store.internal.mapper.HoldMapper;
import io.jixiao.store.internal.mapper.HoldRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Holds and their change feed over MyBatis; each method one transaction, audit rows on the regions' chains. */
@Component(service = HoldRepository.class)
public final class MyBatisHolds implements HoldRepository {
    private final UnitAwareSessions sessions;

    @Activate
    public MyBatisHolds(@Reference StoreComponent store) {
        this(store.sessions());
    }

    MyBatisHolds(UnitAwareSessions sessions) {
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
            AuditChainWriter.append(session, audit);
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
            AuditChainWriter.append(session, audit);
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
            for (List<Long> chunk : Rows.chunks(ids, 500)) {
                mapper.findMany(chunk).forEach(r -> holds.put(r.holdId, Rows.hold(r)));
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
}
