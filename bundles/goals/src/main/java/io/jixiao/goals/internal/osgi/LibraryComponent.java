package io.jixiao.goals.internal.osgi;

import io.jixiao.api.library.IndicatorLibraryService;
import io.jixiao.goals.internal.LibraryService;
import io.jixiao.sheets.SheetLimits;
import io.jixiao.store.LibraryRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the indicator library. Imports run one at a time on this node, on their own thread; their heartbeat is
 * renewed every third of the import lease, and every half lease imports that a stopped node left are marked FAILED.
 */
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"io.jixiao.api.library.IndicatorLibraryService\"",
        uses = IndicatorLibraryService.class)
@Component(immediate = true, service = {}, configurationPid = LibraryComponent.PID)
@Designate(ocd = LibraryConfiguration.class)
public final class LibraryComponent {
    static final String PID = "io.jixiao.library";
    private static final Logger LOG = LoggerFactory.getLogger(LibraryComponent.class);

    private final ExecutorService imports = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jixiao-library-import");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService sweep = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jixiao-library-sweep");
        t.setDaemon(true);
        return t;
    });
    private final ServiceRegistration<IndicatorLibraryService> registration;

    @Activate
    public LibraryComponent(BundleContext context, LibraryConfiguration config,
            @Reference LibraryRepository repository) {
        long leaseMillis = Math.max(1, config.importLeaseSeconds()) * 1000;
        LibraryService library = new LibraryService(repository, imports, Clock.systemUTC(), SheetLimits.DEFAULT,
                Duration.ofMillis(leaseMillis));
        sweep.scheduleWithFixedDelay(() -> {
            try {
                library.heartbeat();
            } catch (RuntimeException e) {
                LOG.warn("Renewing the heartbeat of this node's library imports failed; will retry: {}", e.toString());
            }
        }, leaseMillis / 3, leaseMillis / 3, TimeUnit.MILLISECONDS);
        sweep.scheduleWithFixedDelay(() -> {
            try {
                library.failAbandoned();
            } catch (RuntimeException e) {
                LOG.warn("Marking abandoned library imports failed; will retry: {}",
                        io.jixiao.store.StoreUnavailable.describe(e));
            }
        }, 0, leaseMillis / 2, TimeUnit.MILLISECONDS);
        registration = context.registerService(IndicatorLibraryService.class, library, null);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        sweep.shutdownNow();
        imports.shutdownNow();
    }
}
