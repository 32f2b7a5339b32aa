package io.jixiao.soap.internal;

import io.jixiao.api.monitoring.MonitoringService;
import io.jixiao.runtime.PublishedEndpoint;
import io.jixiao.security.Authenticator;
import io.jixiao.security.RateLimiter;
import io.jixiao.soap.internal.monitoring.JixiaoFaultMessage;
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

/** Publishes the monitoring SOAP service once the monitoring service is offered. */
@Component(configurationPid = SoapPublisher.PID, immediate = true, service = {})
public final class MonitoringSoapPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(MonitoringSoapPublisher.class);

    private final Server server;
    private final ServiceRegistration<PublishedEndpoint> registration;

    @Activate
    public MonitoringSoapPublisher(BundleContext context, SoapConfiguration config,
            @Reference MonitoringService monitoring, @Reference Authenticator authenticator,
            @Reference RateLimiter limiter,
            @Reference io.jixiao.security.ClientAdmission clients, @Reference IdempotencyRepository idempotencyKeys) {
        RequestIds requestIds = RequestIds.of(idempotencyKeys, config);
        String address = config.monitoring_address();
        this.server = SoapPublisher.publish(config, authenticator, limiter, clients, idempotencyKeys, new MonitoringEndpoint(monitoring,
                requestIds), MonitoringEndpoint.WSDL, address, new QName(MonitoringEndpoint.NAMESPACE,
                "MonitoringService"), new QName(MonitoringEndpoint.NAMESPACE, "MonitoringPort"),
                JixiaoFaultMessage.class);
        this.registration = SoapPublisher.probed(address, MonitoringEndpoint.NAMESPACE, "GetMonitoringRound", "<x:ROUND_ID>1</x:ROUND_ID>",
                List.of(address + "?wsdl"))
                .register(context, "soap");
        LOG.info("SOAP monitoring service published at {}", address);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        server.destroy();
    }
}
