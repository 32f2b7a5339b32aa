package io.jixiao.rest.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import io.jixiao.runtime.PublishedEndpoint;
import io.jixiao.security.Authenticator;
import io.jixiao.security.RateLimiter;
import io.jixiao.api.call.IdempotencyKeys;
import io.jixiao.api.call.IdempotencyRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the REST API on the CXF servlet: one address, one OpenAPI document, one chain of filters, in front of
 * the resources each feature publishes as a component of its own ({@link RestResource}). A resource answers while
 * its feature's service is there; without it, its paths answer 503 and every other feature answers as usual.
 */
@Component(configurationPid = RestPublisher.PID, immediate = true, service = {})
@Designate(ocd = RestConfiguration.class)
public final class RestPublisher {
    static final String PID = "io.jixiao.rest";
    private static final Logger LOG = LoggerFactory.getLogger(RestPublisher.class);
    /** Every resource class published; each of their operations must be in the OpenAPI document. */
    static final List<Class<?>> RESOURCES = List.of(PaymentGuardResource.class, HoldResource.class,
            AuditResource.class, GoalResource.class, AssessmentResource.class, ProjectGateResource.class,
            CompilationResource.class, CompilationResource.Adjustments.class, GoalRulesResource.class,
            LibraryResource.class, GoalFormResource.class, MonitoringResource.class, EvaluationResource.class,
            ComprehensiveEvaluationResource.class, RectificationResource.class, OpenApiResource.class);

    private final FeatureResources present = new FeatureResources();
    private final Server server;
    private final ServiceRegistration<PublishedEndpoint> registration;

    @Activate
    public RestPublisher(BundleContext context, RestConfiguration config,
            @Reference IdempotencyRepository idempotencyKeys, @Reference Authenticator authenticator,
            @Reference RateLimiter limiter, @Reference io.jixiao.security.ClientAdmission clients) {
        String missing = missingRuntimeDelegate();
        if (missing != null) {
            // every answer the API builds (a 401 first of all) needs it: publishing would answer 500 to everything
            LOG.error("The REST API is not published: {}. Set the framework property {}={} (platform/runtime.bnd "
                    + "does; docs/embedding.md)", missing, RUNTIME_DELEGATE, CXF_RUNTIME_DELEGATE);
            this.server = null;
            this.registration = null;
            return;
        }
        this.server = PublishedEndpoint.withContextClassLoader(RestPublisher.class.getClassLoader(), () -> {
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(BusFactory.getDefaultBus(true));
            factory.setAddress(config.address());
            factory.setResourceClasses(RESOURCES);
            for (Class<?> resource : RESOURCES) {
                factory.setResourceProvider(resource, resource == OpenApiResource.class
                        ? new SingletonResourceProvider(new OpenApiResource()) : present.provider(resource));
            }
            factory.setProviders(providers(config, new AdmissionFilter(clients), new AuthenticationFilter(authenticator),
                    limiter, idempotencyKeys));
            // the REST API reads no forms and no multipart; cap them anyway (advisories after CXF 3.6.10)
            factory.setProperties(Map.of("maxFormParameterCount", 100, "attachment-max-count", 1));
            return factory.create();
        });
        String address = config.address();
        String openApi = address + "/" + OpenApiResource.DOCUMENT;
        // ready when the contract is served and a real operation answers as documented: 401 without credentials
        this.registration = new PublishedEndpoint(address, List.of(openApi), List.of(
                PublishedEndpoint.Probe.get(openApi, "\"openapi\"", "the OpenAPI document"),
                new PublishedEndpoint.Probe("GET", address + "/holds/1", null, null, 401, "\"UNAUTHENTICATED\"",
                        "a hold, without credentials"))).register(context, "rest");
        LOG.info("REST API published at {}", address);
    }

    /** A feature's resource arrives (its bundle started, its service registered): it answers from now on. */
    @Reference(name = "resource", service = RestResource.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addResource(RestResource resource) {
        present.add(resource);
    }

    void removeResource(RestResource resource) {
        present.remove(resource);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            server.destroy();
        }
    }

    static final String RUNTIME_DELEGATE = "javax.ws.rs.ext.RuntimeDelegate";
    static final String CXF_RUNTIME_DELEGATE = "org.apache.cxf.jaxrs.impl.RuntimeDelegateImpl";

    /** @return why JAX-RS finds no usable {@code RuntimeDelegate}, or {@code null} when it finds CXF's */
    static String missingRuntimeDelegate() {
        try {
            javax.ws.rs.ext.RuntimeDelegate delegate = javax.ws.rs.ext.RuntimeDelegate.getInstance();
            delegate.createResponseBuilder(); // what every answer needs
            return null;
        } catch (RuntimeException | LinkageError e) {
            return RUNTIME_DELEGATE + " finds no implementation (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")";
        }
    }

    /**
     * The providers every published resource runs behind, in the order they apply: JSON, a call left on the thread
     * rolled back, admission by client
     * address, size limit, the caller's identity, request budgets, idempotency keys, answers with a length, problem
     * mappers.
     *
     * @param identity authenticates the caller (production: {@link AuthenticationFilter})
     */
    static List<Object> providers(RestConfiguration config, AdmissionFilter admission,
            javax.ws.rs.container.ContainerRequestFilter identity, RateLimiter limiter,
            IdempotencyRepository idempotencyKeys) {
        List<Object> providers = new ArrayList<>();
        ObjectMapper json = mapper(config);
        providers.add(new JacksonJsonProvider(json));
        providers.add(new StaleCallFilter(idempotencyKeys));
        providers.add(admission);
        providers.add(new CanonicalPath());
        providers.add(new RequestSizeLimit(config.maxRequestBytes(), config.maxUploadBytes()));
        providers.add(identity);
        providers.add(new RateLimitFilter(limiter));
        providers.add(new IdempotencyFilter(idempotencyKeys, json,
                Duration.ofHours(config.idempotency_retentionHours()),
                IdempotencyKeys.lease(config.idempotency_leaseSeconds())));
        providers.add(new ContentLength());
        providers.addAll(ProblemMappers.all());
        return providers;
    }

    static ObjectMapper mapper(RestConfiguration config) {
        JsonFactory json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(config.json_maxNestingDepth())
                        .maxStringLength(config.json_maxStringLength())
                        .maxNumberLength(40)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        JsonMapper mapper = JsonMapper.builder(json)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // strict JSON types: a number field takes a JSON number, a string field a JSON string
                // ("PAY_APP_NO": true is refused, not recorded as "true")
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        return mapper;
    }
}
