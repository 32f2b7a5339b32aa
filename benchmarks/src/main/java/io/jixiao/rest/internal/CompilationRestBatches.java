package io.jixiao.rest.internal;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import io.jixiao.api.hook.CompilationGate;
import io.jixiao.api.model.Role;
import io.jixiao.goals.internal.CompilationGateBenchmark;
import io.jixiao.security.Principal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;

/**
 * The compilation gate through REST: a province's draft of N lines (a tenth without a goal) sent to
 * {@code POST /compilation-checks} on loopback in batches of B lines under one draft number, by C concurrent
 * clients; the store holds N approved goals of 10 indicators each (see {@link CompilationGateBenchmark}).
 * Reports the wall time of the whole draft, the lines per second, and the latency of a batch.
 *
 * <pre>java -Xmx256m -cp benchmarks/target/benchmarks.jar io.jixiao.rest.internal.CompilationRestBatches
 *     [lines=100000] [batch=1000] [clients=2] [config dir=config]</pre>
 */
public final class CompilationRestBatches {
    private static final int PORT = 18582;

    private CompilationRestBatches() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path config = Path.of(args.length > 3 ? args[3] : "config");
        CompilationGate gate = CompilationGateBenchmark.gate(lines, config);
        Principal host = new Principal("bench-host", EnumSet.of(Role.HOST_SYSTEM), Set.of(Principal.ALL_REGIONS),
                Set.of());
        Server server = publish(gate, request -> request.setSecurityContext(new AuthenticationFilter.Caller(host,
                false)));
        List<String> bodies = new ArrayList<>();
        for (int from = 0; from < lines; from += batch) {
            StringBuilder body = new StringBuilder("{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,"
                    + "\"DRAFT_NO\":\"BENCH-REST\",\"OPERATOR\":\"bench\",\"LINES\":[");
            for (int i = from; i < Math.min(lines, from + batch); i++) {
                body.append(i == from ? "" : ",").append("{\"AGENCY_CODE\":\"A").append(i % 500)
                        .append("\",\"PRO_CODE\":\"").append(i % 10 == 9 ? "NOGOAL-" + i : "P-" + i)
                        .append("\",\"PROJECT_CLASS\":\"DEVELOPMENT\",\"PROJECT_LEVEL\":\"FIRST\",")
                        .append("\"BUDGET_KIND\":\"GENERAL_PUBLIC\",\"AMOUNT\":2000000.00,\"NEW_PROJECT\":false,")
                        .append("\"RECURRING\":true}");
            }
            bodies.add(body.append("]}").toString());
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + PORT + "/compilation-checks");
        for (int run = 1; run <= 4; run++) {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long start = System.nanoTime();
            List<Future<long[]>> sent = new ArrayList<>();
            for (String body : bodies) {
                sent.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(r.statusCode() + " " + r.body());
                    }
                    int blocked = Integer.parseInt(r.body().replaceAll(".*\"BLOCKED\":(\\d+).*", "$1"));
                    return new long[] {System.nanoTime() - t, blocked};
                }));
            }
            long[] latencies = new long[sent.size()];
            long blocked = 0;
            for (int i = 0; i < sent.size(); i++) {
                long[] r = sent.get(i).get();
                latencies[i] = r[0];
                blocked += r[1];
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            pool.shutdown();
            java.util.Arrays.sort(latencies);
            System.out.printf("run %d%s: %,d lines in %d batches of %,d by %d clients: %,d ms (%,.0f lines/s), "
                    + "%,d blocked; batch p50 %,d ms, max %,d ms%n", run, run == 1 ? " (warm-up)" : "", lines,
                    bodies.size(), batch, clients, ms, lines * 1000.0 / ms, blocked,
                    latencies[latencies.length / 2] / 1_000_000, latencies[latencies.length - 1] / 1_000_000);
        }
        server.destroy();
        System.exit(0);
    }

    private static Server publish(CompilationGate gate, javax.ws.rs.container.ContainerRequestFilter identity) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setAddress("http://127.0.0.1:" + PORT);
        factory.setResourceClasses(CompilationResource.class);
        factory.setResourceProvider(CompilationResource.class, new SingletonResourceProvider(
                new CompilationResource(gate)));
        List<Object> providers = new ArrayList<>();
        providers.add(new JacksonJsonProvider(RestPublisher.mapper(io.jixiao.benchmarks.GuardFixture.defaults(RestConfiguration.class))));
        providers.add(new RequestSizeLimit(262_144, 67_108_864));
        providers.add(identity);
        providers.addAll(ProblemMappers.all());
        factory.setProviders(providers);
        return factory.create();
    }
}
