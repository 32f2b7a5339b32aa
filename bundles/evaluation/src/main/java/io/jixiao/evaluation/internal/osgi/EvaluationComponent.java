package io.jixiao.evaluation.internal.osgi;

import io.jixiao.api.evaluation.EvaluationService;
import io.jixiao.api.goal.GoalRuleService;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.Role;
import io.jixiao.api.port.AllocationPort;
import io.jixiao.api.port.LedgerPort;
import io.jixiao.evaluation.internal.Evaluations;
import io.jixiao.store.EvaluationRepository;
import io.jixiao.store.GoalRepository;
import java.time.Clock;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Publishes the evaluation service. The ledger and allocation ports are optional and dynamic, as for monitoring:
 * the host (or the host-client bundle) may register them after Jixiao starts; a call that needs one that is not
 * there fails with a clear message (503 over REST).
 */
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"io.jixiao.api.evaluation.EvaluationService\"",
        uses = EvaluationService.class)
@Component(immediate = true, service = {})
public final class EvaluationComponent {
    private static final Actor RULES_READER = Actor.of("jixiao", "evaluation", Role.FINANCE);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LedgerPort ledger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AllocationPort allocation;

    private final ServiceRegistration<EvaluationService> registration;

    @Activate
    public EvaluationComponent(BundleContext context, @Reference EvaluationRepository repository,
            @Reference GoalRepository goals, @Reference GoalRuleService ruleService) {
        Evaluations evaluations = new Evaluations(repository, goals,
                (region, year) -> ruleService.rules(region, year, RULES_READER), () -> ledger, () -> allocation,
                Clock.systemUTC());
        this.registration = context.registerService(EvaluationService.class, evaluations, null);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
