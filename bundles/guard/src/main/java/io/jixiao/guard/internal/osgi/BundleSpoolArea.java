package io.jixiao.guard.internal.osgi;

import io.jixiao.guard.internal.GuardConfiguration;
import io.jixiao.guard.internal.SpoolArea;
import java.io.File;
import java.nio.file.Path;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** The spool's place: {@code journal.directory} when set, else the guard bundle's data area in the framework. */
@Component(service = SpoolArea.class, configurationPid = GuardConfiguration.PID)
public final class BundleSpoolArea implements SpoolArea {
    private final Path directory;

    @Activate
    public BundleSpoolArea(BundleContext context, GuardConfiguration config) {
        String configured = config.journal_directory().strip();
        if (!configured.isEmpty()) {
            this.directory = Path.of(configured);
            return;
        }
        File dataArea = context.getDataFile("decision-spool");
        if (dataArea == null) {
            throw new IllegalStateException("the framework gives this bundle no data area; set journal.directory of "
                    + GuardConfiguration.PID + " to a directory on a persistent local disk");
        }
        this.directory = dataArea.toPath();
    }

    @Override
    public Path directory() {
        return directory;
    }
}
