package io.jixiao.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.store.internal.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The benchmarks' PostgreSQL: a fresh schema on the server at {@code JIXIAO_BENCH_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}), so that runs never see each other's rows.
 */
public final class PgStore {
    private PgStore() {
    }

    /** @return a data source whose connections work in a new, empty schema (not migrated) */
    public static PGSimpleDataSource freshSchema() {
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(System.getenv().getOrDefault("JIXIAO_BENCH_PG_URL",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
        String schema = "jx_bench_" + Long.toString(System.nanoTime(), 36);
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema at " + admin.getURL(), e);
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(admin.getURL());
        pg.setCurrentSchema(schema);
        return pg;
    }

    /** @return a migrated pool of four connections without auto-commit in a fresh schema, as the store opens it */
    public static HikariDataSource open() {
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(freshSchema());
        hikari.setMaximumPoolSize(4);
        hikari.setAutoCommit(false);
        HikariDataSource ds = new HikariDataSource(hikari);
        Database.migrate(ds);
        return ds;
    }
}
