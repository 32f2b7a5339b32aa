package io.jixiao.runtime.internal;

import org.osgi.annotation.bundle.Header;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Process infrastructure that must exist before the components start, so it is an activator (started at an
 * early start level): routes java.util.logging (CXF, Liquibase) to SLF4J, and stops the framework on
 * Ctrl-C/SIGTERM so that components flush and close the database cleanly.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class ProcessLifecycle implements BundleActivator {
    static final long STOP_TIMEOUT_MILLIS = 30_000L;
    private Thread shutdownHook;

    @Override
    public void start(BundleContext context) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Bundle system = context.getBundle(0);
        if (system instanceof Framework framework) {
            shutdownHook = new Thread(() -> stop(framework), "jixiao-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    @Override
    public void stop(BundleContext context) {
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running: it is what stops us
            }
        }
        SLF4JBridgeHandler.uninstall();
    }

    private static void stop(Framework framework) {
        try {
            if ((framework.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
                System.out.println("Jixiao stopping ...");
                framework.stop();
                framework.waitForStop(STOP_TIMEOUT_MILLIS);
                System.out.println("Jixiao stopped.");
            }
        } catch (Exception e) {
            System.err.println("Jixiao did not stop cleanly: " + e);
        }
    }
}
