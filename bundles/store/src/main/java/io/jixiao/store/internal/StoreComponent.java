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
import org.apache.ibatis.session.SqlSessionFactory;
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
 * and registers the repositories. Nothing is registered unless all of that succeeded.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>="
        + "\"io.jixiao.store.HoldRepository,io.jixiao.store.DecisionRepository,io.jixiao.store.AuditTrail,"
        + "io.jixiao.store.IdempotencyRepository,io.jixiao.store.GoalRepository\"",
        uses = {HoldRepository.class, DecisionRepository.class, AuditTrail.class, IdempotencyRepository.class,
            GoalRepository.class})
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.jixiao.store.LibraryRepository\"",
        uses = LibraryRepository.class)
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"io.jixiao.store.MonitoringRepository\"",
        uses = MonitoringRepository.class)
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.jixiao.api.service.AuditService\"",
        uses = AuditService.class)
@Component(configurationPid = StoreComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
@Designate(ocd = StoreConfiguration.class)
public final class StoreComponent {
    static final String PID = "io.jixiao.store";
    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);

    private final HikariDataSource pool;
    private final H2Triggers h2Triggers;
    private final ServiceRegistration<?> registration;
    private final ServiceRegistration<AuditService> auditRegistration;
    private final ServiceRegistration<LibraryRepository> libraryRegistration;
    private final ServiceRegistration<MonitoringRepository> monitoringRegistration;
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jixiao-store-housekeeping");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public StoreComponent(BundleContext context, StoreConfiguration config, 
            @Reference(name = "dataSourceFactory") DataSourceFactory driver) throws SQLException {
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, config.url());
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
        this.pool = new HikariDataSource(hikari);
        try {
            if (config.migrate()) {
                Database.migrate(pool);
            }
            SqlSessionFactory sessions = Database.sessions(pool, config.databaseId());
            String databaseId = sessions.getConfiguration().getDatabaseId();
            Hashtable<String, Object> serviceProps = new Hashtable<>();
            serviceProps.put("jixiao.database.id", databaseId);
            LOG.info("Store ready on {} (SQL dialect {})", redact(config.url()), databaseId);
            MyBatisStore store = new MyBatisStore(sessions);
            this.registration = context.registerService(new String[] {HoldRepository.class.getName(),
                DecisionRepository.class.getName(), AuditTrail.class.getName(), IdempotencyRepository.class.getName(),
                GoalRepository.class.getName()},
                store, serviceProps);
            this.libraryRegistration = context.registerService(LibraryRepository.class,
                    new MyBatisLibrary(sessions, store), serviceProps);
            this.monitoringRegistration = context.registerService(MonitoringRepository.class,
                    new MyBatisMonitoring(sessions, store), serviceProps);
            this.housekeeping.scheduleWithFixedDelay(() -> purgeExpiredKeys(store), 1, 10, TimeUnit.MINUTES);
            this.auditRegistration = context.registerService(AuditService.class, new AuditServiceImpl(store), null);
        } catch (RuntimeException e) {
            housekeeping.shutdownNow();
            pool.close();
            if (h2Triggers != null) {
                h2Triggers.unregister();
            }
            throw e;
        }
    }

    @Deactivate
    void deactivate() {
        housekeeping.shutdownNow();
        auditRegistration.unregister();
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
