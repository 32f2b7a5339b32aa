package io.jixiao.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases the mapper tests run on: H2 always, the oracle statements on H2 in Oracle mode, and a real
 * PostgreSQL server when {@code JIXIAO_TEST_PG_URL} is set (each test class in a schema of its own).
 */
record TestDatabase(String name, DataSource dataSource, String databaseId, AutoCloseable cleanup) {
    static final String PG_URL_VARIABLE = "JIXIAO_TEST_PG_URL";

    static List<TestDatabase> all() {
        List<TestDatabase> all = new ArrayList<>();
        all.add(h2("h2", ""));
        all.add(h2("oracle-on-h2", "oracle"));
        String pg = System.getenv(PG_URL_VARIABLE);
        if (pg != null && !pg.isBlank()) {
            all.add(postgresql(pg));
        }
        return all;
    }

    static TestDatabase h2(String name, String databaseId) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return new TestDatabase(name, ds, databaseId, () -> execute(ds, "SHUTDOWN"));
    }

    static TestDatabase postgresql(String url) {
        String schema = "jx_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(url);
        execute(admin, "CREATE SCHEMA " + schema);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setCurrentSchema(schema);
        return new TestDatabase("postgresql", ds, "", () -> execute(admin, "DROP SCHEMA " + schema + " CASCADE"));
    }

    /** Runs SQL with the audit trail's append-only trigger out of the way, as an attacker with DBA rights could. */
    void tamper(String sql) {
        if (name.equals("postgresql")) {
            execute(dataSource, "ALTER TABLE jx_audit DISABLE TRIGGER USER");
            execute(dataSource, sql);
            execute(dataSource, "ALTER TABLE jx_audit ENABLE TRIGGER USER");
        } else {
            execute(dataSource, "DROP TRIGGER JX_AUDIT_APPEND_ONLY");
            execute(dataSource, sql);
            execute(dataSource, "CREATE TRIGGER JX_AUDIT_APPEND_ONLY BEFORE UPDATE, DELETE ON JX_AUDIT FOR EACH ROW "
                    + "CALL 'io.jixiao.store.internal.AppendOnlyTrigger'");
        }
    }

    static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
