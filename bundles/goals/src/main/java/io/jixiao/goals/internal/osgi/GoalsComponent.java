package io.jixiao.goals.internal.osgi;

import io.jixiao.api.goal.GoalRuleService;
import io.jixiao.api.goal.GoalService;
import io.jixiao.api.hook.CompilationGate;
import io.jixiao.api.hook.ProjectAdmission;
import io.jixiao.api.service.RegionHierarchy;
import io.jixiao.goals.internal.Goals;
import io.jixiao.store.GoalRepository;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.cm.ManagedServiceFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the goal workflow, the admission gate and the compilation gate with the store and the region hierarchy, and keeps the rule
 * book in step with the rule sets in Config Admin (factory PID {@value #RULES_PID}): a changed, added or removed
 * rule set takes effect at once, without a restart; a rule set that does not parse is refused (logged, and the
 * rules in force stay as they were).
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.jixiao.api.goal.GoalService\"",
        uses = GoalService.class)
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.jixiao.api.goal.GoalRuleService\"",
        uses = GoalRuleService.class)
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.jixiao.api.hook.ProjectAdmission\"",
        uses = ProjectAdmission.class)
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.jixiao.api.hook.CompilationGate\"",
        uses = CompilationGate.class)
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"io.jixiao.api.library.GoalFormService\"",
        uses = io.jixiao.api.library.GoalFormService.class)
@Component(immediate = true, service = {})
public final class GoalsComponent {
    /** Factory PID of the rule sets. */
    public static final String RULES_PID = "io.jixiao.goals.rules";
    private static final Logger LOG = LoggerFactory.getLogger(GoalsComponent.class);

    private final Goals goals;
    private final ServiceRegistration<ManagedServiceFactory> rules;
    private final ServiceRegistration<GoalService> workflow;
    private final ServiceRegistration<ProjectAdmission> admission;
    private final ServiceRegistration<CompilationGate> compilation;
    private final ServiceRegistration<GoalRuleService> ruleService;
    private final ServiceRegistration<io.jixiao.api.library.GoalFormService> forms;
    private final ScheduledExecutorService refresh = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "jixiao-goal-rules"));

    @Activate
    public GoalsComponent(BundleContext context, @Reference GoalRepository repository,
            @Reference io.jixiao.store.LibraryRepository library,
            @Reference RegionHierarchy regions, @Reference io.jixiao.store.EvaluationRepository evaluations) {
        this.goals = new Goals(repository, library, regions::parent, evaluations);
        // rule sets written through the API (here or on another node) are in the store: take them now and follow
        refresh.scheduleWithFixedDelay(() -> loadStored(repository), 0, 30, TimeUnit.SECONDS);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_PID, RULES_PID);
        this.rules = context.registerService(ManagedServiceFactory.class, new RuleSetConfigurations(), props);
        this.workflow = context.registerService(GoalService.class, goals.workflow(), null);
        this.admission = context.registerService(ProjectAdmission.class, goals.admission(), null);
        this.compilation = context.registerService(CompilationGate.class, goals.compilation(), null);
        this.ruleService = context.registerService(GoalRuleService.class, goals.rules(), null);
        this.forms = context.registerService(io.jixiao.api.library.GoalFormService.class, goals.forms(), null);
    }

    private void loadStored(GoalRepository repository) {
        try {
            if (goals.loadStored(repository.ruleSets())) {
                LOG.info("Goal rule sets written through the API loaded from the store");
            }
        } catch (RuntimeException e) {
            LOG.warn("Goal rule sets in the store could not be loaded; the rules in force are unchanged: {}",
                    io.jixiao.store.StoreUnavailable.describe(e));
        }
    }

    @Deactivate
    void deactivate() {
        refresh.shutdownNow();
        forms.unregister();
        ruleService.unregister();
        compilation.unregister();
        admission.unregister();
        workflow.unregister();
        rules.unregister();
    }

    /** Receives each rule-set configuration. */
    private final class RuleSetConfigurations implements ManagedServiceFactory {
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
}
