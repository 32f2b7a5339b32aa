package io.jixiao.it.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23's fault tool — a measurement, not part of {@code .ci/run} (its name matches no test pattern): the
 * distribution jar as shipped, on PostgreSQL behind a TCP proxy that can "stop" the database (live connections cut,
 * new ones refused, as a stopped server does), and on its embedded default beside slow clients. It prints what the
 * payment module saw, phase by phase, and fails on what must never happen (a 5xx, a PASS for a held project, a basic
 * payment not passing, a write answered other than 503 while the database is down).
 *
 * <pre>
 * JIXIAO_TEST_PG_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres' \
 *   mvn -B -o surefire:test -pl integration-tests -Dtest=GuardFaults -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * (after {@code mvn -B install -DskipTests}); {@code -Dfaults.downSeconds=30} sets the outage, {@code
 * -Dfaults.slowConnections=300} the slow clients, {@code -Dfaults.slowWithCredentials=true} gives them the payment
 * module's credentials, {@code -Dfaults.slowSoap=true} sends them to the SOAP payment guard instead (its
 * credentials are inside the envelope), {@code -Dfaults.slowAddress=127.0.0.2} is their address. docs/payment-guard.md records its
 * figures.
 */
class GuardFaults {
    private static final int PORT = 18393;
    private static final String REST = "http://127.0.0.1:" + PORT + "/jixiao/api/v1";
    private static final String REGION = "440100000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int downSeconds = Integer.getInteger("faults.downSeconds", 30);
    private final int slowConnections = Integer.getInteger("faults.slowConnections", 300);
    private final boolean slowWithCredentials = Boolean.getBoolean("faults.slowWithCredentials");
    private final boolean slowSoap = Boolean.getBoolean("faults.slowSoap");
    private static final String SLOW_ADDRESS = System.getProperty("faults.slowAddress", "127.0.0.2");

    @TempDir
    Path workDir;
    private JarProcess jar;
    private PgSchema pg;
    private Proxy proxy;

    @AfterEach
    void cleanUp() throws Exception {
        if (jar != null) {
            jar.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    /** PostgreSQL stopped for {@code faults.downSeconds} under three clients, then started again. */
    @Test
    void theDatabaseStopsUnderLoad() throws Exception {
        startOnPostgresql(true);
        long held = placeHold("F-HELD");
        Load load = new Load(held);
        load.start(3);
        Thread.sleep(10_000);
        load.phase("database down");
        proxy.down();
        Thread.sleep(2_000);
        HttpResponse<String> placed = send("finance01", "POST", "/holds", holdBody("F-DOWN"));
        assertThat(placed.statusCode()).as("placing a hold while the database is down: " + placed.body())
                .isEqualTo(503);
        assertThat(placed.headers().firstValue("Retry-After")).isPresent();
        JsonNode status = status();
        Thread.sleep(downSeconds * 1000L - 2_000);
        JsonNode statusLate = status();
        load.phase("database back");
        long back = System.nanoTime();
        proxy.up();
        long firstPass = load.firstFreePassAfter(back, 60_000);
        long trusted = awaitTrusted(back, 60_000);
        Thread.sleep(10_000);
        load.stop();
        System.out.printf("status 2 s into the outage: TRUSTED %s, UNTRUSTED_REASON %s%n", status.path("TRUSTED"),
                status.path("UNTRUSTED_REASON"));
        System.out.printf("status at the outage's end: TRUSTED %s, UNTRUSTED_REASON %s%n",
                statusLate.path("TRUSTED"), statusLate.path("UNTRUSTED_REASON"));
        System.out.printf("after the database came back: first PASS of a free project in %d ms, TRUSTED in %d ms%n",
                firstPass, trusted);
        load.report();
        load.assertNeverWrong();
        printNodeLog("WARN", "ERROR", "Exception");
    }

    /** The jar started while PostgreSQL is down, which comes up a while later. */
    @Test
    void theJarStartsWithTheDatabaseDown() throws Exception {
        startOnPostgresql(false);
        Load load = new Load(-1);
        load.start(2);
        Thread.sleep(15_000);
        load.phase("database up");
        long up = System.nanoTime();
        proxy.up();
        long trusted = awaitTrusted(up, 120_000);
        long firstPass = load.firstFreePassAfter(up, 60_000);
        Thread.sleep(5_000);
        load.stop();
        System.out.printf("started with the database down; once it was up: TRUSTED in %d ms, first PASS of a free "
                + "project in %d ms%n", trusted, firstPass);
        load.report();
        load.assertNeverWrong();
        printNodeLog("WARN", "ERROR", "Exception");
    }

    /** {@code faults.slowConnections} clients send a check's headers and one byte of body, beside a stream of checks. */
    @Test
    void slowBodiesBesideAStreamOfChecks() throws Exception {
        jar = new JarProcess(workDir, PORT);
        jar.copyConfig();
        jar.start();
        long held = placeHold("F-HELD");
        Load load = new Load(held);
        load.start(1);
        Thread.sleep(15_000);
        load.phase("slow clients");
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < slowConnections; i++) {
            try {
                Socket s = new Socket();
                s.bind(new InetSocketAddress(SLOW_ADDRESS, 0)); // another client than the payment module
                s.connect(new InetSocketAddress("127.0.0.1", PORT), 2_000);
                String head = slowSoap
                        ? "POST /jixiao/soap/payment-guard HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Content-Type: text/xml; charset=UTF-8\r\nSOAPAction: \"\"\r\n"
                                + "Content-Length: 1200\r\n\r\n<"
                        : "POST /jixiao/api/v1/payment-guard/checks HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + (slowWithCredentials ? "Authorization: Basic " + Base64.getEncoder().encodeToString(
                                        "pay-module:jixiao-demo".getBytes(StandardCharsets.UTF_8)) + "\r\n" : "")
                                + "Content-Type: application/json\r\nContent-Length: 400\r\n\r\n{";
                s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                slow.add(s);
            } catch (IOException refused) {
                break;
            }
        }
        Thread.sleep(30_000);
        // what each slow client has seen by now: the server's answer (its status line), a closed connection, nothing
        Map<String, Integer> seen = new TreeMap<>();
        for (Socket s : slow) {
            String outcome;
            try {
                s.setSoTimeout(50);
                byte[] head = s.getInputStream().readNBytes(12);
                outcome = head.length == 0 ? "closed without an answer"
                        : "answered " + new String(head, StandardCharsets.US_ASCII).trim() + ", then closed";
            } catch (java.net.SocketTimeoutException open) {
                outcome = "still open, no answer";
            } catch (IOException reset) {
                outcome = "closed without an answer";
            }
            seen.merge(outcome, 1, Integer::sum);
        }
        long open = seen.getOrDefault("still open, no answer", 0);
        load.phase("slow clients gone");
        for (Socket s : slow) {
            s.close();
        }
        Thread.sleep(10_000);
        load.stop();
        System.out.printf("%d slow connections opened, %d still open after 30 s: %s%n", slow.size(), open, seen);
        load.report();
        load.assertNeverWrong();
        assertThat(load.p99("slow clients")).as("the stream's p99 beside the slow clients, µs")
                .isLessThanOrEqualTo(2 * load.p99("before"));
        printNodeLog("WARN", "ERROR", "Exception", "EOF");
    }

    private void startOnPostgresql(boolean databaseUp) throws Exception {
        pg = PgSchema.create("jx_faults_");
        URI server = URI.create(PgSchema.serverUrl().substring("jdbc:".length()));
        proxy = new Proxy(new InetSocketAddress(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort()));
        if (databaseUp) {
            proxy.up();
        }
        jar = new JarProcess(workDir, PORT);
        jar.copyConfig();
        jar.storeOnPostgresql(pg.url("jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath()
                + (server.getQuery() == null ? "" : "?" + server.getQuery())));
        jar.start();
    }

    private long awaitTrusted(long since, long timeoutMillis) throws Exception {
        while (true) {
            JsonNode status = status();
            if (status.path("TRUSTED").asBoolean()) {
                return (System.nanoTime() - since) / 1_000_000;
            }
            assertThat((System.nanoTime() - since) / 1_000_000).as("TRUSTED again: " + status)
                    .isLessThan(timeoutMillis);
            Thread.sleep(50);
        }
    }

    private JsonNode status() throws Exception {
        HttpResponse<String> s = send("auditor01", "GET", "/payment-guard/status?MOF_DIV_CODE=" + REGION, null);
        return s.statusCode() == 200 ? JSON.readTree(s.body()) : JSON.createObjectNode().put("HTTP", s.statusCode());
    }

    private long placeHold(String project) throws Exception {
        HttpResponse<String> placed = send("finance01", "POST", "/holds", holdBody(project));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        return JSON.readTree(placed.body()).path("HOLD_ID").asLong();
    }

    private static String holdBody(String project) {
        return "{\"MOF_DIV_CODE\":\"" + REGION + "\",\"TARGET_TYPE\":\"PROJECT\",\"PRO_CODE\":\"" + project
                + "\",\"HOLD_KIND\":\"SUSPEND\",\"REASON\":\"故障演练\"}";
    }

    private void printNodeLog(String... markers) throws IOException {
        Path whole = Path.of("target", "guard-faults-node.log");
        Files.createDirectories(whole.getParent());
        Files.write(whole, jar.output(), StandardCharsets.UTF_8);
        System.out.println("the node's whole log: " + whole.toAbsolutePath());
        jar.output().stream().filter(l -> java.util.Arrays.stream(markers).anyMatch(l::contains)).limit(60)
                .forEach(l -> System.out.println("node: " + l));
    }

    static HttpResponse<String> send(String account, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(REST + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((account + ":jixiao-demo")
                        .getBytes(StandardCharsets.UTF_8)));
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Payment checks in a loop — basic, on the held project, on a free project — recorded phase by phase. */
    private static final class Load {
        private final long heldId;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final Map<String, Phase> phases = Collections.synchronizedMap(new java.util.LinkedHashMap<>());
        private final List<String> wrong = new CopyOnWriteArrayList<>();
        private final AtomicLong n = new AtomicLong();
        private volatile Phase current;
        private final List<long[]> freePasses = new CopyOnWriteArrayList<>(); // {nanoTime}

        private static final class Phase {
            final String name;
            final long started = System.nanoTime();
            final List<Long> micros = Collections.synchronizedList(new ArrayList<>());
            final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

            Phase(String name) {
                this.name = name;
            }
        }

        Load(long heldId) {
            this.heldId = heldId;
            phase("before");
        }

        void phase(String name) {
            current = new Phase(name);
            phases.put(name, current);
        }

        void start(int clients) {
            for (int c = 0; c < clients; c++) {
                Thread t = new Thread(this::run, "fault-client-" + c);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }

        private void run() {
            while (running.get()) {
                long i = n.incrementAndGet();
                String kind = i % 3 == 0 ? "BASIC" : "PROJECT";
                String project = i % 3 == 1 && heldId > 0 ? "F-HELD" : "F-FREE";
                long start = System.nanoTime();
                String outcome;
                try {
                    HttpResponse<String> answer = send("pay-module", "POST", "/payment-guard/checks",
                            "{\"MOF_DIV_CODE\":\"" + REGION + "\",\"FISCAL_YEAR\":2026,\"PAY_APP_NO\":\"F-" + i
                            + "\",\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\"" + project + "\",\"BGT_ID\":\"ZB-1\","
                            + "\"PAY_APP_AMT\":1200.00,\"EXP_KIND\":\"" + kind + "\",\"OPERATOR\":\"teller\"}");
                    if (answer.statusCode() != 200) {
                        outcome = "HTTP " + answer.statusCode();
                        if (answer.statusCode() >= 500) {
                            wrong.add(kind + " " + project + " answered " + answer.statusCode() + " " + answer.body());
                        }
                    } else {
                        JsonNode d = JSON.readTree(answer.body());
                        outcome = d.path("DECISION").asText() + " " + d.path("REASON_CODE").asText();
                        boolean pass = d.path("DECISION").asText().equals("PASS");
                        if (kind.equals("BASIC") && !pass) {
                            wrong.add("a basic payment answered " + answer.body());
                        }
                        if (project.equals("F-HELD") && kind.equals("PROJECT") && pass) {
                            wrong.add("a payment on the held project passed: " + answer.body());
                        }
                        if (pass && project.equals("F-FREE") && kind.equals("PROJECT")) {
                            freePasses.add(new long[] {System.nanoTime()});
                        }
                    }
                } catch (java.net.http.HttpTimeoutException e) {
                    outcome = "client timeout (10 s)";
                } catch (Exception e) {
                    outcome = e.getClass().getSimpleName();
                }
                Phase p = current;
                p.micros.add((System.nanoTime() - start) / 1_000);
                p.outcomes.computeIfAbsent(kind + " " + project.replace("F-", "") + " → " + outcome,
                        k -> new AtomicLong()).incrementAndGet();
            }
        }

        long firstFreePassAfter(long since, long timeoutMillis) throws InterruptedException {
            while (true) {
                for (long[] pass : freePasses) {
                    if (pass[0] > since) {
                        return (pass[0] - since) / 1_000_000;
                    }
                }
                assertThat((System.nanoTime() - since) / 1_000_000).as("a free project passes again")
                        .isLessThan(timeoutMillis);
                Thread.sleep(20);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(15_000);
            }
        }

        void report() {
            long end = System.nanoTime();
            List<Phase> list = new ArrayList<>(phases.values());
            for (int i = 0; i < list.size(); i++) {
                Phase p = list.get(i);
                long until = i + 1 < list.size() ? list.get(i + 1).started : end;
                List<Long> sorted;
                synchronized (p.micros) {
                    sorted = new ArrayList<>(p.micros);
                }
                Collections.sort(sorted);
                double seconds = (until - p.started) / 1e9;
                System.out.printf("phase %-18s %6.1f s: %7d answers (%.0f/s), latency p50 %s, p99 %s, max %s%n",
                        p.name, seconds, sorted.size(), sorted.size() / seconds, ms(sorted, 0.50), ms(sorted, 0.99),
                        sorted.isEmpty() ? "-" : String.format("%.1f ms", sorted.get(sorted.size() - 1) / 1000.0));
                new TreeMap<>(p.outcomes).forEach((k, v) -> System.out.printf("    %-60s %7d%n", k, v.get()));
            }
        }

        /** @return the phase's p99 latency, in microseconds */
        long p99(String phase) {
            List<Long> sorted;
            Phase p = phases.get(phase);
            synchronized (p.micros) {
                sorted = new ArrayList<>(p.micros);
            }
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.99 * sorted.size()) - 1));
        }

        private static String ms(List<Long> sorted, double q) {
            return sorted.isEmpty() ? "-" : String.format("%.1f ms",
                    sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0);
        }

        void assertNeverWrong() {
            assertThat(wrong).as("answers that must never be").isEmpty();
            phases.values().forEach(p -> p.outcomes.keySet().forEach(k -> assertThat(k)
                    .as("phase " + p.name).doesNotContain("client timeout")));
        }
    }

    /**
     * A TCP proxy in front of the database: up, it relays; down, it cuts every live connection and refuses new ones
     * (its port closed), as a stopped server does.
     */
    private static final class Proxy implements AutoCloseable {
        private final InetSocketAddress target;
        private final int port;
        private volatile ServerSocket server;
        private final List<Socket> live = new CopyOnWriteArrayList<>();

        Proxy(InetSocketAddress target) throws IOException {
            this.target = target;
            try (ServerSocket probe = new ServerSocket(0)) {
                this.port = probe.getLocalPort();
            }
        }

        int port() {
            return port;
        }

        synchronized void up() throws IOException {
            if (server != null) {
                return;
            }
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            server = s;
            Thread accept = new Thread(() -> {
                while (!s.isClosed()) {
                    try {
                        Socket client = s.accept();
                        Socket db = new Socket();
                        db.connect(target, 5_000);
                        live.add(client);
                        live.add(db);
                        pipe(client, db);
                        pipe(db, client);
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "proxy-accept");
            accept.setDaemon(true);
            accept.start();
        }

        synchronized void down() throws IOException {
            if (server != null) {
                server.close();
                server = null;
            }
            for (Socket s : live) {
                s.close();
            }
            live.clear();
        }

        private void pipe(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[16384];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
                        out.write(buffer, 0, r);
                        out.flush();
                    }
                } catch (IOException cut) {
                    // one side went: close both
                } finally {
                    try {
                        from.close();
                        to.close();
                    } catch (IOException ignored) {
                        // closed already
                    }
                }
            }, "proxy-pipe");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            down();
        }
    }
}
