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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22: nothing answered is ever lost. The jar, as shipped, is killed with SIGKILL at a random moment while six
 * clients place and release holds (under idempotency keys, some replayed at once), check payments on held projects,
 * declare, submit and approve goals, import indicator files, close years and score the opened self-evaluations, apply
 * the results (written back to a stand-in host that keeps each change id with its content hash) and start monitoring
 * rounds over the stand-in host's ledger. After each kill the database is read directly: every acknowledged write
 * must be there with what was answered — holds with their project and reason, releases, HOLD answers with their
 * decision and audit rows, approvals, accepted imports (and the entries of those answered DONE), opened tasks,
 * scores, the adjustments of every answered result application; no adjustment counted as applied that the host does
 * not hold with that content, and no change id ever sent with other content. Then the jar is started again: every
 * call that was in flight at the kill is retried under its key until it gets a definite answer within the idempotency
 * lease, and was performed once; new holds get ids never handed out before; every accepted round completes (taken
 * over after its lease) with its red project held; every accepted import ends (marked FAILED after its lease if its
 * node died); every audit chain verifies. The next trial's load runs on that restart. After the last trial the results
 * are applied until nothing is pending: Jixiao's applied adjustments are then exactly the changes the host holds.
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
    private static final int IMPORT_LEASE_SECONDS = 4;
    private static final java.util.concurrent.atomic.AtomicInteger CUT_OFFS = new java.util.concurrent.atomic.AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int trials = Integer.getInteger("crash.trials", 3);
    private final long killAfterMin = Long.getLong("crash.killAfterMinMillis", 1500);
    private final long killAfterMax = Long.getLong("crash.killAfterMaxMillis", 3000);
    private final Random random = new Random(Long.getLong("crash.seed", System.nanoTime()));

    @TempDir
    Path workDir;

    private JarProcess jar;
    private PgSchema pg;

    @AfterEach
    void cleanUp() throws Exception {
        if (jar != null) {
            jar.close();
        }
        if (pg != null) {
            pg.close();
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
        pg = PgSchema.create("jx_crash_");
        jar = new JarProcess(workDir, PORT);
        jar.copyConfig();
        String url = pg.url(PgSchema.serverUrl());
        jar.storeOnPostgresql(url);
        run(() -> DriverManager.getConnection(url));
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
        Files.writeString(workDir.resolve("config/io.jixiao.library.cfg"), "importLeaseSeconds = "
                + IMPORT_LEASE_SECONDS + "\n", StandardCharsets.UTF_8);
        StandInHost standIn = new StandInHost();
        com.sun.net.httpserver.HttpServer host = standIn.start();
        try {
            Files.writeString(workDir.resolve("config/io.jixiao.hostclient.cfg"), "protocol = REST\nurl = http://"
                    + "127.0.0.1:" + host.getAddress().getPort() + "/host\n", StandardCharsets.UTF_8);
            Files.writeString(workDir.resolve("config/io.jixiao.monitoring.rounds.cfg"), "leaseSeconds = "
                    + ROUND_LEASE_SECONDS + "\n", StandardCharsets.UTF_8);
            trials(database, standIn);
        } finally {
            host.stop(0);
        }
    }

    /**
     * The host platform's side: its ledger (one project on track, one far behind — red, held by every round — and, as
     * of December, the lines of the projects whose years the load closes), the requested amounts of the 2028 draft,
     * and the write-back of changes, each change id applied once and kept with its content hash: the same id again
     * with the same hash is a DUPLICATE, with another hash a CONFLICT that changes nothing (and is recorded here: Jixiao
     * must never send one).
     */
    static final class StandInHost {
        final Map<String, String> evaluatedAgencies = new ConcurrentHashMap<>(); // project -> agency
        final Map<String, String[]> applied = new ConcurrentHashMap<>(); // change id -> {hash, project, change}
        final List<String> conflicts = new CopyOnWriteArrayList<>();

        com.sun.net.httpserver.HttpServer start() throws java.io.IOException {
            com.sun.net.httpserver.HttpServer host = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            host.createContext("/host/ledger-lines", x -> answer(x, ledger(x.getRequestURI().getQuery())));
            host.createContext("/host/projects/lookup", x -> answer(x, "{\"PROJECTS\":[]}"));
            host.createContext("/host/allocations/requested-amounts", x -> answer(x, requested(read(x))));
            host.createContext("/host/allocations/changes", x -> answer(x, apply(read(x))));
            host.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "stand-in-host");
                t.setDaemon(true);
                return t;
            }));
            host.start();
            return host;
        }

        private static JsonNode read(com.sun.net.httpserver.HttpExchange x) throws java.io.IOException {
            return JSON.readTree(x.getRequestBody().readAllBytes());
        }

        private String ledger(String query) {
            StringBuilder lines = new StringBuilder("{\"PRO_CODE\":\"CRR-GREEN\",\"BGT_ID\":\"ZB-1\",\"AGENCY_CODE\":"
                    + "\"101001\",\"EXP_KIND\":\"PROJECT\",\"BUDGET_AMT\":1000000.00,\"PAID_AMT\":900000.00},"
                    + "{\"PRO_CODE\":\"CRR-RED\",\"BGT_ID\":\"ZB-2\",\"AGENCY_CODE\":\"101001\",\"EXP_KIND\":"
                    + "\"PROJECT\",\"BUDGET_AMT\":1000000.00,\"PAID_AMT\":10000.00}");
            int count = 2;
            if (query != null && query.contains("AS_OF=2026-12")) { // the evaluated projects' lines are posted in December
                for (Map.Entry<String, String> p : evaluatedAgencies.entrySet()) {
                    lines.append(",{\"PRO_CODE\":\"").append(p.getKey()).append("\",\"BGT_ID\":\"ZB-E\",\"AGENCY_CODE\":\"")
                            .append(p.getValue()).append("\",\"EXP_KIND\":\"PROJECT\",\"BUDGET_AMT\":1000000.00,"
                                    + "\"PAID_AMT\":900000.00}");
                    count++;
                }
            }
            return "{\"LINES\":[" + lines + "],\"TOTAL\":" + count + "}";
        }

        private String requested(JsonNode request) {
            StringBuilder projects = new StringBuilder();
            for (JsonNode code : request.path("PRO_CODES")) {
                String agency = evaluatedAgencies.get(code.asText());
                if (agency != null) {
                    projects.append(projects.length() == 0 ? "" : ",").append("{\"PRO_CODE\":\"").append(code.asText())
                            .append("\",\"AGENCY_CODE\":\"").append(agency).append("\",\"DEPT_CODE\":\"").append(agency)
                            .append("\",\"REQUESTED_AMT\":800000.00}");
                }
            }
            return "{\"PROJECTS\":[" + projects + "]}";
        }

        private synchronized String apply(JsonNode request) {
            StringBuilder results = new StringBuilder();
            for (JsonNode change : request.path("CHANGES")) {
                String id = change.path("CHANGE_ID").asText();
                String hash = change.path("CONTENT_HASH").asText();
                String[] before = applied.putIfAbsent(id, new String[] {hash, change.path("PRO_CODE").asText(),
                    change.path("CHANGE_AMT").decimalValue().setScale(2).toPlainString()});
                String outcome = before == null ? "APPLIED" : before[0].equals(hash) ? "DUPLICATE" : "CONFLICT";
                if (outcome.equals("CONFLICT")) {
                    conflicts.add(id + " applied with hash " + before[0] + ", sent again with " + hash + ": " + change);
                }
                results.append(results.length() == 0 ? "" : ",").append("{\"CHANGE_ID\":\"").append(id)
                        .append("\",\"OUTCOME\":\"").append(outcome).append("\"}");
            }
            return "{\"RESULTS\":[" + results + "]}";
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

    /**
     * Each account of the load logs in once before the load starts: a fresh node derives each password once (PBKDF2 at
     * 600,000 iterations, about a quarter of a second each), which would otherwise eat the first second of a trial
     * that lasts two.
     */
    private static void warmUp() throws Exception {
        for (String account : List.of("unit01", "finance01", "pay-module", "auditor01")) {
            HttpResponse<String> answer = send(account, "GET", "/goal-rules?MOF_DIV_CODE=" + REGION
                    + "&FISCAL_YEAR=2026", null, null);
            assertThat(answer.statusCode()).as(account + " logs in: " + answer.body()).isEqualTo(200);
        }
    }

    private void trials(Database database, StandInHost host) throws Exception {
        Ledger ledger = new Ledger(host);
        jar.start();
        for (int trial = 1; trial <= trials; trial++) {
            long killAfter = killAfterMin + (long) (random.nextDouble() * (killAfterMax - killAfterMin));
            List<Client> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(new Client(trial, c, ledger, new Random(random.nextLong())));
            }
            warmUp();
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
                ledger.spoolShipped(trial);
                ledger.resolveInFlight(trial);
                ledger.assertImportsEnd(trial);
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
        ledger.applyUntilNothingPending();
        jar.stop();
        try (Connection c = database.open()) {
            ledger.assertWrittenBackExactly(c);
            ledger.assertHeldPaymentsRecorded(c, "after the last stop: ", ledger.heldPayments);
        }
        assertThat(ledger.acknowledged()).as("the load acknowledged writes").isGreaterThan(trials * 10L);
        assertThat(ledger.scored).as("the load scored evaluations").isNotEmpty();
        assertThat(host.applied).as("the load wrote results back").isNotEmpty();
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
        final StandInHost host;
        final Map<Long, String[]> holds = new ConcurrentHashMap<>(); // id -> {project, reason}
        final Set<Long> released = ConcurrentHashMap.newKeySet();
        final Set<Long> releasing = ConcurrentHashMap.newKeySet();
        final Set<String> heldPayments = ConcurrentHashMap.newKeySet();
        final Set<String> heldPaymentsShipped = ConcurrentHashMap.newKeySet();
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
        final Map<Long, String> tasks = new ConcurrentHashMap<>(); // opened task -> project
        final Map<Long, Object[]> scored = new ConcurrentHashMap<>(); // task -> {total, grade}
        final Set<Long> adjusted = ConcurrentHashMap.newKeySet(); // tasks an answered result application covered
        final AtomicLong writeBacks = new AtomicLong();
        final Map<Long, List<String>> imports = new ConcurrentHashMap<>(); // accepted import -> its codes
        final Set<Long> importsDone = ConcurrentHashMap.newKeySet(); // answered DONE
        final Set<Long> importsEnded = ConcurrentHashMap.newKeySet();
        final AtomicLong importsFailed = new AtomicLong();

        Ledger(StandInHost host) {
            this.host = host;
        }

        long acknowledged() {
            return holds.size() + released.size() + heldPayments.size() + approvedGoals.size() + rounds.size()
                    + tasks.size() + scored.size() + writeBacks.get() + imports.size();
        }

        void task(long id, String project) {
            String before = tasks.putIfAbsent(id, project);
            if (before != null && !before.equals(project)) {
                wrongAnswers.add("task id " + id + " handed out again: for " + before + " and for " + project);
            }
        }

        /**
         * Every accepted import ends after the restart: DONE with its entries, or FAILED once its heartbeat is a lease
         * late (its node was killed).
         */
        void assertImportsEnd(int trial) throws Exception {
            long deadline = System.currentTimeMillis() + (IMPORT_LEASE_SECONDS * 3 + 30) * 1000L;
            for (Map.Entry<Long, List<String>> job : imports.entrySet()) {
                if (importsEnded.contains(job.getKey())) {
                    continue;
                }
                String status;
                while (true) {
                    HttpResponse<String> seen = send("finance01", "GET", "/library/imports/" + job.getKey(), null,
                            null);
                    assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
                    status = JSON.readTree(seen.body()).path("STATUS").asText();
                    if (!status.equals("CHECKING") && !status.equals("WRITING")) {
                        break;
                    }
                    assertThat(System.currentTimeMillis()).as("trial " + trial + ": import " + job.getKey()
                            + " ends after the restart: " + seen.body()).isLessThan(deadline);
                    Thread.sleep(200);
                }
                assertThat(status).as("trial " + trial + ": import " + job.getKey()).isIn("DONE", "FAILED");
                if (status.equals("DONE")) {
                    for (String code : job.getValue()) {
                        assertThat(send("finance01", "GET", "/library/indicators/" + code + "?MOF_DIV_CODE=" + REGION,
                                null, null).statusCode()).as("trial " + trial + ": entry " + code).isEqualTo(200);
                    }
                } else {
                    importsFailed.incrementAndGet();
                }
                importsEnded.add(job.getKey());
            }
        }

        /** After the last trial: results are applied until nothing is pending. */
        void applyUntilNothingPending() throws Exception {
            for (int run = 1; ; run++) {
                HttpResponse<String> applied = send("finance01", "POST", "/evaluations/result-applications",
                        "{\"MOF_DIV_CODE\":\"" + REGION + "\",\"FISCAL_YEAR\":2026}", null);
                assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
                if (JSON.readTree(applied.body()).path("PENDING").asInt() == 0) {
                    break;
                }
                assertThat(run).as("runs until nothing is pending: " + applied.body()).isLessThan(5);
            }
        }

        /**
         * Then Jixiao's applied adjustments are exactly the changes the host holds, with the same amounts, every score
         * has its adjustment, and no change id ever reached the host with other content.
         */
        void assertWrittenBackExactly(Connection c) throws Exception {
            Map<String, java.math.BigDecimal> jixiao = new java.util.HashMap<>();
            Set<Long> adjustedTasks = new java.util.HashSet<>();
            try (Statement q = c.createStatement(); ResultSet r = q.executeQuery(
                    "SELECT TASK_ID, STATUS, CHANGE_AMT FROM JX_EVAL_ADJUSTMENT")) {
                while (r.next()) {
                    adjustedTasks.add(r.getLong(1));
                    assertThat(r.getString(2)).as("adjustment of task " + r.getLong(1)).isIn("APPLIED", "NOT_IN_DRAFT");
                    if (r.getString(2).equals("APPLIED")) {
                        jixiao.put("JX-EV-" + r.getLong(1), r.getBigDecimal(3));
                    }
                }
            }
            assertThat(host.conflicts).as("change ids sent again with other content").isEmpty();
            assertThat(jixiao.keySet()).as("what Jixiao counts as applied is what the host holds")
                    .containsExactlyInAnyOrderElementsOf(host.applied.keySet());
            jixiao.forEach((id, amount) -> assertThat(new java.math.BigDecimal(host.applied.get(id)[2]))
                    .as("the change " + id + " at the host").isEqualByComparingTo(amount));
            assertThat(adjustedTasks).as("every acknowledged score is applied").containsAll(scored.keySet());
            System.out.printf("crash test write-back: %d scores, %d adjustments, %d applied at the host, 0 conflicts%n",
                    scored.size(), adjustedTasks.size(), host.applied.size());
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
            assertHeldPaymentsRecorded(c, when, heldPaymentsShipped);
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
            assertEvaluationsDurable(c, when);
            try (PreparedStatement job = c.prepareStatement("SELECT STATUS FROM JX_IMPORT_JOB WHERE JOB_ID = ?");
                    PreparedStatement entry = c.prepareStatement("SELECT COUNT(*) FROM JX_LIB_INDICATOR "
                            + "WHERE MOF_DIV_CODE = ? AND IND_CODE = ?")) {
                for (Map.Entry<Long, List<String>> accepted : imports.entrySet()) {
                    job.setLong(1, accepted.getKey());
                    try (ResultSet r = job.executeQuery()) {
                        assertThat(r.next()).as(when + "accepted import " + accepted.getKey()).isTrue();
                        if (importsDone.contains(accepted.getKey())) {
                            assertThat(r.getString(1)).as(when + "import answered DONE").isEqualTo("DONE");
                            for (String code : accepted.getValue()) {
                                entry.setString(1, REGION);
                                entry.setString(2, code);
                                assertThat(count(entry)).as(when + "imported entry " + code).isEqualTo(1);
                            }
                        }
                    }
                }
            }
        }

        /**
         * Opened tasks with their projects, scores with what was answered, an adjustment for every score an answered
         * result application covered; nothing counted as applied that the host does not hold with that amount, and
         * no change id sent with other content.
         */
        private void assertEvaluationsDurable(Connection c, String when) throws SQLException {
            try (PreparedStatement task = c.prepareStatement(
                    "SELECT PRO_CODE, STATUS, TOTAL, GRADE FROM JX_EVAL_TASK WHERE TASK_ID = ?")) {
                for (Map.Entry<Long, String> opened : tasks.entrySet()) {
                    task.setLong(1, opened.getKey());
                    try (ResultSet r = task.executeQuery()) {
                        assertThat(r.next()).as(when + "opened task " + opened.getKey()).isTrue();
                        assertThat(r.getString(1)).as(when + "task " + opened.getKey()).isEqualTo(opened.getValue());
                        Object[] score = scored.get(opened.getKey());
                        if (score != null) {
                            assertThat(r.getString(2)).as(when + "scored task " + opened.getKey()).isNotEqualTo("OPEN");
                            assertThat(r.getBigDecimal(3)).as(when + "total of task " + opened.getKey())
                                    .isEqualByComparingTo((java.math.BigDecimal) score[0]);
                            assertThat(r.getString(4)).as(when + "grade of task " + opened.getKey()).isEqualTo(score[1]);
                        }
                    }
                }
            }
            try (PreparedStatement adjustment = c.prepareStatement(
                    "SELECT TOTAL, GRADE FROM JX_EVAL_ADJUSTMENT WHERE TASK_ID = ?")) {
                for (long id : adjusted) {
                    adjustment.setLong(1, id);
                    try (ResultSet r = adjustment.executeQuery()) {
                        assertThat(r.next()).as(when + "adjustment of task " + id + " (an answered application)")
                                .isTrue();
                        assertThat(r.getBigDecimal(1)).as(when + "adjustment of task " + id)
                                .isEqualByComparingTo((java.math.BigDecimal) scored.get(id)[0]);
                        assertThat(r.getString(2)).isEqualTo(scored.get(id)[1]);
                    }
                }
            }
            try (Statement q = c.createStatement(); ResultSet r = q.executeQuery(
                    "SELECT TASK_ID, STATUS, CHANGE_AMT FROM JX_EVAL_ADJUSTMENT")) {
                while (r.next()) {
                    String id = "JX-EV-" + r.getLong(1);
                    assertThat(r.getString(2)).as(when + id).isNotEqualTo("CONFLICT");
                    if (r.getString(2).equals("APPLIED")) {
                        String[] atHost = host.applied.get(id);
                        assertThat(atHost).as(when + id + " counted as applied is at the host").isNotNull();
                        assertThat(new java.math.BigDecimal(atHost[2])).as(when + id + " at the host")
                                .isEqualByComparingTo(r.getBigDecimal(3));
                    }
                }
            }
            assertThat(host.conflicts).as(when + "change ids sent again with other content").isEmpty();
        }

        /**
         * A HOLD answer is in the database with its audit row, once each — before its answer, or (when the database
         * did not commit it within the check's budget) from the node's spool once the node is back. So the HOLD
         * answers of the trial just killed are checked once the restarted node has shipped its spool (at the next
         * kill, and after the last trial's stop); each of them is there at most once now.
         */
        void assertHeldPaymentsRecorded(Connection c, String when, Set<String> shipped) throws SQLException {
            try (PreparedStatement decision = c.prepareStatement("SELECT COUNT(*) FROM JX_PAY_DECISION "
                    + "WHERE PAY_APP_NO = ? AND OUTCOME = 'HOLD'");
                    PreparedStatement audit = c.prepareStatement("SELECT COUNT(*) FROM JX_AUDIT "
                            + "WHERE ACTION = 'PAYMENT_HELD' AND SUBJECT_ID = ?")) {
                for (String payment : heldPayments) {
                    decision.setString(1, payment);
                    audit.setString(1, "2026/" + REGION + "/" + payment);
                    if (shipped.contains(payment)) {
                        assertThat(count(decision)).as(when + "HOLD decision of " + payment).isEqualTo(1);
                        assertThat(count(audit)).as(when + "audit row of the HOLD answer to " + payment).isEqualTo(1);
                    } else {
                        assertThat(count(decision)).as(when + "HOLD decision of " + payment).isLessThanOrEqualTo(1);
                        assertThat(count(audit)).as(when + "audit row of " + payment).isLessThanOrEqualTo(1);
                    }
                }
            }
        }

        /** Waits until the restarted node has written what its spool held, and notes the HOLD answers given so far. */
        void spoolShipped(int trial) throws Exception {
            long deadline = System.currentTimeMillis() + 30_000L;
            while (true) {
                JsonNode status = JSON.readTree(send("auditor01", "GET", "/payment-guard/status?MOF_DIV_CODE=" + REGION,
                        null, null).body());
                if (status.path("JOURNAL_BACKLOG_BYTES").asLong(-1) == 0) {
                    break;
                }
                assertThat(System.currentTimeMillis()).as("trial " + trial + ": the restarted node ships its spool: "
                        + status).isLessThan(deadline);
                Thread.sleep(100);
            }
            heldPaymentsShipped.addAll(heldPayments);
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
                } else if (c[1].startsWith("/holds/")) {
                    long id = Long.parseLong(c[1].replaceAll("\\D", ""));
                    releasing.remove(id);
                    released.add(id);
                } // else a result application: answered, whatever it applied (checked after the last trial)
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
                    + "%d HOLD answers, %d approvals, %d rounds (all completed with their holds), %d replays, %d imports "
                    + "(%d answered DONE, %d ended FAILED with their node), %d tasks opened, %d scores, %d result "
                    + "applications covering %d scores, %d changes at the host; in-flight calls resolved %d (%d "
                    + "performed after the restart); lost 0%n", trial, killAfter, holds.size(), released.size(),
                    heldPayments.size(), approvedGoals.size(), rounds.size(), replays.get(), imports.size(),
                    importsDone.size(), importsFailed.get(), tasks.size(), scored.size(), writeBacks.get(),
                    adjusted.size(), host.applied.size(), resolved, resolvedPerformed);
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
                    if (op < 30 || mine.isEmpty()) {
                        placeHold();
                    } else if (op < 42) {
                        release();
                    } else if (op < 68) {
                        checkPayment();
                    } else if (op < 77) {
                        approveGoal();
                    } else if (op < 87) {
                        score();
                    } else if (op < 93) {
                        importIndicators();
                    } else if (op < 97) {
                        applyResults();
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
            approve("CR" + trial + "-" + client + "-G" + (++n), "101001");
        }

        private void approve(String project, String agency) throws Exception {
            HttpResponse<String> created = send("unit01", "POST", "/goals", goalBody(project, agency), null);
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

        /** The final accounts close an agency's year; the unit scores the self-evaluation that opens. */
        private void score() throws Exception {
            int k = ++n;
            String project = "CRE" + trial + "-" + client + "-" + k;
            String agency = String.format("2%02d%d%05d", trial, client, k);
            approve(project, agency);
            ledger.host.evaluatedAgencies.put(project, agency);
            HttpResponse<String> closed = send("pay-module", "POST", "/evaluations/year-closings", "{\"MOF_DIV_CODE\":\""
                    + REGION + "\",\"FISCAL_YEAR\":2026,\"AGENCY_CODE\":\"" + agency + "\",\"OPERATOR\":\"juesuan"
                    + client + "\"}", null);
            expect(closed, 200);
            JsonNode opened = JSON.readTree(closed.body()).path("OPENED");
            if (opened.size() != 1 || !opened.get(0).path("PRO_CODE").asText().equals(project)) {
                throw new AssertionError("closing the year of " + agency + " answered " + closed.body());
            }
            long task = opened.get(0).path("TASK_ID").asLong();
            ledger.task(task, project);
            String indicators = "{\"INDICATORS\":[{\"LINE\":1,\"ACTUAL\":" + (6000 + random.nextInt(8000))
                    + "},{\"LINE\":2,\"ACTUAL\":" + (12 + random.nextInt(16)) + "},{\"LINE\":3,\"ACHIEVEMENT\":"
                    + "\"ACHIEVED\",\"PERCENT\":" + (80 + random.nextInt(21)) + "},{\"LINE\":4,\"ACTUAL\":"
                    + (40 + random.nextInt(61)) + "}]}";
            HttpResponse<String> card = send("unit01", "POST", "/evaluations/tasks/" + task + "/self-evaluation",
                    indicators, null);
            expect(card, 200);
            JsonNode scorecard = JSON.readTree(card.body());
            ledger.scored.put(task, new Object[] {scorecard.path("TOTAL").decimalValue(),
                scorecard.path("GRADE").asText()});
        }

        /** Finance applies the year's results: written back to the host's 2028 draft. */
        private void applyResults() throws Exception {
            Set<Long> scoredBefore = Set.copyOf(ledger.scored.keySet());
            String key = UUID.randomUUID().toString();
            String path = "/evaluations/result-applications";
            String body = "{\"MOF_DIV_CODE\":\"" + REGION + "\",\"FISCAL_YEAR\":2026}";
            ledger.inFlight.put(key, new String[] {"finance01", path, body});
            HttpResponse<String> run = send("finance01", "POST", path, body, key);
            if (run.statusCode() == 409 && run.body().contains("another run")) {
                ledger.inFlight.remove(key); // a run of another client recorded some of them first: nothing here
                return;
            }
            expect(run, 200);
            if (JSON.readTree(run.body()).path("CONFLICTS").asInt() != 0) {
                throw new AssertionError("a result application met conflicts: " + run.body());
            }
            ledger.adjusted.addAll(scoredBefore);
            ledger.writeBacks.incrementAndGet();
            ledger.inFlight.remove(key);
        }

        /** Finance imports a file of two new indicators and watches it to its end. */
        private void importIndicators() throws Exception {
            int k = ++n;
            List<String> codes = List.of("CRI-" + trial + "-" + client + "-" + k + "-A",
                    "CRI-" + trial + "-" + client + "-" + k + "-B");
            String csv = "指标编码,指标类型,二级指标,三级指标,计算符号,生效日期\n" + codes.get(0)
                    + ",共性指标,数量指标,崩溃测试培训人次,1,2026-01-01\n" + codes.get(1)
                    + ",共性指标,质量指标,崩溃测试验收合格率,1,2026-01-01\n";
            HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(REST + "/library/imports"
                    + "?MOF_DIV_CODE=" + REGION + "&FILE_NAME=crash-" + k + ".csv")).timeout(Duration.ofSeconds(20))
                    .header("Authorization", basic("finance01")).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            expect(accepted, 202);
            long job = JSON.readTree(accepted.body()).path("JOB_ID").asLong();
            ledger.imports.put(job, codes);
            for (int i = 0; i < 100; i++) {
                HttpResponse<String> seen = send("finance01", "GET", "/library/imports/" + job, null, null);
                expect(seen, 200);
                String status = JSON.readTree(seen.body()).path("STATUS").asText();
                if (status.equals("DONE")) {
                    ledger.importsDone.add(job);
                    ledger.importsEnded.add(job);
                    return;
                }
                if (!status.equals("CHECKING") && !status.equals("WRITING")) {
                    throw new AssertionError("import " + job + " answered " + seen.body());
                }
                Thread.sleep(50);
            }
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

    private static String goalBody(String project, String agency) {
        return "{\"MOF_DIV_CODE\":\"" + REGION + "\",\"FISCAL_YEAR\":2026,\"AGENCY_CODE\":\"" + agency + "\",\"PRO_CODE\":\""
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

    private static String basic(String account) {
        return "Basic " + Base64.getEncoder().encodeToString((account + ":jixiao-demo").getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(String account, String method, String path, String json, String key)
            throws java.io.IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(REST + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", basic(account));
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
