package io.jixiao.soap.internal;

import io.jixiao.api.library.IndicatorLibraryService;
import io.jixiao.security.RateLimiter;
import io.jixiao.runtime.PublishedEndpoint;
import io.jixiao.security.Authenticator;
import io.jixiao.soap.internal.library.JixiaoFaultMessage;
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
 * Publishes the indicator library's SOAP service once the library is offered. Its requests may carry a file of
 * up to 8 MB in base64, so this endpoint alone takes larger documents and element texts.
 */
@Component(configurationPid = SoapPublisher.PID, immediate = true, service = {})
public final class LibrarySoapPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(LibrarySoapPublisher.class);

    private final Server server;
    private final ServiceRegistration<PublishedEndpoint> registration;

    @Activate
    public LibrarySoapPublisher(BundleContext context, SoapConfiguration config,
            @Reference IndicatorLibraryService library, @Reference io.jixiao.api.library.GoalFormService forms,
            @Reference Authenticator authenticator,
            @Reference RateLimiter limiter,
            @Reference io.jixiao.security.ClientAdmission clients, @Reference IdempotencyRepository idempotencyKeys) {
        RequestIds requestIds = RequestIds.of(idempotencyKeys, config);
        String address = config.library_address();
        this.server = SoapPublisher.publish(config, authenticator, limiter, clients, idempotencyKeys, new LibraryEndpoint(library, forms, requestIds),
                LibraryEndpoint.WSDL, address, new QName(LibraryEndpoint.NAMESPACE, "LibraryService"),
                new QName(LibraryEndpoint.NAMESPACE, "LibraryPort"), JixiaoFaultMessage.class,
                LibraryEndpoint.MAX_DOCUMENT_CHARACTERS, LibraryEndpoint.MAX_DOCUMENT_CHARACTERS);
        this.registration = SoapPublisher.probed(address, LibraryEndpoint.NAMESPACE, "GetLibraryImport", "<x:JOB_ID>1</x:JOB_ID>",
                List.of(address + "?wsdl"))
                .register(context, "soap");
        LOG.info("SOAP library service published at {}", address);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        server.destroy();
    }
}
