package io.jixiao.store.internal;

import io.jixiao.store.AuditEntry;
import io.jixiao.store.internal.mapper.HoldMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Emergency bypasses over MyBatis; each method one transaction, audit rows on the regions' chains. */
@Component(service = io.jixiao.store.BypassRepository.class)
public final class MyBatisBypasses implements io.jixiao.store.BypassRepository {
    private final UnitAwareSessions sessions;

    @Activate
    public MyBatisBypasses(@Reference StoreComponent store) {
        this(store.sessions());
    }

    MyBatisBypasses(UnitAwareSessions sessions) {
        this.sessions = sessions;
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
            AuditChainWriter.append(session, audit);
            session.commit();
        }
    }

    @Override
    public boolean closeBypass(io.jixiao.api.service.Bypass closed, AuditEntry audit) {
        try (SqlSession session = sessions.openSession(false)) {
            if (session.getMapper(HoldMapper.class).closeBypass(Rows.bypassRow(closed)) != 1) {
                return false;
            }
            AuditChainWriter.append(session, audit);
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
}
