package io.jixiao.soap.internal;

import io.jixiao.api.rectification.RectificationService;
import io.jixiao.runtime.PublishedEndpoint;
import io.jixiao.security.Authenticator;
import io.jixiao.security.RateLimiter;
import io.jixiao.soap.internal.rectification.JixiaoFaultMessage;
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

/** Publishes the rectification SOAP service once the rectification service is offered. */
@Component(configurationPid = SoapPublisher.PID, immediate = true, service = {})
public final class RectificationSoapPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(RectificationSoapPublisher.class);

    private final Server server;
    private final ServiceRegistration<PublishedEndpoint> registration;

    @Activate
    public RectificationSoapPublisher(BundleContext context, SoapConfiguration config,
            @Reference RectificationService cases, @Reference Authenticator authenticator,
            @Reference RateLimiter limiter,
            @Reference io.jixiao.security.ClientAdmission clients, @Reference IdempotencyRepository idempotencyKeys) {
        RequestIds requestIds = RequestIds.of(idempotencyKeys, config);
        String address = config.rectification_address();
        this.server = SoapPublisher.publish(config, authenticator, limiter, clients, idempotencyKeys, new RectificationEndpoint(cases,
                requestIds), RectificationEndpoint.WSDL, address, new QName(RectificationEndpoint.NAMESPACE,
                "RectificationService"), new QName(RectificationEndpoint.NAMESPACE, "RectificationPort"),
                JixiaoFaultMessage.class);
        this.registration = SoapPublisher.probed(address, RectificationEndpoint.NAMESPACE, "GetRectificationCase", "<x:CASE_ID>1</x:CASE_ID>",
                List.of(address + "?wsdl"))
                .register(context, "soap");
        LOG.info("SOAP rectification service published at {}", address);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        server.destroy();
    }
}
