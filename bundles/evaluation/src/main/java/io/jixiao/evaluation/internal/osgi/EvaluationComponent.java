package io.jixiao.evaluation.internal.osgi;

import io.jixiao.api.evaluation.ComprehensiveEvaluationService;
import io.jixiao.api.evaluation.EvaluationService;
import io.jixiao.api.goal.GoalRuleService;
import io.jixiao.api.model.Actor;
import io.jixiao.api.port.AllocationPort;
import io.jixiao.api.port.LedgerPort;
import io.jixiao.api.port.TransferPort;
import io.jixiao.api.service.RegionHierarchy;
import io.jixiao.evaluation.internal.Evaluations;
import io.jixiao.evaluation.internal.RegionEvaluations;
import io.jixiao.store.EvaluationRepository;
import io.jixiao.store.GoalRepository;
import io.jixiao.store.RegionEvaluationRepository;
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
 * Publishes the evaluation service and the comprehensive evaluation of lower governments. The ledger and allocation ports are optional and dynamic, as for monitoring:
 * the host (or the host-client bundle) may register them after Jixiao starts; a call that needs one that is not
 * there fails with a clear message (503 over REST).
 */
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"io.jixiao.api.evaluation.EvaluationService\"",
        uses = EvaluationService.class)
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"io.jixiao.api.evaluation.ComprehensiveEvaluationService\"",
        uses = ComprehensiveEvaluationService.class)
@Component(immediate = true, service = {})
public final class EvaluationComponent {
    private static final Actor RULES_READER = Actor.system("evaluation");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LedgerPort ledger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AllocationPort allocation;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TransferPort transfers;

    private final ServiceRegistration<EvaluationService> registration;
    private final ServiceRegistration<ComprehensiveEvaluationService> comprehensiveRegistration;

    @Activate
    public EvaluationComponent(BundleContext context, @Reference EvaluationRepository repository,
            @Reference GoalRepository goals, @Reference GoalRuleService ruleService,
            @Reference RegionEvaluationRepository regionRepository, @Reference RegionHierarchy regions) {
        Evaluations evaluations = new Evaluations(repository, goals,
                (region, year) -> ruleService.rules(region, year, RULES_READER), () -> ledger, () -> allocation,
                Clock.systemUTC());
        this.registration = context.registerService(EvaluationService.class, evaluations, null);
        this.comprehensiveRegistration = context.registerService(ComprehensiveEvaluationService.class,
                new RegionEvaluations(regionRepository, (region, year) -> ruleService.rules(region, year,
                        RULES_READER), regions::parent, () -> transfers, Clock.systemUTC()), null);
    }

    @Deactivate
    void deactivate() {
        comprehensiveRegistration.unregister();
        registration.unregister();
    }
}
