package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The packaged Oracle driver is selectable by configuration: its DataSourceFactory is registered under the
 * filter the store's {@code dataSourceFactory.target} uses, and it loads its classes inside Felix (no Oracle
 * server here, so the connection attempt must fail with Oracle's own "no listener" error, not a class-loading
 * error).
 */
@ExtendWith(ServiceExtension.class)
class OracleDriverIT {

    @InjectService(filter = "(osgi.jdbc.driver.class=oracle.jdbc.OracleDriver)", timeout = 60_000)
    DataSourceFactory oracle;

    @Test
    void oracleDriverLoadsAndSpeaksOracle() throws SQLException {
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, "jdbc:oracle:thin:@//127.0.0.1:1/NOWHERE");
        props.setProperty(DataSourceFactory.JDBC_USER, "jixiao");
        props.setProperty(DataSourceFactory.JDBC_PASSWORD, "x");
        DataSource ds = oracle.createDataSource(props);
        assertThat(ds.getClass().getName()).startsWith("oracle.jdbc");

        assertThatThrownBy(() -> {
            try (Connection c = ds.getConnection()) {
                c.isValid(1);
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("ORA-");
    }

    @Test
    void urlIsRequired() {
        assertThatThrownBy(() -> oracle.createDataSource(new Properties())).isInstanceOf(SQLException.class)
                .hasMessageContaining("url");
    }
}
