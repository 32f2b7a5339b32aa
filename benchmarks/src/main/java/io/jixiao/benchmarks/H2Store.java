package io.jixiao.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.store.internal.Database;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;

/** The benchmarks' database: an H2 file database in Oracle mode, pooled and migrated as the store component does. */
public final class H2Store {
    private H2Store() {
    }

    /**
     * @param dir where the database files go
     * @return a migrated pool of four connections without auto-commit; close it when done
     */
    public static HikariDataSource open(Path dir) {
        JdbcDataSource raw = new JdbcDataSource();
        raw.setURL("jdbc:h2:" + dir.resolve("db") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE");
        raw.setUser("sa");
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(raw);
        hikari.setMaximumPoolSize(4);
        hikari.setAutoCommit(false);
        HikariDataSource ds = new HikariDataSource(hikari);
        Database.migrate(ds);
        return ds;
    }
}
