package io.jixiao.soap.internal;

import io.jixiao.api.hook.PaymentGuard;
import io.jixiao.api.service.HoldService;
import io.jixiao.runtime.PublishedEndpoint;
import io.jixiao.security.Authenticator;
import io.jixiao.security.RateLimiter;
import io.jixiao.api.call.IdempotencyRepository;
import java.time.Clock;
import java.time.Duration;
import java.net.URL;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.validation.Schema;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.service.model.ServiceInfo;
import org.apache.cxf.ws.addressing.EndpointReferenceUtils;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the SOAP services on the CXF servlet, serving the contract WSDL unchanged.
 */
@Component(configurationPid = SoapPublisher.PID, immediate = true, service = {})
@Designate(ocd = SoapConfiguration.class)
public final class SoapPublisher {
    static final String PID = "io.jixiao.soap";
    static final String NAMESPACE = "http://jixiao.io/ws/payment-guard/v1";
    private static final Logger LOG = LoggerFactory.getLogger(SoapPublisher.class);

    private final Server server;
    private final ServiceRegistration<PublishedEndpoint> registration;

    @Activate
    public SoapPublisher(BundleContext context, SoapConfiguration config, @Reference PaymentGuard guard,
            @Reference HoldService holds, @Reference Authenticator authenticator, @Reference RateLimiter limiter,
            @Reference io.jixiao.security.ClientAdmission clients,
            @Reference IdempotencyRepository idempotencyKeys, @Reference io.jixiao.api.service.PaymentGuardAdmin admin) {
        RequestIds requestIds = RequestIds.of(idempotencyKeys, config);
        this.server = publish(config, authenticator, limiter, clients, idempotencyKeys, new PaymentGuardEndpoint(guard, holds, admin,
                requestIds),
                PaymentGuardEndpoint.WSDL, config.address(), new QName(NAMESPACE, "PaymentGuardService"),
                new QName(NAMESPACE, "PaymentGuardPort"),
                io.jixiao.soap.internal.generated.JixiaoFaultMessage.class);
        String address = config.address();
        this.registration = probed(address, NAMESPACE, "GetHold", "<x:HOLD_ID>1</x:HOLD_ID>",
                List.of(address + "?wsdl", "/soap"))
                .register(context, "soap");
        LOG.info("SOAP service published at {}", address);
    }

    /**
     * Publishes one WSDL-first service with what every Jixiao SOAP service has: a call an earlier request left on
     * the thread rolled back, admission by client address, the contract served unchanged, schema validation, the
     * document limits, UsernameToken authentication with rate limits, and typed faults answered as client faults.
     */
    static Server publish(SoapConfiguration config, Authenticator authenticator, RateLimiter limiter,
            io.jixiao.security.ClientAdmission clients, IdempotencyRepository calls, Object implementation, String wsdlResource, String address,
            QName service, QName port,
            Class<? extends Exception> typedFault) {
        return publish(config, authenticator, limiter, clients, calls, implementation, wsdlResource, address, service, port,
                typedFault, config.maxDocumentCharacters(), null);
    }

    /**
     * @param maxDocumentCharacters the characters one request may have
     * @param maxTextLength the characters one element's text may have, or {@code null} for the runtime's limit
     */
    static Server publish(SoapConfiguration config, Authenticator authenticator, RateLimiter limiter,
            io.jixiao.security.ClientAdmission clients, IdempotencyRepository calls, Object implementation, String wsdlResource, String address,
            QName service, QName port,
            Class<? extends Exception> typedFault, long maxDocumentCharacters, Integer maxTextLength) {
        URL wsdl = SoapPublisher.class.getClassLoader().getResource(wsdlResource);
        if (wsdl == null) {
            throw new IllegalStateException("missing " + wsdlResource);
        }
        return PublishedEndpoint.withContextClassLoader(SoapPublisher.class.getClassLoader(), () -> {
            JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
            factory.setBus(BusFactory.getDefaultBus(true));
            factory.setServiceBean(implementation);
            factory.setAddress(address);
            factory.setWsdlURL(wsdl.toString());
            factory.setServiceName(service);
            factory.setEndpointName(port);
            Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                    "schema-validation-enabled", config.schemaValidation(),
                    // no attachments in these contracts: refuse multipart beyond the envelope (CXF advisory)
                    "attachment-max-count", 1,
                    // the StAX limits of platform/runtime.bnd apply; these bound the endpoint more tightly
                    "org.apache.cxf.stax.maxXMLCharacters", maxDocumentCharacters,
                    "org.apache.cxf.stax.maxElementCount", config.maxElementCount()));
            if (maxTextLength != null) {
                properties.put("org.apache.cxf.stax.maxTextLength", maxTextLength);
            }
            leavePolicyToJixiao(properties);
            properties.put(org.apache.cxf.logging.FaultListener.class.getName(),
                    new AdmissionInterceptors.QuietConnectionFaults());
            factory.setProperties(properties);
            factory.getInInterceptors().add(new StaleCallInterceptor(calls));
            factory.getInInterceptors().add(new AdmissionInterceptors.Admit(clients));
            factory.getOutInterceptors().add(new AdmissionInterceptors.Release());
            factory.getOutFaultInterceptors().add(new AdmissionInterceptors.Release());
            factory.getOutInterceptors().add(new ClientGoneInterceptor(clients));
            factory.getOutFaultInterceptors().add(new ClientGoneInterceptor(clients));
            factory.getInInterceptors().add(new UsernameTokenInterceptor(authenticator, limiter,
                    Duration.ofSeconds(config.usernameToken_freshnessSeconds()), Clock.systemUTC()));
            factory.getInInterceptors().add(new FaultInterceptors.RequestRequired());
            factory.getOutFaultInterceptors().add(new FaultInterceptors.TypedFaultsAreClientFaults(typedFault));
            factory.getOutFaultInterceptors().add(new FaultInterceptors.ClientFaultDetail());
            Server server = factory.create();
            String validation = String.valueOf(config.schemaValidation());
            if (!"NONE".equalsIgnoreCase(validation) && !"false".equalsIgnoreCase(validation)) {
                reuseValidators(server, factory.getBus());
            }
            return server;
        });
    }

    /**
     * The endpoint as the runtime probes it before reporting ready: its WSDL is served, and a real operation sent
     * without a UsernameToken answers the documented {@code wsse:FailedAuthentication} fault.
     *
     * @param operation an operation of the service, e.g. {@code GetHold}
     * @param content its request element's valid content, elements prefixed {@code x:}
     */
    static PublishedEndpoint probed(String address, String namespace, String operation, String content,
            List<String> announced) {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:x=\""
                + namespace + "\"><soapenv:Body><x:" + operation + "Request>" + content + "</x:" + operation
                + "Request></soapenv:Body></soapenv:Envelope>";
        return new PublishedEndpoint(address, announced, List.of(
                PublishedEndpoint.Probe.get(address + "?wsdl", "definitions", "the WSDL"),
                new PublishedEndpoint.Probe("POST", address, "text/xml; charset=utf-8", envelope, 500,
                        "FailedAuthentication", operation + " without a UsernameToken")));
    }

    /**
     * The WSDLs declare the UsernameToken as WS-SecurityPolicy for clients; {@link UsernameTokenInterceptor} enforces
     * it. CXF's policy engine, where a container has it, must not: without WSS4J it warns of an unknown assertion and
     * refuses every call, and with WSS4J it would demand a callback handler of its own. An empty policy overrides the
     * WSDL's. Jixiao's own runtime deploys no policy engine (the import is optional): then nothing reads the policies.
     */
    private static void leavePolicyToJixiao(Map<String, Object> properties) {
        try {
            properties.put(org.apache.cxf.ws.policy.PolicyConstants.POLICY_OVERRIDE, new org.apache.neethi.Policy());
        } catch (NoClassDefFoundError absent) {
            // no WS-Policy engine in this container
        }
    }

    /**
     * Gives the endpoint's compiled schema (CXF keeps it on the service) validators that are reused from one request
     * to the next instead of built for each: the same schema, the same verdicts, without a validator's construction
     * per call (see {@link ReusedValidators}).
     */
    private static void reuseValidators(Server server, Bus bus) {
        for (ServiceInfo service : server.getEndpoint().getService().getServiceInfos()) {
            Schema schema = EndpointReferenceUtils.getSchema(service, bus);
            if (schema != null && !(schema instanceof ReusedValidators)) {
                service.setProperty(Schema.class.getName(),
                        new ReusedValidators(schema, 2 * Runtime.getRuntime().availableProcessors() + 8));
            }
        }
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        server.destroy();
    }
}
