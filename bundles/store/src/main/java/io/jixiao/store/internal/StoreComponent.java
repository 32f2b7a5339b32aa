package io.jixiao.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.api.service.AuditService;
import io.jixiao.store.AuditTrail;
import io.jixiao.store.DecisionRepository;
import io.jixiao.store.GoalRepository;
import io.jixiao.store.HoldRepository;
import io.jixiao.store.IdempotencyRepository;
import io.jixiao.store.LibraryRepository;
import io.jixiao.store.MonitoringRepository;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.sql.SQLException;
import java.util.Hashtable;
import java.util.Properties;
import javax.sql.DataSource;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
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
 * Opens the configured database through its driver's {@link DataSourceFactory}, pools it, migrates the schema
 * and registers the repositories. A database that does not answer at start does not stop the store: the
 * repositories are registered and refuse every call until the database answers and the schema is migrated
 * ({@link StartGate}). A database that answers and refuses (credentials, a failing migration) does.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>="
        + "\"io.jixiao.store.HoldRepository,io.jixiao.store.BypassRepository,io.jixiao.store.DecisionRepository,"
        + "io.jixiao.store.AuditTrail,io.jixiao.store.IdempotencyRepository,io.jixiao.store.GoalRepository\"",
        uses = {HoldRepository.class, io.jixiao.store.BypassRepository.class, DecisionRepository.class,
            AuditTrail.class, IdempotencyRepository.class, GoalRepository.class})
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.jixiao.store.LibraryRepository\"",
        uses = LibraryRepository.class)
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"io.jixiao.store.MonitoringRepository\"",
        uses = MonitoringRepository.class)
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"io.jixiao.store.EvaluationRepository\"",
        uses = io.jixiao.store.EvaluationRepository.class)
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"io.jixiao.store.RegionEvaluationRepository\"",
        uses = io.jixiao.store.RegionEvaluationRepository.class)
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.jixiao.api.service.AuditService\"",
        uses = AuditService.class)
@Component(configurationPid = StoreComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
@Designate(ocd = StoreConfiguration.class)
public final class StoreComponent {
    static final String PID = "io.jixiao.store";
    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);

    private final HikariDataSource pool;
    private final StartGate gate;
    private final long retrySeconds;
    private final boolean migrate;
    private final H2Triggers h2Triggers;
    private final ServiceRegistration<?> registration;
    private final ServiceRegistration<AuditService> auditRegistration;
    private final ServiceRegistration<LibraryRepository> libraryRegistration;
    private final ServiceRegistration<MonitoringRepository> monitoringRegistration;
    private final ServiceRegistration<io.jixiao.store.EvaluationRepository> evaluationRegistration;
    private final ServiceRegistration<io.jixiao.store.RegionEvaluationRepository> regionEvaluationRegistration;
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jixiao-store-housekeeping");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public StoreComponent(BundleContext context, StoreConfiguration config, 
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
            UnitAwareSessions sessions = Database.sessions(gate, databaseId);
            databaseId = sessions.getConfiguration().getDatabaseId();
            Hashtable<String, Object> serviceProps = new Hashtable<>();
            serviceProps.put("jixiao.database.id", databaseId);
            if (gate.isOpen()) {
                LOG.info("Store ready on {} (SQL dialect {})", redact(config.url()), databaseId);
            }
            MyBatisStore store = new MyBatisStore(sessions);
            if (gate.isOpen()) {
                checkChains(store);
            }
            this.registration = context.registerService(new String[] {HoldRepository.class.getName(),
                io.jixiao.store.BypassRepository.class.getName(), DecisionRepository.class.getName(),
                AuditTrail.class.getName(), IdempotencyRepository.class.getName(), GoalRepository.class.getName()},
                store, serviceProps);
            this.libraryRegistration = context.registerService(LibraryRepository.class,
                    new MyBatisLibrary(sessions, store), serviceProps);
            this.monitoringRegistration = context.registerService(MonitoringRepository.class,
                    new MyBatisMonitoring(sessions, store), serviceProps);
            this.evaluationRegistration = context.registerService(io.jixiao.store.EvaluationRepository.class,
                    new MyBatisEvaluation(sessions, store), serviceProps);
            this.regionEvaluationRegistration = context.registerService(
                    io.jixiao.store.RegionEvaluationRepository.class, new MyBatisRegionEvaluation(sessions, store),
                    serviceProps);
            this.housekeeping.scheduleWithFixedDelay(() -> purgeExpiredKeys(store), 1, 10, TimeUnit.MINUTES);
            this.auditRegistration = context.registerService(AuditService.class, new AuditServiceImpl(store), null);
            if (!gate.isOpen()) {
                housekeeping.schedule(() -> retryStart(store), retrySeconds, TimeUnit.SECONDS);
            }
        } catch (RuntimeException e) {
            housekeeping.shutdownNow();
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

    private void retryStart(MyBatisStore store) {
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
            checkChains(store);
            LOG.info("Store: the database answers again; store ready");
        } else if (!housekeeping.isShutdown()) {
            housekeeping.schedule(() -> retryStart(store), retrySeconds, TimeUnit.SECONDS);
        }
    }

    /**
     * A chain head that disagrees with its chain's last row means audit rows were lost or removed: said once per
     * region, as an error; the node keeps serving, verification reports the chain broken (docs/security.md).
     */
    private static void checkChains(MyBatisStore store) {
        try {
            for (String broken : store.chainHeadsThatDisagree()) {
                LOG.error("Audit trail: {}. Rows at the end of the chain are missing or altered; verification "
                        + "reports the chain broken until an auditor records the break (docs/security.md)", broken);
            }
        } catch (RuntimeException e) {
            LOG.warn("Audit trail: the chain heads could not be checked at start: {}", e.toString());
        }
    }

    @Deactivate
    void deactivate() {
        housekeeping.shutdownNow();
        auditRegistration.unregister();
        evaluationRegistration.unregister();
        regionEvaluationRegistration.unregister();
        monitoringRegistration.unregister();
        libraryRegistration.unregister();
        registration.unregister();
        pool.close();
        if (h2Triggers != null) {
            h2Triggers.unregister();
        }
        LOG.info("Store closed");
    }

    private static void purgeExpiredKeys(MyBatisStore store) {
        try {
            int purged = store.purgeExpired(Instant.now());
            if (purged > 0) {
                LOG.info("Purged {} expired idempotency keys", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging expired idempotency keys failed; will retry: {}", e.toString());
        }
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
