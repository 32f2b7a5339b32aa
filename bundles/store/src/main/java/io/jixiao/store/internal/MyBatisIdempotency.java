package io.jixiao.store.internal;

import io.jixiao.api.call.IdempotencyRepository;
import io.jixiao.store.internal.mapper.IdempotencyMapper;
import io.jixiao.store.internal.mapper.IdempotencyRow;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Idempotency keys over MyBatis: a reserved key's call runs as one unit of work that its answer commits. */
@Component(service = IdempotencyRepository.class, immediate = true)
public final class MyBatisIdempotency implements IdempotencyRepository {
    private static final int BEGIN_ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(MyBatisIdempotency.class);
    private final UnitAwareSessions sessions;
    /** Purges expired keys every ten minutes while the component is active; none in a test's plain instance. */
    private final ScheduledExecutorService housekeeping;

    @Activate
    public MyBatisIdempotency(@Reference StoreComponent store) {
        this.sessions = store.sessions();
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jixiao-store-housekeeping");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(this::purgeExpiredKeys, 1, 10, TimeUnit.MINUTES);
    }

    MyBatisIdempotency(UnitAwareSessions sessions) {
        this.sessions = sessions;
        this.housekeeping = null;
    }

    @Deactivate
    void deactivate() {
        housekeeping.shutdownNow();
    }

    private void purgeExpiredKeys() {
        try {
            int purged = purgeExpired(Instant.now());
            if (purged > 0) {
                LOG.info("Purged {} expired idempotency keys", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging expired idempotency keys failed; will retry: {}", e.toString());
        }
    }

    @Override
    public void discardStale() {
        UnitOfWork.discardStale();
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
}
