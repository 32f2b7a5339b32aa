package io.jixiao.goals.internal.osgi;

import io.jixiao.goals.internal.Goals;
import java.util.Map;
import org.osgi.framework.Constants;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rule set of Config Admin in force: a factory component per configuration of {@value #PID}. A rule set added,
 * changed or removed takes effect at once, without a restart; one that does not parse is refused and logged with
 * every bad key, and the rules in force stay as they were.
 */
@Component(configurationPid = ConfiguredRuleSet.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = RuleSetConfiguration.class, factory = true)
public final class ConfiguredRuleSet {
    /** Factory PID of the rule sets. */
    public static final String PID = "io.jixiao.goals.rules";
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredRuleSet.class);

    private final Goals goals;
    private final String pid;

    @Activate
    public ConfiguredRuleSet(@Reference Goals goals, RuleSetConfiguration config, Map<String, Object> properties) {
        this.goals = goals;
        this.pid = String.valueOf(properties.get(Constants.SERVICE_PID));
        put(config, properties);
    }

    @Modified
    void modified(RuleSetConfiguration config, Map<String, Object> properties) {
        put(config, properties);
    }

    private void put(RuleSetConfiguration config, Map<String, Object> properties) {
        try {
            String label = goals.putRuleSet(pid, config.region(), config.fromYear(), config.revision(), properties);
            LOG.info("Goal rule set {} in force", label);
        } catch (IllegalArgumentException e) {
            // a typed attribute that does not convert (fromYear = abc) fails here as well
            LOG.error("Goal rule set {} refused, the rules in force are unchanged: {}", pid, e.getMessage());
        }
    }

    @Deactivate
    void deactivate(int reason) {
        try {
            goals.removeRuleSet(pid);
            if (reason == ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED) {
                LOG.info("Goal rule set {} removed", pid);
            }
        } catch (IllegalArgumentException e) {
            LOG.error("Goal rule set {} cannot be removed, the rules in force are unchanged: {}", pid,
                    e.getMessage());
        }
    }
}
