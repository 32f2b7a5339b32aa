package io.jixiao.goals.internal.osgi;

import io.jixiao.goals.internal.Goals;
import io.jixiao.store.GoalRepository;
import io.jixiao.api.call.StoreUnavailable;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.cm.ManagedServiceFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the goal rules in step with their two sources: the rule sets in Config Admin (factory PID
 * {@value #RULES_PID}; a changed, added or removed rule set takes effect at once, without a restart, and one that
 * does not parse is refused, logged, with the rules in force unchanged) and those written through the API, which
 * the store has and every node reads at start and every 30 seconds.
 */
@Component(service = ManagedServiceFactory.class, immediate = true,
        property = Constants.SERVICE_PID + "=" + RuleSetConfigurations.RULES_PID)
public final class RuleSetConfigurations implements ManagedServiceFactory {
    /** Factory PID of the rule sets. */
    public static final String RULES_PID = "io.jixiao.goals.rules";
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetConfigurations.class);

    private final Goals goals;
    private final ScheduledExecutorService refresh = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "jixiao-goal-rules"));

    @Activate
    public RuleSetConfigurations(@Reference Goals goals, @Reference GoalRepository repository) {
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

    @Override
    public String getName() {
        return "Jixiao goal rule sets";
    }

    @Override
    public void updated(String pid, Dictionary<String, ?> properties) throws ConfigurationException {
        Map<String, Object> values = new HashMap<>();
        for (var keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            values.put(key, properties.get(key));
        }
        try {
            String label = goals.putRuleSet(pid, values);
            LOG.info("Goal rule set {} in force", label);
        } catch (IllegalArgumentException e) {
            LOG.error("Goal rule set {} refused, the rules in force are unchanged: {}", pid, e.getMessage());
            throw new ConfigurationException(null, e.getMessage(), e);
        }
    }

    @Override
    public void deleted(String pid) {
        try {
            goals.removeRuleSet(pid);
            LOG.info("Goal rule set {} removed", pid);
        } catch (IllegalArgumentException e) {
            LOG.error("Goal rule set {} cannot be removed, the rules in force are unchanged: {}", pid,
                    e.getMessage());
        }
    }
}
