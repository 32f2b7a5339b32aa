package io.jixiao.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The store starts without its database only when the database did not answer — real drivers against a port
 * nobody listens on — and not when the database answered and refused.
 */
class StartGateTest {

    @Test
    void aClosedGateRefusesAtOnceAndAnOpenOneHandsOutTheDatabasesConnections() throws SQLException {
        JdbcDataSource h2 = h2("jdbc:h2:mem:gate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "");
        StartGate gate = new StartGate(h2, "not yet");

        assertThatThrownBy(gate::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                .hasMessage("not yet");
        assertThat(StartGate.unreachable(new IllegalStateException(catching(gate)))).isTrue();

        gate.open();
        try (Connection connection = gate.getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }
    }

    @Test
    void nobodyListeningIsUnreachableWithH2PostgresqlAndThroughThePool() throws IOException {
        int port = freePort();
        assertThat(StartGate.unreachable(catching(h2("jdbc:h2:tcp://127.0.0.1:" + port + "/mem:x", "")))).isTrue();

        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setServerNames(new String[] {"127.0.0.1"});
        pg.setPortNumbers(new int[] {port});
        pg.setDatabaseName("test");
        pg.setUser("postgres");
        assertThat(StartGate.unreachable(catching(pg))).isTrue();

        HikariConfig config = new HikariConfig();
        config.setDataSource(pg);
        config.setConnectionTimeout(300);
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            SQLException timedOut = catching(pool);
            assertThat((Throwable) timedOut).isInstanceOf(SQLTransientConnectionException.class);
            // as the migration reports it
            assertThat(StartGate.unreachable(new IllegalStateException("database migration failed", timedOut)))
                    .isTrue();
        }
    }

    @Test
    void aDatabaseThatAnswersAndRefusesIsNotWaitedFor() throws SQLException {
        String url = "jdbc:h2:mem:refusing-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection owner = h2(url, "right").getConnection()) {
            SQLException wrongPassword = catching(h2(url, "wrong"));
            assertThat(wrongPassword.getSQLState()).startsWith("28");
            assertThat(StartGate.unreachable(wrongPassword)).isFalse();

            SQLException badStatement = null;
            try {
                owner.createStatement().execute("SELECT * FROM NO_SUCH_TABLE");
            } catch (SQLException e) {
                badStatement = e;
            }
            assertThat(StartGate.unreachable(new IllegalStateException("database migration failed", badStatement)))
                    .isFalse();
        }
        assertThat(StartGate.unreachable(new IllegalStateException("no SQL at all"))).isFalse();
    }

    @Test
    void theDialectIsToldFromTheUrlWhenTheDatabaseCannotTellIt() {
        assertThat(Database.dialectOf("jdbc:h2:./data/jixiao;MODE=Oracle")).contains("h2");
        assertThat(Database.dialectOf("jdbc:postgresql://db:5432/jixiao")).contains("postgresql");
        assertThat(Database.dialectOf("jdbc:kingbase8://db:54321/jixiao")).contains("postgresql");
        assertThat(Database.dialectOf(" JDBC:ORACLE:thin:@//db:1521/BUDGET")).contains("oracle");
        assertThat(Database.dialectOf("jdbc:dm://db:5236")).contains("oracle");
        assertThat(Database.dialectOf("jdbc:sqlserver://db")).isEmpty();
    }

    private static JdbcDataSource h2(String url, String password) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        ds.setPassword(password);
        return ds;
    }

    private static SQLException catching(DataSource dataSource) {
        try (Connection ignored = dataSource.getConnection()) {
            throw new AssertionError("connected");
        } catch (SQLException e) {
            return e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
