package io.jixiao.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the configured database through its driver's {@link DataSourceFactory}, pools it and migrates the schema;
 * each repository is a component of its own over this one's sessions ({@code MyBatisHolds}, {@code MyBatisGoals},
 * ...). A database that does not answer at start does not stop the store: the repositories are registered and
 * refuse every call until the database answers and the schema is migrated ({@link StartGate}). A database that
 * answers and refuses (credentials, a failing migration) does.
 */
@Component(configurationPid = StoreComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = StoreComponent.class)
@Designate(ocd = StoreConfiguration.class)
public final class StoreComponent {
    static final String PID = "io.jixiao.store";
    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);

    private final HikariDataSource pool;
    private final StartGate gate;
    private final long retrySeconds;
    private final boolean migrate;
    private final H2Triggers h2Triggers;
    private final UnitAwareSessions sessions;
    private final ChainBreaks breaks = new ChainBreaks();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jixiao-store-start");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public StoreComponent(StoreConfiguration config,
            @Reference(name = "dataSourceFactory") DataSourceFactory driver) throws SQLException {
        H2Durability.Decision durable = H2Durability.of(config.url());
        durable.warning().ifPresent(LOG::warn);
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, durable.url());
        if (!config.user().isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_USER, config.user());
        }
        if (!config._password().isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_PASSWORD, config._password());
        }
        // H2 runs the append-only trigger of the audit trail, a class of this bundle that H2 cannot see by itself
        this.h2Triggers = config.url().startsWith("jdbc:h2:") ? H2Triggers.register() : null;
        DataSource raw = driver.createDataSource(props);
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("jixiao");
        hikari.setDataSource(raw);
        hikari.setMaximumPoolSize(config.pool_maxSize());
        hikari.setConnectionTimeout(config.pool_connectionTimeoutMillis());
        hikari.setAutoCommit(false);
        hikari.setInitializationFailTimeout(-1); // the pool opens without the database; see startWithoutDatabase
        this.pool = new HikariDataSource(hikari);
        this.retrySeconds = config.startRetrySeconds();
        this.migrate = config.migrate();
        this.gate = new StartGate(pool, "the database has not answered since the store started (" + redact(config.url())
                + "); the store retries every " + retrySeconds + " s");
        try {
            String databaseId = config.databaseId();
            if (prepare()) {
                gate.open();
            } else {
                databaseId = startWithoutDatabase(config);
            }
            this.sessions = Database.sessions(gate, databaseId);
            if (gate.isOpen()) {
                LOG.info("Store ready on {} (SQL dialect {})", redact(config.url()),
                        sessions.getConfiguration().getDatabaseId());
                checkChains();
            } else {
                retries.schedule(this::retryStart, retrySeconds, TimeUnit.SECONDS);
            }
        } catch (RuntimeException e) {
            retries.shutdownNow();
            pool.close();
            if (h2Triggers != null) {
                h2Triggers.unregister();
            }
            throw e;
        }
    }

    /**
     * Migrates the schema (when configured) and proves the database answers.
     *
     * @return true when the store is ready, false when the database could not be reached
     * @throws RuntimeException when the database answered and refused (credentials, a broken migration)
     */
    private boolean prepare() {
        try {
            if (migrate) {
                Database.migrate(pool);
            } else {
                try (var connection = pool.getConnection()) {
                    connection.isValid(5);
                }
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            if (StartGate.unreachable(e)) {
                return false;
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The database did not answer: register the repositories all the same, refusing every call at once (the payment
     * guard answers GUARD_STATE_UNKNOWN instead of there being no guard), and keep trying in the background.
     */
    private String startWithoutDatabase(StoreConfiguration config) {
        String databaseId = config.databaseId().isBlank()
                ? Database.dialectOf(config.url()).orElseThrow(() -> new IllegalStateException("the database at "
                        + redact(config.url()) + " does not answer and its SQL dialect cannot be told from the URL: "
                        + "set databaseId to start without it"))
                : config.databaseId();
        LOG.error("Store: the database at {} does not answer; the repositories refuse every call until it does "
                + "(retrying every {} s)", redact(config.url()), retrySeconds);
        return databaseId;
    }

    private void retryStart() {
        boolean ready;
        try {
            ready = prepare();
        } catch (RuntimeException e) {
            LOG.error("Store: the database answers but cannot be prepared ({}); retrying every {} s", e.getMessage(),
                    retrySeconds);
            ready = false;
        }
        if (ready) {
            gate.open();
            checkChains();
            LOG.info("Store: the database answers again; store ready");
        } else if (!retries.isShutdown()) {
            retries.schedule(this::retryStart, retrySeconds, TimeUnit.SECONDS);
        }
    }

    /**
     * A chain head that disagrees with its chain's last row means audit rows were lost or removed: said once per
     * region, as an error; the node keeps serving, verification reports the chain broken (docs/security.md).
     */
    private void checkChains() {
        try {
            for (String broken : breaks.checkHeads(sessions)) {
                LOG.error("Audit trail: {}. Rows at the end of the chain are missing or altered; verification "
                        + "reports the chain broken until an auditor records the break (docs/security.md)", broken);
            }
        } catch (RuntimeException e) {
            LOG.warn("Audit trail: the chain heads could not be checked at start: {}", e.toString());
        }
    }

    /** @return the sessions the repositories work in */
    UnitAwareSessions sessions() {
        return sessions;
    }

    /** @return the audit chains' problems as found at start and by verifications */
    ChainBreaks breaks() {
        return breaks;
    }

    @Deactivate
    void deactivate() {
        retries.shutdownNow();
        pool.close();
        if (h2Triggers != null) {
            h2Triggers.unregister();
        }
        LOG.info("Store closed");
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
