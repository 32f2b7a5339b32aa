package io.jixiao.rest.internal;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Role;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.monitoring.internal.DecisionJournal;
import io.jixiao.monitoring.internal.HoldIndex;
import io.jixiao.monitoring.internal.HoldRegistry;
import io.jixiao.monitoring.internal.PaymentGuardEngine;
import io.jixiao.security.Principal;
import io.jixiao.security.internal.BenchmarkAuthenticator;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.MyBatisStore;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.ws.rs.container.ContainerRequestFilter;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.h2.jdbcx.JdbcDataSource;

/**
 * End-to-end payment-check throughput of the REST adapter on loopback, with authentication on (HTTP Basic from
 * the verified-credential cache; a bearer JWT verified per call) and off (the caller asserted without a
 * credential), in one run on one server. Each variant is the production resource, JSON mapper and guard over H2
 * with the PASS journal; only the authentication filter differs.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.jixiao.rest.internal.RestThroughput [threads] [seconds] [rounds]</pre>
 *
 * Client and server share the machine: the figures are a floor for the server alone.
 */
public final class RestThroughput {
    private static final int PORT = 18581;
    private static final MofDivCode REGION = MofDivCode.of("440100000");

    private RestThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:rest-bench;MODE=Oracle;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Database.migrate(ds);
        MyBatisStore store = new MyBatisStore(Database.sessions(ds, ""));
        HoldIndex index = new HoldIndex();
        HoldRegistry holds = new HoldRegistry(store, index, Clock.systemUTC());
        Actor finance = Actor.of("BENCH", "finance", Role.FINANCE);
        for (int i = 0; i < 10_000; i += 10) {
            holds.place(HoldTarget.project(REGION, ProCode.of("H" + i)), HoldKind.SUSPEND, Reason.of("bench"), finance);
        }
        DecisionJournal journal = new DecisionJournal(store, 100_000, 1000, Duration.ofMillis(200),
                Duration.ofSeconds(60));
        PaymentGuardEngine guard = new PaymentGuardEngine(index, store, journal, Clock.systemUTC());
        BenchmarkAuthenticator authenticator = new BenchmarkAuthenticator();
        Principal asserted = new Principal(BenchmarkAuthenticator.ACCOUNT, EnumSet.of(Role.HOST_SYSTEM), Set.of(),
                Set.of());
        JAXRSServerFactoryBean echo = new JAXRSServerFactoryBean();
        echo.setAddress("http://127.0.0.1:" + PORT + "/echo");
        echo.setResourceClasses(EchoResource.class);
        echo.setResourceProvider(EchoResource.class, new SingletonResourceProvider(new EchoResource()));
        List<Server> servers = List.of(echo.create(),
                publish("/on", guard, new AuthenticationFilter(authenticator)),
                publish("/off", guard, request -> request.setSecurityContext(
                        new AuthenticationFilter.Caller(asserted, false))));

        String basic = "Basic " + Base64.getEncoder().encodeToString((BenchmarkAuthenticator.ACCOUNT + ":"
                + BenchmarkAuthenticator.PASSWORD).getBytes(StandardCharsets.UTF_8));
        String bearer = "Bearer " + authenticator.token();
        String[][] variants = {{"bare CXF echo (baseline)", "/echo", null}, {"authentication off", "/off", null},
            {"HTTP Basic (cached verification)", "/on", basic}, {"bearer JWT (RS256 per call)", "/on", bearer}};
        for (String[] v : variants) {
            run(v[1], v[2], threads, seconds); // warm-up
        }
        // measured rounds rotate the order, so that no variant always runs first or last
        List<List<long[]>> results = new ArrayList<>();
        for (int v = 0; v < variants.length; v++) {
            results.add(new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < variants.length; k++) {
                int v = (round + k) % variants.length;
                results.get(v).add(run(variants[v][1], variants[v][2], threads, seconds));
            }
        }
        System.out.printf("REST POST /payment-guard/checks on loopback: %d client threads, %d rounds of %d s per "
                + "variant after a warm-up, %d cores shared by client and server%n", threads, rounds, seconds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-34s %14s %14s %8s %10s %10s %8s%n", "variant", "checks/s med", "(min–max)", "of echo",
                "p50 ms", "p99 ms", "errors");
        double echoRate = results.get(0).stream().mapToDouble(x -> x[0] / (double) seconds).sorted()
                .toArray()[rounds / 2];
        for (int v = 0; v < variants.length; v++) {
            List<long[]> r = results.get(v);
            double[] rates = r.stream().mapToDouble(x -> x[0] / (double) seconds).sorted().toArray();
            long[] pooled = r.stream().flatMapToLong(x -> Arrays.stream(x, 2, x.length)).sorted().toArray();
            System.out.printf("%-34s %14.0f %6.0f–%-7.0f %7.0f%% %10.2f %10.2f %8d%n", variants[v][0],
                    rates[rates.length / 2], rates[0], rates[rates.length - 1], 100 * rates[rates.length / 2] / echoRate,
                    pooled[pooled.length / 2] / 1e6,
                    pooled[(int) (pooled.length * 0.99)] / 1e6, r.stream().mapToLong(x -> x[1]).sum());
        }
        servers.forEach(Server::destroy);
        journal.close();
        System.exit(0);
    }

    private static Server publish(String path, PaymentGuardEngine guard, ContainerRequestFilter identity) {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setAddress("http://127.0.0.1:" + PORT + path);
        factory.setResourceClasses(PaymentGuardResource.class);
        factory.setResourceProvider(PaymentGuardResource.class,
                new SingletonResourceProvider(new PaymentGuardResource(guard, null)));
        List<Object> providers = new ArrayList<>();
        providers.add(new JacksonJsonProvider(RestPublisher.mapper(defaults(RestConfiguration.class))));
        providers.add(new RequestSizeLimit(262_144, 67_108_864));
        providers.add(identity);
        providers.addAll(ProblemMappers.all());
        factory.setProviders(providers);
        return factory.create();
    }

    /** A configuration annotation answering its declared defaults, as Config Admin does with no file. */
    static <A> A defaults(Class<A> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getDefaultValue()));
    }

    /** @return {checks, errors, latency ns...} */
    private static long[] run(String path, String authorization, int threads, int seconds)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + PORT + path + "/payment-guard/checks");
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread worker = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                long seq = 0;
                while (System.nanoTime() < end) {
                    int project = (int) (seq % 10_000);
                    String body = "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,\"PAY_APP_NO\":\"T" + id + "-"
                            + seq++ + "\",\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\"P" + project + "\",\"BGT_ID\":\"B"
                            + project + "\",\"PAY_APP_AMT\":1000.00,\"EXP_KIND\":\"PROJECT\",\"OPERATOR\":\"teller\"}";
                    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body));
                    if (authorization != null) {
                        request.header("Authorization", authorization);
                    }
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - start;
                }
                latencies[id] = mine;
                counts[id] = n;
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] out = new long[total + 2];
        out[0] = total;
        out[1] = errors.get();
        int at = 2;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, out, at, counts[t]);
            at += counts[t];
        }
        return out;
    }
}
