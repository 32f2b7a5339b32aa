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
        return open(dir, 0);
    }

    /**
     * @param dir where the database files go
     * @param writeDelayMillis H2's WRITE_DELAY: 0 as the store opens it (a commit is in the file when it returns),
     *        500 as H2 does by default
     * @return a migrated pool of four connections without auto-commit; close it when done
     */
    public static HikariDataSource open(Path dir, int writeDelayMillis) {
        JdbcDataSource raw = new JdbcDataSource();
        raw.setURL("jdbc:h2:" + dir.resolve("db") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE"
                + ";WRITE_DELAY=" + writeDelayMillis);
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
