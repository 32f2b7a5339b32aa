package io.jixiao.soap.internal;

import io.jixiao.api.evaluation.EvaluationService;
import io.jixiao.runtime.PublishedEndpoint;
import io.jixiao.security.Authenticator;
import io.jixiao.security.RateLimiter;
import io.jixiao.soap.internal.evaluation.JixiaoFaultMessage;
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

/** Publishes the evaluation SOAP service once the evaluation service is offered. */
@Component(configurationPid = SoapPublisher.PID, immediate = true, service = {})
public final class EvaluationSoapPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationSoapPublisher.class);

    private final Server server;
    private final ServiceRegistration<PublishedEndpoint> registration;

    @Activate
    public EvaluationSoapPublisher(BundleContext context, SoapConfiguration config,
            @Reference EvaluationService evaluations,
            @Reference io.jixiao.api.evaluation.ComprehensiveEvaluationService comprehensive,
            @Reference Authenticator authenticator,
            @Reference RateLimiter limiter,
            @Reference io.jixiao.security.ClientAdmission clients, @Reference IdempotencyRepository idempotencyKeys) {
        RequestIds requestIds = RequestIds.of(idempotencyKeys, config);
        String address = config.evaluation_address();
        this.server = SoapPublisher.publish(config, authenticator, limiter, clients, idempotencyKeys, new EvaluationEndpoint(evaluations,
                comprehensive, requestIds), EvaluationEndpoint.WSDL, address, new QName(EvaluationEndpoint.NAMESPACE,
                "EvaluationService"), new QName(EvaluationEndpoint.NAMESPACE, "EvaluationPort"),
                JixiaoFaultMessage.class);
        this.registration = SoapPublisher.probed(address, EvaluationEndpoint.NAMESPACE, "GetEvaluationTask", "<x:TASK_ID>1</x:TASK_ID>",
                List.of(address + "?wsdl"))
                .register(context, "soap");
        LOG.info("SOAP evaluation service published at {}", address);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        server.destroy();
    }
}
