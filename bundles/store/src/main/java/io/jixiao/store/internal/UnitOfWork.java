package io.jixiao.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transaction that every repository call of one thread joins until it is committed or rolled back (see
 * {@link io.jixiao.store.Transactions}). The sessions that join it work inside savepoints, so a repository call that
 * fails takes back only its own writes, as it would in a transaction of its own. Its connection is taken from the
 * pool at the first repository call, not before: work that runs {@code independently} before it holds none.
 */
public final class UnitOfWork {
    private static final Logger LOG = LoggerFactory.getLogger(UnitOfWork.class);
    private static final ThreadLocal<UnitOfWork> CURRENT = new ThreadLocal<>();

    private final javax.sql.DataSource pool;
    private Connection connection;
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final List<Runnable> afterRollback = new ArrayList<>();
    private final String purpose;

    private UnitOfWork(javax.sql.DataSource pool, String purpose) {
        this.pool = pool;
        this.purpose = purpose;
    }

    /** @return the calling thread's unit of work, or {@code null} */
    public static UnitOfWork current() {
        return CURRENT.get();
    }

    /** Binds a new unit of work to the calling thread (the caller discarded a stale one, see {@link #discardStale}). */
    static UnitOfWork begin(javax.sql.DataSource pool, String purpose) {
        UnitOfWork unit = new UnitOfWork(pool, purpose);
        CURRENT.set(unit);
        return unit;
    }

    /** Unbinds a unit for work that must commit on its own (see {@link io.jixiao.store.Transactions#independently}). */
    public static void suspend(UnitOfWork unit) {
        if (CURRENT.get() == unit) {
            CURRENT.remove();
        }
    }

    public static void resume(UnitOfWork unit) {
        CURRENT.set(unit);
    }

    /**
     * Rolls back a unit of work still bound to the calling thread: one left by a call that never finished (a bug;
     * a thread pool must never carry it into the next call, whose reads and writes would join it).
     */
    public static void discardStale() {
        UnitOfWork stale = CURRENT.get();
        if (stale != null) {
            LOG.warn("A unit of work for {} was still bound to thread {}; rolled back", stale.purpose,
                    Thread.currentThread().getName());
            stale.rollback();
        }
    }

    /** @return the unit's connection, taken from the pool at the first call */
    Connection connection() throws SQLException {
        if (connection == null) {
            Connection taken = pool.getConnection();
            taken.setAutoCommit(false);
            connection = taken;
        }
        return connection;
    }

    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    public void afterRollback(Runnable action) {
        afterRollback.add(action);
    }

    /** Commits everything, unbinds, then runs what waited for the commit. */
    void commit() throws SQLException {
        try {
            if (connection != null) {
                connection.commit();
            }
        } catch (SQLException e) {
            rollback();
            throw e;
        }
        end();
        run(afterCommit, "after commit");
    }

    /** Rolls everything back, unbinds, then runs what undoes effects outside the database. */
    void rollback() {
        try {
            if (connection != null) {
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.warn("Rolling back the unit of work for {} failed: {}", purpose, e.toString());
        }
        end();
        run(afterRollback, "after rollback");
    }

    private void end() {
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            LOG.warn("Closing the connection of the unit of work for {} failed: {}", purpose, e.toString());
        }
    }

    private void run(List<Runnable> actions, String when) {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("An action {} of {} failed: {}", when, purpose, e.toString());
            }
        }
    }
}
