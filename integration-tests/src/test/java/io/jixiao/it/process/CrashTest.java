package io.jixiao.it.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22: nothing answered is ever lost. The jar, as shipped, is killed with SIGKILL at a random moment while six
 * clients place and release holds (under idempotency keys, some replayed at once), check payments on held projects,
 * declare, submit and approve goals, and start monitoring rounds over a stand-in host ledger. After each kill the database is read directly: every acknowledged write
 * must be there with what was answered — holds with their project and reason, releases, HOLD answers with their
 * decision and audit rows, approvals. Then the jar is started again: every call that was in flight at the kill is
 * retried under its key until it gets a definite answer within the idempotency lease, and was performed once; new
 * holds get ids never handed out before; every accepted round completes (taken over after its lease) with its red
 * project held; every audit chain verifies. The next trial's load runs on that restart.
 *
 * <p>The short run ({@code .ci/run}) makes 3 trials per database with kills 1.5–3 s into the load; the long run is
 * {@code mvn -B verify -pl integration-tests -Dtest=CrashTest -Dcrash.trials=15 -Dcrash.killAfterMinMillis=2000
 * -Dcrash.killAfterMaxMillis=8000} (docs/benchmarks.md records its figures).
 */
class CrashTest {
    private static final int PORT = 18391;
    private static final String REST = "http://127.0.0.1:" + PORT + "/jixiao/api/v1";
    private static final String REGION = "440100000";
    private static final int CLIENTS = 6;
    private static final int LEASE_SECONDS = 5;
    private static final int ROUND_LEASE_SECONDS = 4;
    private static final java.util.concurrent.atomic.AtomicInteger CUT_OFFS = new java.util.concurrent.atomic.AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int trials = Integer.getInteger("crash.trials", 3);
    private final long killAfterMin = Long.getLong("crash.killAfterMinMillis", 1500);
    private final long killAfterMax = Long.getLong("crash.killAfterMaxMillis", 3000);
    private final Random random = new Random(Long.getLong("crash.seed", System.nanoTime()));

    @TempDir
    Path workDir;

    private JarProcess jar;
    private String pgSchema;

    @AfterEach
    void cleanUp() throws Exception {
        if (jar != null) {
            jar.close();
        }
        if (pgSchema != null) {
            try (Connection c = DriverManager.getConnection(pgUrl()); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + pgSchema + " CASCADE");
            }
        }
    }

    @Test
    void answeredWritesSurviveKillsOfTheEmbeddedDefault() throws Exception {
        jar = new JarProcess(workDir, PORT);
        jar.copyConfig();
        String url = "jdbc:h2:" + workDir.resolve("data/jixiao").toAbsolutePath()
                + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH";
        run(() -> DriverManager.getConnection(url, "sa", ""));
    }

    @Test
    void answeredWritesSurviveKillsOnPostgresql() throws Exception {
        Assumptions.assumeTrue(pgUrl() != null, "JIXIAO_TEST_PG_URL is not set");
        pgSchema = "jx_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(pgUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + pgSchema);
        }
        jar = new JarProcess(workDir, PORT);
        jar.copyConfig();
        String url = pgUrl() + (pgUrl().contains("?") ? "&" : "?") + "currentSchema=" + pgSchema;
        Files.writeString(workDir.resolve("config/io.jixiao.store.cfg"), "url = " + url + "\n"
                + "dataSourceFactory.target = (osgi.jdbc.driver.class=org.postgresql.Driver)\n",
                StandardCharsets.UTF_8);
        run(() -> DriverManager.getConnection(url));
    }

    private static String pgUrl() {
        String url = System.getenv("JIXIAO_TEST_PG_URL");
        return url == null || url.isBlank() ? null : url;
    }

    interface Database {
        Connection open() throws SQLException;
    }

    private void run(Database database) throws Exception {
        for (String pid : List.of("io.jixiao.rest", "io.jixiao.soap")) {
            Path cfg = workDir.resolve("config/" + pid + ".cfg");
            Files.writeString(cfg, Files.readString(cfg, StandardCharsets.UTF_8)
                    + "\nidempotency.leaseSeconds = " + LEASE_SECONDS + "\n", StandardCharsets.UTF_8);
        }
        // the host's ledger: one project on track, one far behind (red: held by every round)
        com.sun.net.httpserver.HttpServer host = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        host.createContext("/host/ledger-lines", x -> answer(x, "{\"LINES\":[{\"PRO_CODE\":\"CRR-GREEN\","
                + "\"BGT_ID\":\"ZB-1\",\"AGENCY_CODE\":\"101001\",\"EXP_KIND\":\"PROJECT\",\"BUDGET_AMT\":1000000.00,"
                + "\"PAID_AMT\":900000.00},{\"PRO_CODE\":\"CRR-RED\",\"BGT_ID\":\"ZB-2\",\"AGENCY_CODE\":\"101001\","
                + "\"EXP_KIND\":\"PROJECT\",\"BUDGET_AMT\":1000000.00,\"PAID_AMT\":10000.00}],\"TOTAL\":2}"));
        host.createContext("/host/projects/lookup", x -> answer(x, "{\"PROJECTS\":[]}"));
        host.start();
        try {
            Files.writeString(workDir.resolve("config/io.jixiao.hostclient.cfg"), "protocol = REST\nurl = http://"
                    + "127.0.0.1:" + host.getAddress().getPort() + "/host\n", StandardCharsets.UTF_8);
            Files.writeString(workDir.resolve("config/io.jixiao.monitoring.rounds.cfg"), "leaseSeconds = "
                    + ROUND_LEASE_SECONDS + "\n", StandardCharsets.UTF_8);
            trials(database);
        } finally {
            host.stop(0);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange x, String json) throws java.io.IOException {
        x.getRequestBody().readAllBytes();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    private void trials(Database database) throws Exception {
        Ledger ledger = new Ledger();
        jar.start();
        for (int trial = 1; trial <= trials; trial++) {
            long killAfter = killAfterMin + (long) (random.nextDouble() * (killAfterMax - killAfterMin));
            List<Client> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(new Client(trial, c, ledger, new Random(random.nextLong())));
            }
            clients.forEach(Thread::start);
            Thread.sleep(killAfter);
            jar.kill();
            for (Client client : clients) {
                client.join(30_000);
                assertThat(client.isAlive()).as("client " + client.getName() + " ends after the kill").isFalse();
            }
            assertThat(ledger.wrongAnswers).as("answers given while running (trial " + trial + ")").isEmpty();
            try (Connection c = database.open()) {
                ledger.assertDurable(c, trial);
            }
            jar.output().clear();
            jar.start();
            try {
                ledger.resolveInFlight(trial);
                ledger.assertRoundsComplete(trial);
                ledger.assertNothingReused(trial);
                assertChainsVerify(trial);
            } catch (AssertionError | RuntimeException failed) {
                printNodeErrors();
                throw failed;
            }
            if (!ledger.serverErrors.isEmpty()) {
                ledger.serverErrors.forEach(System.out::println);
                printNodeErrors();
                ledger.serverErrors.clear();
            }
            ledger.report(trial, killAfter);
        }
        jar.stop();
        assertThat(ledger.acknowledged()).as("the load acknowledged writes").isGreaterThan(trials * 10L);
    }

    /** What the node said about an unexpected answer, for the incident id in it. */
    private void printNodeErrors() {
        jar.output().stream().filter(l -> l.contains("ERROR") || l.contains("Exception")
                || l.startsWith("\tat io.jixiao") || l.startsWith("Caused by")).limit(80)
                .forEach(System.out::println);
    }

    private static void assertChainsVerify(int trial) throws Exception {
        HttpResponse<String> v = send("auditor01", "POST", "/audit/verifications",
                "{\"MOF_DIV_CODE\":\"" + REGION + "\"}", null);
        assertThat(v.statusCode()).as(v.body()).isEqualTo(200);
        assertThat(JSON.readTree(v.body()).path("INTACT").asBoolean()).as("trial " + trial + ": " + v.body()).isTrue();
    }

    /** What the clients were told, and what was in flight when the JVM died. */
    private static final class Ledger {
        final Map<Long, String[]> holds = new ConcurrentHashMap<>(); // id -> {project, reason}
        final Set<Long> released = ConcurrentHashMap.newKeySet();
        final Set<Long> releasing = ConcurrentHashMap.newKeySet();
        final Set<String> heldPayments = ConcurrentHashMap.newKeySet();
        final Set<Long> approvedGoals = ConcurrentHashMap.newKeySet();
        final Set<Long> rounds = ConcurrentHashMap.newKeySet();
        final Set<Long> completedRounds = ConcurrentHashMap.newKeySet();
        final Map<String, String[]> inFlight = new ConcurrentHashMap<>(); // key -> {account, path, body}
        final List<String> wrongAnswers = new CopyOnWriteArrayList<>();
        final AtomicLong highestHoldId = new AtomicLong();
        final AtomicLong replays = new AtomicLong();
        long resolved;
        long resolvedPerformed;
        final List<String> serverErrors = new CopyOnWriteArrayList<>();

        long acknowledged() {
            return holds.size() + released.size() + heldPayments.size() + approvedGoals.size() + rounds.size();
        }

        /**
         * Every round the service accepted (202) completes after the restart — taken over once its lease ran out —
         * with its red project held by an active hold.
         */
        void assertRoundsComplete(int trial) throws Exception {
            long deadline = System.currentTimeMillis() + (ROUND_LEASE_SECONDS * 3 + 60) * 1000L;
            for (long id : rounds) {
                if (completedRounds.contains(id)) {
                    continue;
                }
                JsonNode round;
                while (true) {
                    round = JSON.readTree(send("auditor01", "GET", "/monitoring/rounds/" + id, null, null).body());
                    String status = round.path("STATUS").asText();
                    if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                        break;
                    }
                    assertThat(System.currentTimeMillis()).as("trial " + trial + ": round " + id
                            + " finishes after the restart: " + round).isLessThan(deadline);
                    Thread.sleep(200);
                }
                assertThat(round.path("STATUS").asText()).as("trial " + trial + ": round " + round).isEqualTo(
                        "COMPLETED");
                JsonNode red = JSON.readTree(send("auditor01", "GET", "/monitoring/rounds/" + id
                        + "/alerts?MIN_LEVEL=RED", null, null).body()).path("ALERTS");
                assertThat(red).as("trial " + trial + ": round " + id + " judged CRR-RED red").hasSize(1);
                long holdId = red.get(0).path("HOLD_ID").asLong();
                JsonNode hold = JSON.readTree(send("auditor01", "GET", "/holds/" + holdId, null, null).body());
                assertThat(hold.path("STATUS").asText()).as("trial " + trial + ": the hold of round " + id)
                        .isEqualTo("ACTIVE");
                completedRounds.add(id);
            }
        }

        void hold(long id, String project, String reason) {
            holds.put(id, new String[] {project, reason});
            highestHoldId.accumulateAndGet(id, Math::max);
        }

        void assertDurable(Connection c, int trial) throws SQLException {
            String when = "trial " + trial + ", after the kill: ";
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT PRO_CODE, REASON, STATUS FROM JX_HOLD WHERE HOLD_ID = ?")) {
                for (Map.Entry<Long, String[]> hold : holds.entrySet()) {
                    q.setLong(1, hold.getKey());
                    try (ResultSet r = q.executeQuery()) {
                        assertThat(r.next()).as(when + "acknowledged hold " + hold.getKey()).isTrue();
                        assertThat(new String[] {r.getString(1), r.getString(2)})
                                .as(when + "hold " + hold.getKey() + " holds what was answered")
                                .containsExactly(hold.getValue());
                        if (released.contains(hold.getKey())) {
                            assertThat(r.getString(3)).as(when + "acknowledged release of " + hold.getKey())
                                    .isEqualTo("RELEASED");
                        } else if (!releasing.contains(hold.getKey())) {
                            assertThat(r.getString(3)).as(when + "hold " + hold.getKey()).isEqualTo("ACTIVE");
                        }
                    }
                }
            }
            try (PreparedStatement decision = c.prepareStatement("SELECT COUNT(*) FROM JX_PAY_DECISION "
                    + "WHERE PAY_APP_NO = ? AND OUTCOME = 'HOLD'");
                    PreparedStatement audit = c.prepareStatement("SELECT COUNT(*) FROM JX_AUDIT "
                            + "WHERE ACTION = 'PAYMENT_HELD' AND SUBJECT_ID = ?")) {
                for (String payment : heldPayments) {
                    decision.setString(1, payment);
                    audit.setString(1, "2026/" + REGION + "/" + payment);
                    assertThat(count(decision)).as(when + "HOLD decision of " + payment).isEqualTo(1);
                    assertThat(count(audit)).as(when + "audit row of the HOLD answer to " + payment).isEqualTo(1);
                }
            }
            try (PreparedStatement goal = c.prepareStatement(
                    "SELECT STATUS FROM JX_GOAL WHERE GOAL_ID = ? AND VERSION = 1")) {
                for (long id : approvedGoals) {
                    goal.setLong(1, id);
                    try (ResultSet r = goal.executeQuery()) {
                        assertThat(r.next()).as(when + "approved goal " + id).isTrue();
                        assertThat(r.getString(1)).as(when + "acknowledged approval of goal " + id)
                                .isEqualTo("APPROVED");
                    }
                }
            }
        }

        private static long count(PreparedStatement q) throws SQLException {
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }

        /**
         * Retries every call that had no answer when the JVM died, under its key, until it is answered: within the
         * lease plus the restart's slack, and performed once.
         */
        void resolveInFlight(int trial) throws Exception {
            long deadline = System.currentTimeMillis() + (LEASE_SECONDS + 15) * 1000L;
            for (Map.Entry<String, String[]> call : inFlight.entrySet()) {
                String[] c = call.getValue();
                HttpResponse<String> answer;
                while (true) {
                    answer = send(c[0], "POST", c[1], c[2], call.getKey());
                    if (answer.statusCode() >= 500) {
                        // nothing of it was kept and its key is free: a client retries, as this one does; the
                        // node's log lines are printed after the trial (seen once in about 70 trials, not yet found)
                        serverErrors.add("trial " + trial + ": " + c[1] + " answered " + answer.body());
                        assertThat(System.currentTimeMillis()).as("trial " + trial + ": in-flight call " + c[1]
                                + " answered within the lease").isLessThan(deadline);
                        Thread.sleep(200);
                        continue;
                    }
                    if (answer.statusCode() != 409) {
                        break;
                    }
                    long retryAfter = answer.headers().firstValue("Retry-After").map(Long::parseLong).orElse(-1L);
                    assertThat(retryAfter).as("trial " + trial + ": Retry-After of " + answer.body())
                            .isBetween(1L, (long) LEASE_SECONDS);
                    assertThat(System.currentTimeMillis()).as("trial " + trial + ": in-flight call " + c[1]
                            + " answered within the lease").isLessThan(deadline);
                    Thread.sleep(Math.min(retryAfter * 1000, 500));
                }
                assertThat(answer.statusCode()).as("trial " + trial + ": retry of " + c[1] + " " + answer.body())
                        .isBetween(200, 299);
                resolved++;
                if (answer.headers().firstValue("Idempotent-Replayed").isEmpty()) {
                    resolvedPerformed++;
                }
                if (c[1].equals("/holds")) {
                    JsonNode hold = JSON.readTree(answer.body());
                    String project = hold.path("PRO_CODE").asText();
                    HttpResponse<String> active = send("auditor01", "GET", "/holds?MOF_DIV_CODE=" + REGION
                            + "&TARGET_TYPE=PROJECT&PRO_CODE=" + project, null, null);
                    assertThat(JSON.readTree(active.body()).path("HOLDS").size())
                            .as("trial " + trial + ": the in-flight hold on " + project + " was placed once")
                            .isEqualTo(1);
                    hold(hold.path("HOLD_ID").asLong(), project, hold.path("REASON").asText());
                } else {
                    long id = Long.parseLong(c[1].replaceAll("\\D", ""));
                    releasing.remove(id);
                    released.add(id);
                }
            }
            inFlight.clear();
        }

        /** Holds placed after the restart take ids that were never handed out. */
        void assertNothingReused(int trial) throws Exception {
            long before = highestHoldId.get();
            for (int i = 0; i < 3; i++) {
                String project = "CR" + trial + "-NEW-" + i;
                HttpResponse<String> placed = send("finance01", "POST", "/holds", holdBody(project, "重启后 " + i),
                        null);
                assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
                long id = JSON.readTree(placed.body()).path("HOLD_ID").asLong();
                assertThat(id).as("trial " + trial + ": a hold placed after the restart takes a new id")
                        .isGreaterThan(before);
                hold(id, project, "重启后 " + i);
            }
        }

        void report(int trial, long killAfter) {
            System.out.printf("crash trial %d: killed after %d ms; acknowledged so far: %d holds, %d releases, "
                    + "%d HOLD answers, %d approvals, %d rounds (all completed with their holds), %d replays; in-flight "
                    + "calls resolved %d (%d performed after the restart); lost 0%n", trial, killAfter, holds.size(),
                    released.size(), heldPayments.size(), approvedGoals.size(), rounds.size(), replays.get(), resolved,
                    resolvedPerformed);
        }
    }

    /** One of the six clients: a finance office, a unit and a payment module in one loop. */
    private static final class Client extends Thread {
        private final int trial;
        private final int client;
        private final Ledger ledger;
        private final Random random;
        private final List<Long> mine = new ArrayList<>();
        private final AtomicBoolean dead = new AtomicBoolean();
        private int n;

        Client(int trial, int client, Ledger ledger, Random random) {
            super("crash-client-" + client);
            this.trial = trial;
            this.client = client;
            this.ledger = ledger;
            this.random = random;
        }

        @Override
        public void run() {
            while (!dead.get()) {
                try {
                    int op = random.nextInt(100);
                    if (op < 35 || mine.isEmpty()) {
                        placeHold();
                    } else if (op < 50) {
                        release();
                    } else if (op < 82) {
                        checkPayment();
                    } else if (op < 95) {
                        approveGoal();
                    } else {
                        startRound();
                    }
                } catch (java.io.IOException | InterruptedException e) {
                    dead.set(true); // the JVM is gone: what is in flight stays in flight
                } catch (Exception | AssertionError e) {
                    ledger.wrongAnswers.add(getName() + ": " + e);
                    dead.set(true);
                }
            }
        }

        private void placeHold() throws Exception {
            String project = "CR" + trial + "-" + client + "-" + (++n);
            String reason = "崩溃测试 " + trial + "/" + client + "/" + n;
            String key = UUID.randomUUID().toString();
            String body = holdBody(project, reason);
            ledger.inFlight.put(key, new String[] {"finance01", "/holds", body});
            HttpResponse<String> placed = send("finance01", "POST", "/holds", body, key);
            expect(placed, 201);
            long id = JSON.readTree(placed.body()).path("HOLD_ID").asLong();
            ledger.hold(id, project, reason);
            ledger.inFlight.remove(key);
            mine.add(id);
            if (random.nextInt(4) == 0) {
                HttpResponse<String> again = send("finance01", "POST", "/holds", body, key);
                expect(again, 201);
                if (JSON.readTree(again.body()).path("HOLD_ID").asLong() != id
                        || again.headers().firstValue("Idempotent-Replayed").isEmpty()) {
                    throw new AssertionError("a replay of hold " + id + " answered " + again.body());
                }
                ledger.replays.incrementAndGet();
            }
        }

        private void release() throws Exception {
            long id = mine.remove(random.nextInt(mine.size()));
            String key = UUID.randomUUID().toString();
            String path = "/holds/" + id + "/release";
            String body = "{\"REASON\":\"整改完成 " + id + "\"}";
            ledger.releasing.add(id);
            ledger.inFlight.put(key, new String[] {"finance01", path, body});
            expect(send("finance01", "POST", path, body, key), 200);
            ledger.released.add(id);
            ledger.releasing.remove(id);
            ledger.inFlight.remove(key);
        }

        private void checkPayment() throws Exception {
            long id = mine.get(random.nextInt(mine.size()));
            String project = ledger.holds.get(id)[0];
            String payment = "CR" + trial + "-" + client + "-P" + (++n);
            HttpResponse<String> answer = send("pay-module", "POST", "/payment-guard/checks",
                    "{\"MOF_DIV_CODE\":\"" + REGION + "\",\"FISCAL_YEAR\":2026,\"PAY_APP_NO\":\"" + payment
                    + "\",\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\"" + project + "\",\"BGT_ID\":\"ZB-1\","
                    + "\"PAY_APP_AMT\":1200.00,\"EXP_KIND\":\"PROJECT\",\"OPERATOR\":\"teller" + client + "\"}", null);
            expect(answer, 200);
            if (!answer.body().contains("\"DECISION\":\"HOLD\"") || !answer.body().contains("\"HOLD_ID\":" + id)) {
                throw new AssertionError("payment " + payment + " on held project " + project + " answered "
                        + answer.body());
            }
            ledger.heldPayments.add(payment);
        }

        private void startRound() throws Exception {
            String cutOff = java.time.LocalDate.of(2026, 6, 1).plusDays(CUT_OFFS.getAndIncrement() % 180).toString();
            HttpResponse<String> started = send("finance01", "POST", "/monitoring/rounds", "{\"MOF_DIV_CODE\":\""
                    + REGION + "\",\"FISCAL_YEAR\":2026,\"CUT_OFF\":\"" + cutOff + "\"}", UUID.randomUUID().toString());
            if (started.statusCode() == 409) {
                return; // a round of that cut-off is still running (an earlier trial's): not an acknowledged write
            }
            expect(started, 202);
            ledger.rounds.add(JSON.readTree(started.body()).path("ROUND_ID").asLong());
        }

        private void approveGoal() throws Exception {
            String project = "CR" + trial + "-" + client + "-G" + (++n);
            HttpResponse<String> created = send("unit01", "POST", "/goals", goalBody(project), null);
            expect(created, 201);
            long goal = JSON.readTree(created.body()).path("GOAL_ID").asLong();
            expect(send("unit01", "POST", "/goals/" + goal + "/versions/1/submission", "{}", null), 200);
            HttpResponse<String> approved = send("finance01", "POST", "/goals/" + goal + "/versions/1/approval",
                    "{}", null);
            expect(approved, 200);
            if (!approved.body().contains("\"STATUS\":\"APPROVED\"")) {
                throw new AssertionError("approval of goal " + goal + " answered " + approved.body());
            }
            ledger.approvedGoals.add(goal);
        }

        private static void expect(HttpResponse<String> answer, int status) {
            if (answer.statusCode() != status) {
                throw new AssertionError(answer.request().uri() + " answered " + answer.statusCode() + " "
                        + answer.body());
            }
        }
    }

    private static String holdBody(String project, String reason) {
        return "{\"MOF_DIV_CODE\":\"" + REGION + "\",\"TARGET_TYPE\":\"PROJECT\",\"PRO_CODE\":\"" + project
                + "\",\"HOLD_KIND\":\"SUSPEND\",\"REASON\":\"" + reason + "\"}";
    }

    private static String goalBody(String project) {
        return "{\"MOF_DIV_CODE\":\"" + REGION + "\",\"FISCAL_YEAR\":2026,\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\""
                + project + "\",\"PROJECT_CLASS\":\"RUNNING_GUARANTEE\",\"PROJECT_LEVEL\":\"FIRST\","
                + "\"BUDGET_KIND\":\"GENERAL_PUBLIC\",\"AMOUNT\":3000000.00,\"NEW_PROJECT\":false,\"RECURRING\":true,"
                + "\"KPI_TARGET\":\"保障机关办公场所安全、整洁、正常运转\",\"INDICATORS\":["
                + "{\"KPI_LV2\":\"QUANTITY\",\"KPI_CONTENT\":\"保障办公场所面积\",\"COMPUTESIGN\":1,\"KPI_VAL\":\"12000\","
                + "\"METERUNIT\":\"平方米\",\"WEIGHT\":30},"
                + "{\"KPI_LV2\":\"COST\",\"KPI_CONTENT\":\"单位面积物业费\",\"COMPUTESIGN\":5,\"KPI_VAL\":\"18\","
                + "\"METERUNIT\":\"元/平方米·月\",\"WEIGHT\":20},"
                + "{\"KPI_LV2\":\"SOCIAL\",\"KPI_CONTENT\":\"保障机关正常运转\",\"COMPUTESIGN\":6,\"KPI_VAL\":\"有效保障\","
                + "\"WEIGHT\":20},"
                + "{\"KPI_LV2\":\"SATISFACTION\",\"KPI_CONTENT\":\"干部职工满意度\",\"COMPUTESIGN\":1,\"KPI_VAL\":\"90\","
                + "\"METERUNIT\":\"%\",\"WEIGHT\":20}]}";
    }

    private static HttpResponse<String> send(String account, String method, String path, String json, String key)
            throws java.io.IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(REST + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((account + ":jixiao-demo").getBytes(StandardCharsets.UTF_8)));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
