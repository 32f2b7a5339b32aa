package io.jixiao.store.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.TransactionIsolationLevel;

/**
 * The store's session factory. Outside a {@link UnitOfWork} a session is a transaction of its own, as MyBatis makes
 * it. Inside one, a session runs on the unit's connection within a savepoint: its {@code commit} keeps its writes
 * for the unit's commit, its {@code rollback} (or a close without commit) takes back only its own writes.
 */
public final class UnitAwareSessions implements SqlSessionFactory {
    private final SqlSessionFactory delegate;

    UnitAwareSessions(SqlSessionFactory delegate) {
        this.delegate = delegate;
    }

    /**
     * Binds a unit of work to the calling thread; it takes a connection of its own from the pool at its first
     * repository call.
     *
     * @param purpose what the unit is for, for the log
     * @return the unit; the caller must commit or roll it back on this thread
     */
    UnitOfWork begin(String purpose) {
        return UnitOfWork.begin(configurationDataSource(), purpose);
    }

    private javax.sql.DataSource configurationDataSource() {
        return delegate.getConfiguration().getEnvironment().getDataSource();
    }

    private SqlSession open(ExecutorType type, Supplier<SqlSession> own) {
        UnitOfWork unit = UnitOfWork.current();
        if (unit == null) {
            return own.get();
        }
        Connection connection;
        try {
            connection = unit.connection();
        } catch (SQLException e) {
            throw new PersistenceException("cannot open the unit of work's connection: " + e.getMessage(), e);
        }
        SqlSession session = delegate.openSession(type, connection);
        try {
            return joined(session, connection);
        } catch (SQLException e) {
            session.close();
            throw new PersistenceException("cannot set a savepoint in the unit of work: " + e.getMessage(), e);
        }
    }

    private static SqlSession joined(SqlSession session, Connection connection) throws SQLException {
        Joined handler = new Joined(session, connection);
        return (SqlSession) Proxy.newProxyInstance(SqlSession.class.getClassLoader(), new Class<?>[] {SqlSession.class},
                handler);
    }

    /**
     * A session inside a unit of work: commit moves its savepoint on, rollback and close go back to it (after a
     * commit, with nothing since, that changes nothing).
     */
    private static final class Joined implements InvocationHandler {
        private final SqlSession session;
        private final Connection connection;
        private Savepoint savepoint;

        Joined(SqlSession session, Connection connection) throws SQLException {
            this.session = session;
            this.connection = connection;
            this.savepoint = connection.setSavepoint();
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "commit" -> {
                    session.commit(true); // flushes batched statements; the managed transaction commits nothing
                    savepoint = connection.setSavepoint();
                    return null;
                }
                case "rollback" -> {
                    session.rollback(true);
                    connection.rollback(savepoint);
                    return null;
                }
                case "close" -> {
                    try {
                        connection.rollback(savepoint);
                    } finally {
                        session.close();
                    }
                    return null;
                }
                default -> {
                    try {
                        return method.invoke(session, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        }
    }

    @Override
    public SqlSession openSession() {
        return open(ExecutorType.SIMPLE, delegate::openSession);
    }

    @Override
    public SqlSession openSession(boolean autoCommit) {
        return open(ExecutorType.SIMPLE, () -> delegate.openSession(autoCommit));
    }

    @Override
    public SqlSession openSession(ExecutorType execType) {
        return open(execType, () -> delegate.openSession(execType));
    }

    @Override
    public SqlSession openSession(ExecutorType execType, boolean autoCommit) {
        return open(execType, () -> delegate.openSession(execType, autoCommit));
    }

    @Override
    public SqlSession openSession(Connection connection) {
        return delegate.openSession(connection);
    }

    @Override
    public SqlSession openSession(TransactionIsolationLevel level) {
        return open(ExecutorType.SIMPLE, () -> delegate.openSession(level));
    }

    @Override
    public SqlSession openSession(ExecutorType execType, TransactionIsolationLevel level) {
        return open(execType, () -> delegate.openSession(execType, level));
    }

    @Override
    public SqlSession openSession(ExecutorType execType, Connection connection) {
        return delegate.openSession(execType, connection);
    }

    @Override
    public Configuration getConfiguration() {
        return delegate.getConfiguration();
    }
}
