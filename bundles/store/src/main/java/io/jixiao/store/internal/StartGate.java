package io.jixiao.store.internal;

import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The store's data source while the database has not answered since the store started: every connection is
 * refused at once with a clear message, so that callers fail fast (the payment guard holds fail-safe) instead of
 * waiting for the pool, and nothing reaches a schema that is not migrated yet. {@link #open()} lets connections
 * through to the pool once the schema is current.
 */
final class StartGate implements DataSource {
    private final DataSource pool;
    private final String closedMessage;
    private volatile boolean open;

    StartGate(DataSource pool, String closedMessage) {
        this.pool = pool;
        this.closedMessage = closedMessage;
    }

    void open() {
        open = true;
    }

    boolean isOpen() {
        return open;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!open) {
            throw new SQLTransientConnectionException(closedMessage, "08001");
        }
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the store's connections carry the configured user");
    }

    /**
     * Whether a failure says the database could not be reached (down, refused, unknown host, timed out) rather
     * than that it answered and refused (wrong password, broken schema): only the first is worth waiting for.
     *
     * @param failure what opening or migrating the store threw
     * @return true when the database did not answer
     */
    static boolean unreachable(Throwable failure) {
        SQLException deepest = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                deepest = sql;
            }
        }
        if (deepest == null) {
            return false;
        }
        String state = deepest.getSQLState();
        if (state != null && state.startsWith("28")) {
            return false; // the database answered: authorization refused
        }
        return deepest instanceof SQLTransientConnectionException
                || deepest instanceof SQLNonTransientConnectionException
                || state != null && state.startsWith("08");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool.isWrapperFor(iface);
    }
}
