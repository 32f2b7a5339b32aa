package io.jixiao.it.process;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/** A schema of its own on the tests' PostgreSQL server ({@code JIXIAO_TEST_PG_URL}), dropped when closed. */
final class PgSchema implements AutoCloseable {
    private final String name;

    private PgSchema(String name) {
        this.name = name;
    }

    /** @return the server's JDBC URL, or {@code null} when the tests run without PostgreSQL */
    static String serverUrl() {
        String url = System.getenv("JIXIAO_TEST_PG_URL");
        return url == null || url.isBlank() ? null : url;
    }

    /**
     * Creates a schema named by the prefix and a random part; without a server the calling test is skipped.
     *
     * @param prefix the schema name's start, e.g. {@code jx_crash_}
     * @return the schema
     */
    static PgSchema create(String prefix) throws SQLException {
        Assumptions.assumeTrue(serverUrl() != null, "JIXIAO_TEST_PG_URL is not set");
        PgSchema schema = new PgSchema(prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
        try (Connection c = DriverManager.getConnection(serverUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema.name);
        }
        return schema;
    }

    /**
     * @param server a JDBC URL of the server (or of a proxy in front of it)
     * @return the URL with this schema current
     */
    String url(String server) {
        return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + name + " CASCADE");
        }
    }
}
