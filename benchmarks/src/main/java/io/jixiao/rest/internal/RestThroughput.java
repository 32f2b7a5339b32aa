package io.jixiao.rest.internal;

import io.jixiao.api.model.Role;
import io.jixiao.benchmarks.GuardFixture;
import io.jixiao.benchmarks.LoopbackLoad;
import io.jixiao.benchmarks.LoopbackLoad.Variant;
import io.jixiao.guard.internal.PaymentGuardEngine;
import io.jixiao.security.Principal;
import io.jixiao.security.internal.BenchmarkAuthenticator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.ws.rs.container.ContainerRequestFilter;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;

/**
 * End-to-end payment-check throughput of the REST adapter on loopback, with authentication on (HTTP Basic from
 * the verified-credential cache; a bearer JWT from the verified-token cache) and off (the caller asserted without a
 * credential), in one run on one server, against a bare CXF JAX-RS echo endpoint. Each variant is the production
 * resource, JSON mapper and guard over H2 with the PASS journal; only the authentication filter differs.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.jixiao.rest.internal.RestThroughput [threads] [seconds] [rounds]</pre>
 *
 * Client and server share the machine: the figures are a floor for the server alone.
 */
public final class RestThroughput {
    private static final int PORT = 18581;

    private RestThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        GuardFixture fixture = new GuardFixture("rest-bench");
        BenchmarkAuthenticator authenticator = new BenchmarkAuthenticator();
        Principal asserted = new Principal(BenchmarkAuthenticator.ACCOUNT, EnumSet.of(Role.HOST_SYSTEM),
                Set.of(Principal.ALL_REGIONS), Set.of());
        JAXRSServerFactoryBean echo = new JAXRSServerFactoryBean();
        echo.setAddress("http://127.0.0.1:" + PORT + "/echo");
        echo.setResourceClasses(EchoResource.class);
        echo.setResourceProvider(EchoResource.class, new SingletonResourceProvider(new EchoResource()));
        List<Server> servers = List.of(echo.create(),
                publish(fixture, "/binding", new BindingEcho(), request -> request.setSecurityContext(
                        new AuthenticationFilter.Caller(asserted, false))),
                publish(fixture, "/binding-basic", new BindingEcho(), new AuthenticationFilter(authenticator)),
                publish(fixture, "/on", fixture.guard, new AuthenticationFilter(authenticator)),
                publish(fixture, "/discarding", fixture.discardingPasses, new AuthenticationFilter(authenticator)),
                publish(fixture, "/off", fixture.guard, request -> request.setSecurityContext(
                        new AuthenticationFilter.Caller(asserted, false))));

        String basic = "Basic " + Base64.getEncoder().encodeToString((BenchmarkAuthenticator.ACCOUNT + ":"
                + BenchmarkAuthenticator.PASSWORD).getBytes(StandardCharsets.UTF_8));
        String bearer = "Bearer " + authenticator.token();
        new LoopbackLoad(threads, seconds, rounds).measure("REST POST /payment-guard/checks", List.of(
                new Variant("bare CXF echo (baseline)", checks("/echo", null)),
                new Variant("JSON binding only, no authentication", checks("/binding", null)),
                new Variant("JSON binding only, HTTP Basic", checks("/binding-basic", basic)),
                new Variant("authentication off", checks("/off", null)),
                new Variant("HTTP Basic (cached verification)", checks("/on", basic)),
                new Variant("HTTP Basic, PASS records discarded", checks("/discarding", basic)),
                new Variant("bearer JWT (verified-token cache)", checks("/on", bearer))));
        servers.forEach(Server::destroy);
        fixture.journal.close();
        System.exit(0);
    }

    private static LoopbackLoad.Requests checks(String path, String authorization) {
        URI uri = URI.create("http://127.0.0.1:" + PORT + path + "/payment-guard/checks");
        return (thread, seq) -> {
            int project = (int) (seq % 10_000);
            String body = "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,\"PAY_APP_NO\":\"T" + thread + "-"
                    + seq + "\",\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\"P" + project + "\",\"BGT_ID\":\"B"
                    + project + "\",\"PAY_APP_AMT\":1000.00,\"EXP_KIND\":\"PROJECT\",\"OPERATOR\":\"teller\"}";
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return request.build();
        };
    }

    private static Server publish(GuardFixture fixture, String path, PaymentGuardEngine guard,
            ContainerRequestFilter identity) {
        return publish(fixture, path, new PaymentGuardResource(guard, null), identity);
    }

    private static Server publish(GuardFixture fixture, String path, Object resource,
            ContainerRequestFilter identity) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setAddress("http://127.0.0.1:" + PORT + path);
        factory.setResourceClasses(resource.getClass());
        if (resource instanceof RestResource feature) {
            // as RestPublisher serves it: looked up per request among the features present
            FeatureResources features = new FeatureResources();
            features.add(feature);
            factory.setResourceProvider(resource.getClass(), features.provider(resource.getClass()));
        } else {
            factory.setResourceProvider(resource.getClass(), new SingletonResourceProvider(resource));
        }
        factory.setProviders(RestPublisher.providers(GuardFixture.defaults(RestConfiguration.class),
                new AdmissionFilter(GuardFixture.ADMIT_ALL), identity, account -> java.time.Duration.ZERO,
                fixture.store.keys()));
        return factory.create();
    }
}
