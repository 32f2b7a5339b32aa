package io.jixiao.jdbc.oracle.internal;

import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.XADataSource;
import oracle.jdbc.OracleDriver;
import oracle.jdbc.pool.OracleConnectionPoolDataSource;
import oracle.jdbc.pool.OracleDataSource;
import oracle.jdbc.xa.client.OracleXADataSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The OSGi JDBC service for the embedded Oracle thin driver. Understands the standard properties
 * {@code url}, {@code user} and {@code password}; pooling is the store's job.
 */
@Component(property = {
    DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=oracle.jdbc.OracleDriver",
    DataSourceFactory.OSGI_JDBC_DRIVER_NAME + "=Oracle JDBC thin driver"
})
public final class OracleDataSourceFactory implements DataSourceFactory {

    @Override
    public DataSource createDataSource(Properties props) throws SQLException {
        OracleDataSource ds = new OracleDataSource();
        configure(props, ds::setURL, ds::setUser, ds::setPassword, ds::setConnectionProperties);
        return ds;
    }

    @Override
    public ConnectionPoolDataSource createConnectionPoolDataSource(Properties props) throws SQLException {
        OracleConnectionPoolDataSource ds = new OracleConnectionPoolDataSource();
        configure(props, ds::setURL, ds::setUser, ds::setPassword, ds::setConnectionProperties);
        return ds;
    }

    @Override
    public XADataSource createXADataSource(Properties props) throws SQLException {
        OracleXADataSource ds = new OracleXADataSource();
        configure(props, ds::setURL, ds::setUser, ds::setPassword, ds::setConnectionProperties);
        return ds;
    }

    @Override
    public Driver createDriver(Properties props) throws SQLException {
        return new OracleDriver();
    }

    /** A setter of one of Oracle's data source classes, which share no configuring supertype. */
    @FunctionalInterface
    interface Setter<T> {
        void set(T value) throws SQLException;
    }

    static void configure(Properties props, Setter<String> url, Setter<String> user, Setter<String> password,
            Setter<Properties> others) throws SQLException {
        Properties rest = new Properties();
        rest.putAll(props);
        String jdbcUrl = (String) rest.remove(JDBC_URL);
        if (jdbcUrl == null) {
            throw new SQLException("property '" + JDBC_URL + "' is required");
        }
        url.set(jdbcUrl);
        String name = (String) rest.remove(JDBC_USER);
        if (name != null) {
            user.set(name);
        }
        String secret = (String) rest.remove(JDBC_PASSWORD);
        if (secret != null) {
            password.set(secret);
        }
        if (!rest.isEmpty()) {
            others.set(rest);
        }
    }
}
