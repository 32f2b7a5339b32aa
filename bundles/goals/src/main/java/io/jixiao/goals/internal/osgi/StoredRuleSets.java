package io.jixiao.goals.internal.osgi;

import io.jixiao.api.call.StoreUnavailable;
import io.jixiao.goals.internal.Goals;
import io.jixiao.store.GoalRepository;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the goal rules in step with the rule sets written through the API, which the store has and every node reads
 * at start and every 30 seconds (those in Config Admin are {@link ConfiguredRuleSet}s).
 */
@Component(service = {}, immediate = true)
public final class StoredRuleSets {
    private static final Logger LOG = LoggerFactory.getLogger(StoredRuleSets.class);

    private final Goals goals;
    private final ScheduledExecutorService refresh = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "jixiao-goal-rules"));

    @Activate
    public StoredRuleSets(@Reference Goals goals, @Reference GoalRepository repository) {
        this.goals = goals;
        // rule sets written through the API (here or on another node) are in the store: take them now and follow
        refresh.scheduleWithFixedDelay(() -> loadStored(repository), 0, 30, TimeUnit.SECONDS);
    }

    private void loadStored(GoalRepository repository) {
        try {
            if (goals.loadStored(repository.ruleSets())) {
                LOG.info("Goal rule sets written through the API loaded from the store");
            }
        } catch (RuntimeException e) {
            LOG.warn("Goal rule sets in the store could not be loaded; the rules in force are unchanged: {}",
                    StoreUnavailable.describe(e));
        }
    }

    @Deactivate
    void deactivate() {
        refresh.shutdownNow();
    }
}
