package io.jixiao.goals.internal.osgi;

import io.jixiao.goals.internal.RuleSetHolder;
import java.util.Map;
import org.osgi.framework.Constants;
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
 * One rule-set configuration in force: a component per configuration of factory PID
 * {@value GoalsComponent#RULES_PID}. A changed, added or removed rule set takes effect at once, without a restart. A
 * rule set that does not parse is refused in one ERROR line naming every bad key, and the rules in force stay as they
 * were (the component stays, so that a corrected file takes effect when it is saved).
 */
@Component(configurationPid = GoalsComponent.RULES_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {})
@Designate(ocd = RuleSetConfiguration.class, factory = true)
public final class RuleSetComponent {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetComponent.class);

    private final RuleSetHolder ruleSets;
    private final String pid;
    private boolean inForce;

    @Activate
    public RuleSetComponent(@Reference RuleSetHolder ruleSets, Map<String, Object> properties) {
        this.ruleSets = ruleSets;
        this.pid = String.valueOf(properties.get(Constants.SERVICE_PID));
        put(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        put(properties);
    }

    @Deactivate
    void deactivate() {
        if (!inForce) {
            return;
        }
        try {
            ruleSets.removeRuleSet(pid);
            LOG.info("Goal rule set {} removed", pid);
        } catch (IllegalArgumentException e) {
            LOG.error("Goal rule set {} cannot be removed, the rules in force are unchanged: {}", pid, e.getMessage());
        }
    }

    private synchronized void put(Map<String, Object> properties) {
        try {
            String label = ruleSets.putRuleSet(pid, properties);
            inForce = true;
            LOG.info("Goal rule set {} in force", label);
        } catch (IllegalArgumentException e) {
            LOG.error("Goal rule set {} refused, the rules in force are unchanged: {}", pid, e.getMessage());
        }
    }
}
