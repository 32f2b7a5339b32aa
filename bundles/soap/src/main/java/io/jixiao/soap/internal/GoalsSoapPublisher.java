package io.jixiao.soap.internal;

import io.jixiao.api.goal.GoalRuleService;
import io.jixiao.api.goal.GoalService;
import io.jixiao.api.hook.CompilationGate;
import io.jixiao.api.hook.ProjectAdmission;
import io.jixiao.runtime.PublishedEndpoint;
import io.jixiao.security.Authenticator;
import io.jixiao.security.RateLimiter;
import io.jixiao.soap.internal.goals.JixiaoFaultMessage;
import io.jixiao.api.call.IdempotencyRepository;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.cxf.endpoint.Server;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the goals service (goals, assessments, the admission, compilation and adjustment gates) once the
 * goals bundle offers its services; the payment-guard service does not wait for it.
 */
@Component(configurationPid = SoapPublisher.PID, immediate = true, service = {})
public final class GoalsSoapPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(GoalsSoapPublisher.class);

    private final Server server;
    private final ServiceRegistration<PublishedEndpoint> registration;

    @Activate
    public GoalsSoapPublisher(BundleContext context, SoapConfiguration config, @Reference GoalService goals,
            @Reference ProjectAdmission admission, @Reference CompilationGate compilation,
            @Reference GoalRuleService ruleService,
            @Reference Authenticator authenticator, @Reference RateLimiter limiter,
            @Reference io.jixiao.security.ClientAdmission clients,
            @Reference IdempotencyRepository idempotencyKeys) {
        RequestIds requestIds = RequestIds.of(idempotencyKeys, config);
        String address = config.goals_address();
        this.server = SoapPublisher.publish(config, authenticator, limiter, clients, idempotencyKeys,
                new GoalsEndpoint(goals, admission, compilation, ruleService, requestIds), GoalsEndpoint.WSDL, address,
                new QName(GoalsEndpoint.NAMESPACE, "GoalsService"), new QName(GoalsEndpoint.NAMESPACE, "GoalsPort"),
                JixiaoFaultMessage.class);
        this.registration = SoapPublisher.probed(address, GoalsEndpoint.NAMESPACE, "GetGoal", "<x:GOAL_ID>1</x:GOAL_ID><x:VERSION>1</x:VERSION>",
                List.of(address + "?wsdl"))
                .register(context, "soap");
        LOG.info("SOAP goals service published at {}", address);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        server.destroy();
    }
}
