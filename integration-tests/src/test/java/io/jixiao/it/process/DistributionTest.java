package io.jixiao.it.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job as a newcomer runs it: {@code java -jar distribution/target/jixiao.jar} from a directory
 * holding {@code config/}. It announces its URLs when ready, stops cleanly on SIGTERM (what Ctrl-C sends the
 * JVM as SIGINT is handled by the same shutdown hook) and keeps its data across a restart.
 */
class DistributionTest {
    private static final int PORT = 18381;
    private static final int TLS_PORT = 18443;
    private static final String REST = "http://127.0.0.1:" + PORT + "/jixiao/api/v1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    private JarProcess jar;

    @BeforeEach
    void jar() {
        jar = new JarProcess(workDir, PORT);
    }

    @AfterEach
    void kill() throws InterruptedException {
        jar.close();
    }

    @Test
    void startsAnnouncesStopsCleanlyAndKeepsItsDataAcrossARestart() throws Exception {
        jar.copyConfig();

        jar.start();
        assertThat(String.join("\n", jar.output())).contains(REST + "/openapi.json", "/jixiao/soap/payment-guard?wsdl");
        HttpResponse<String> placed = post("finance01", "/holds", "{\"MOF_DIV_CODE\":\"440100000\","
                + "\"TARGET_TYPE\":\"PROJECT\",\"PRO_CODE\":\"ALT-2026-01\",\"HOLD_KIND\":\"SUSPEND\","
                + "\"REASON\":\"8月监控：执行率偏低\"}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String holdId = field(placed.body(), "HOLD_ID");
        String check = "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,\"PAY_APP_NO\":\"ZF-1\","
                + "\"AGENCY_CODE\":\"654301\",\"PRO_CODE\":\"ALT-2026-01\",\"BGT_ID\":\"ZB-9\",\"PAY_APP_AMT\":300000.00,"
                + "\"EXP_KIND\":\"PROJECT\",\"OPERATOR\":\"teller1\"}";
        assertThat(post("pay-module", "/payment-guard/checks", check).body()).contains("\"DECISION\":\"HOLD\"");
        HttpResponse<String> rules = post("finance01", "/goal-rules", "{\"MOF_DIV_CODE\":\"440100000\","
                + "\"FROM_YEAR\":2027,\"BASE_REVISION\":0,\"RULES\":{\"indicators.min.DEVELOPMENT\":\"9\"},"
                + "\"REASON\":\"穗财绩〔2026〕1号\"}");
        assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
        // a UsernameToken is used once on the whole node: its nonce seen by one service is a replay on another
        String token = usernameToken("auditor01", java.time.Instant.now().toString());
        String getHold = "<x:HOLD_ID>" + holdId + "</x:HOLD_ID>";
        assertThat(send("goals", "GetGoal", envelope(token, "goals", "GetGoal", "<x:GOAL_ID>1</x:GOAL_ID>"
                + "<x:VERSION>1</x:VERSION>"))).doesNotContain("FailedAuthentication");
        assertThat(send("payment-guard", "GetHold", envelope(token, "payment-guard", "GetHold", getHold)))
                .as("the same nonce on another service").contains("FailedAuthentication");
        String captured = envelope(usernameToken("auditor01", java.time.Instant.now().toString()), "payment-guard",
                "GetHold", getHold);
        assertThat(send("payment-guard", "GetHold", captured)).contains("<STATUS>ACTIVE</STATUS>");

        jar.stop();
        assertThat(String.join("\n", jar.output())).contains("Jixiao stopped.");
        assertQuiet(jar.output());
        assertThat(workDir.resolve("data/jixiao.mv.db")).exists();
        assertThat(workDir.resolve("logs/jixiao.log")).content().contains("Jixiao is ready");

        jar.output().clear();
        jar.start();
        HttpResponse<String> hold = HTTP.send(HttpRequest.newBuilder(URI.create(REST + "/holds/" + holdId))
                .header("Authorization", basic("auditor01")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(hold.statusCode()).isEqualTo(200);
        assertThat(hold.body()).contains("\"STATUS\":\"ACTIVE\"", "8月监控：执行率偏低");
        assertThat(post("pay-module", "/payment-guard/checks", check.replace("ZF-1", "ZF-2")).body())
                .contains("\"DECISION\":\"HOLD\"", "\"HOLD_ID\":" + holdId);
        HttpResponse<String> kept = HTTP.send(HttpRequest.newBuilder(URI.create(REST
                + "/goal-rules?MOF_DIV_CODE=440100000&FISCAL_YEAR=2027")).header("Authorization", basic("finance01"))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(kept.body()).as("a rule change survives the restart")
                .contains("\"RULE_SET\":\"440100000/2027#1\"", "\"indicators.min.DEVELOPMENT\":\"9\"");
        // an envelope captured before the restart, its Created well within the freshness window: refused, since
        // the node no longer knows which nonces it saw
        assertThat(send("payment-guard", "GetHold", captured)).as("replayed after the restart")
                .contains("FailedAuthentication");
        assertThat(soap("auditor01", "payment-guard", "GetHold", getHold)).contains("<STATUS>ACTIVE</STATUS>");
        jar.stop();
        assertQuiet(jar.output());
    }

    /**
     * A framework without the JAX-RS {@code RuntimeDelegate} property (a vendor's own Felix) would answer 500 to
     * every REST call: the node says it is not ready, and one ERROR names the property and its value.
     */
    @Test
    void withoutTheRuntimeDelegatePropertyTheNodeSaysItIsNotReadyAndWhy() throws Exception {
        jar.copyConfig();
        Path readiness = workDir.resolve("config/io.jixiao.runtime.readiness.cfg");
        Files.writeString(readiness, Files.readString(readiness).replace("probeTimeoutMillis = 60000",
                "probeTimeoutMillis = 20000"));
        jar.startUntil("Jixiao is not ready", "-Djavax.ws.rs.ext.RuntimeDelegate=org.example.NoSuchDelegate");
        Thread.sleep(500);
        List<String> errors = jar.output().stream().filter(l -> l.contains(" ERROR ")).toList();
        assertThat(errors).singleElement().asString().contains("javax.ws.rs.ext.RuntimeDelegate",
                "org.apache.cxf.jaxrs.impl.RuntimeDelegateImpl");
        assertThat(jar.output()).anyMatch(l -> l.contains("Jixiao is not ready") && l.contains("[rest]"))
                .noneMatch(l -> l.contains("Jixiao is ready")).noneMatch(l -> l.startsWith("\tat "));
    }

    /** A clean start, its calls and its stop log no ERROR, no WARN and no stack trace (issues 23 and 24). */
    private static void assertQuiet(List<String> output) {
        assertThat(output).as("the node's log").noneMatch(line -> line.contains(" ERROR ") || line.contains(" WARN ")
                || line.startsWith("\tat ") || line.startsWith("Caused by:") || line.startsWith("SEVERE")
                || line.startsWith("WARNING"));
    }

    /**
     * Issue 7: PASS answers a node gave just before it was killed (SIGKILL: no shutdown, nothing flushed by Java)
     * are in the decision table after the restart, once each. The flush interval is set far beyond the test so that
     * no decision reaches the database before the kill: they can only come from the spool.
     */
    @Test
    void passDecisionsAnsweredBeforeAKillAreWrittenOnceAfterTheRestart() throws Exception {
        jar.copyConfig();
        Path guard = workDir.resolve("config/io.jixiao.monitoring.guard.cfg");
        String configured = Files.readString(guard, StandardCharsets.UTF_8);
        Files.writeString(guard, configured.replace("journal.flushIntervalMillis = 200",
                "journal.flushIntervalMillis = 600000").replace("journal.batchSize = 500", "journal.batchSize = 100000"),
                StandardCharsets.UTF_8);
        assertThat(Files.readString(guard, StandardCharsets.UTF_8)).contains("journal.flushIntervalMillis = 600000");

        jar.start();
        for (int i = 0; i < 40; i++) {
            String check = "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,\"PAY_APP_NO\":\"KILL-" + i
                    + "\",\"AGENCY_CODE\":\"654301\",\"PRO_CODE\":\"ALT-2026-02\",\"BGT_ID\":\"ZB-9\","
                    + "\"PAY_APP_AMT\":1000.00,\"EXP_KIND\":\"PROJECT\",\"OPERATOR\":\"teller1\"}";
            assertThat(post("pay-module", "/payment-guard/checks", check).body()).contains("\"DECISION\":\"PASS\"");
        }
        jar.kill();
        assertThat(passesRecorded()).as("nothing reached the database before the kill").isZero();

        Files.writeString(guard, configured, StandardCharsets.UTF_8);
        jar.output().clear();
        jar.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Files.readString(workDir.resolve("logs/jixiao.log"), StandardCharsets.UTF_8)
                .contains("40 decisions an earlier run left unwritten")) {
            assertThat(System.currentTimeMillis()).as("the spool is shipped after the restart").isLessThan(deadline);
            Thread.sleep(200);
        }
        jar.stop(); // a clean stop writes what the journal holds
        assertThat(passesRecorded()).isEqualTo(40);
    }

    /** PASS decisions of the KILL- applications in the stopped jar's H2 database, each application counted once. */
    private int passesRecorded() throws java.sql.SQLException {
        String url = "jdbc:h2:" + workDir.resolve("data/jixiao").toAbsolutePath() + ";MODE=Oracle";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
                java.sql.ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*), COUNT(DISTINCT PAY_APP_NO) "
                        + "FROM JX_PAY_DECISION WHERE PAY_APP_NO LIKE 'KILL-%' AND OUTCOME = 'PASS'")) {
            r.next();
            assertThat(r.getInt(1)).as("no decision written twice").isEqualTo(r.getInt(2));
            return r.getInt(1);
        }
    }

    /**
     * Issue 6 on the running jar: the host client configured to a ledger URL (a stand-in for the host's REST ledger,
     * served here on loopback), a round started over REST, followed over REST and SOAP, its red project held at the
     * payment guard until the rectification is accepted.
     */
    @Test
    void aRoundRunsAgainstAConfiguredLedgerUrlAndItsHoldStopsThePaymentUntilReleased() throws Exception {
        com.sun.net.httpserver.HttpServer host = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        host.createContext("/host/ledger-lines", x -> {
            byte[] body = ("{\"LINES\":[{\"PRO_CODE\":\"GZ-MON-1\",\"BGT_ID\":\"ZB-1\",\"AGENCY_CODE\":\"101001\","
                    + "\"EXP_KIND\":\"PROJECT\",\"BUDGET_AMT\":1000000.00,\"PAID_AMT\":700000.00},"
                    + "{\"PRO_CODE\":\"GZ-MON-2\",\"BGT_ID\":\"ZB-2\",\"AGENCY_CODE\":\"101001\","
                    + "\"EXP_KIND\":\"PROJECT\",\"BUDGET_AMT\":1000000.00,\"PAID_AMT\":50000.00}],\"TOTAL\":2}")
                    .getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        host.createContext("/host/projects/lookup", x -> {
            x.getRequestBody().readAllBytes();
            byte[] body = "{\"PROJECTS\":[]}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        host.start();
        try {
            jar.copyConfig();
            Files.writeString(workDir.resolve("config/io.jixiao.hostclient.cfg"), "protocol = REST\nurl = http://127.0.0.1:"
                    + host.getAddress().getPort() + "/host\n");
            jar.start();
            HttpResponse<String> started = post("finance01", "/monitoring/rounds",
                    "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,\"CUT_OFF\":\"2026-07-31\"}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String location = started.headers().firstValue("Location").orElseThrow();
            String round = "";
            for (long deadline = System.currentTimeMillis() + 60_000; System.currentTimeMillis() < deadline; ) {
                round = HTTP.send(HttpRequest.newBuilder(URI.create(location)).header("Authorization",
                        basic("auditor01")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
                if (!round.contains("\"STATUS\":\"QUEUED\"") && !round.contains("\"STATUS\":\"RUNNING\"")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(round).contains("\"STATUS\":\"COMPLETED\"", "\"PERCENT\":100", "\"HOLDS\":1");
            String roundId = field(round, "ROUND_ID");

            String alerts = HTTP.send(HttpRequest.newBuilder(URI.create(REST + "/monitoring/rounds/" + roundId
                    + "/alerts?MIN_LEVEL=RED")).header("Authorization", basic("finance01")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            assertThat(alerts).contains("\"PRO_CODE\":\"GZ-MON-2\"", "\"LEVEL\":\"RED\"")
                    .doesNotContain("GZ-MON-1");
            String holdId = field(alerts, "HOLD_ID");
            String alertId = field(alerts, "ALERT_ID");

            String soap = soap("auditor01", "monitoring", "ListMonitoringAlerts", "<x:ROUND_ID>" + roundId
                    + "</x:ROUND_ID><x:MIN_LEVEL>RED</x:MIN_LEVEL>");
            assertThat(soap).contains("<PRO_CODE>GZ-MON-2</PRO_CODE>", "<HOLD_ID>" + holdId + "</HOLD_ID>");

            String check = "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,\"PAY_APP_NO\":\"ZF-M1\","
                    + "\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\"GZ-MON-2\",\"BGT_ID\":\"ZB-2\","
                    + "\"PAY_APP_AMT\":30000.00,\"EXP_KIND\":\"PROJECT\",\"OPERATOR\":\"teller1\"}";
            assertThat(post("pay-module", "/payment-guard/checks", check).body())
                    .contains("\"DECISION\":\"HOLD\"", "\"HOLD_ID\":" + holdId);
            assertThat(post("unit01", "/monitoring/alerts/" + alertId + "/rectification",
                    "{\"REASON\":\"已调整实施计划\"}").body()).contains("\"STATUS\":\"RECTIFIED\"");
            assertThat(post("finance01", "/monitoring/alerts/" + alertId + "/release",
                    "{\"REASON\":\"整改到位, 恢复拨款\"}").body()).contains("\"STATUS\":\"CLOSED\"");
            assertThat(post("pay-module", "/payment-guard/checks", check.replace("ZF-M1", "ZF-M2")).body())
                    .contains("\"DECISION\":\"PASS\"");
            jar.stop();
        } finally {
            host.stop(0);
        }
    }

    /** A stand-in host answering one JSON body per path, recording what it was sent. */
    private static com.sun.net.httpserver.HttpServer host(Map<String, String> answers, List<String> received)
            throws IOException {
        com.sun.net.httpserver.HttpServer host = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        answers.forEach((path, answer) -> host.createContext(path, x -> {
            received.add(x.getRequestURI().getPath() + " " + new String(x.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        }));
        host.start();
        return host;
    }

    /**
     * Issue 8 on the running jar: the final accounts close a year for an agency (REST), the unit scores the opened
     * self-evaluation (SOAP), finance spot-checks it (REST) and applies the re-evaluated result, written back into the
     * host's 2028 compilation (REST to a stand-in host on loopback); the city evaluates a district's finances (REST,
     * SOAP) and its grade is written back into the district's 2028 transfer payments.
     */
    @Test
    void fromTheFinalAccountsCloseToTheWrittenBackAllocation() throws Exception {
        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer host = host(Map.of(
                "/host/ledger-lines", "{\"LINES\":[{\"PRO_CODE\":\"GZ-EV-1\",\"BGT_ID\":\"ZB-1\",\"AGENCY_CODE\":"
                        + "\"101001\",\"EXP_KIND\":\"PROJECT\",\"BUDGET_AMT\":1000000.00,\"PAID_AMT\":500000.00}]}",
                "/host/projects/lookup", "{\"PROJECTS\":[]}",
                "/host/allocations/requested-amounts", "{\"PROJECTS\":[{\"PRO_CODE\":\"GZ-EV-1\",\"AGENCY_CODE\":"
                        + "\"101001\",\"DEPT_CODE\":\"101\",\"REQUESTED_AMT\":800000.00}]}",
                "/host/allocations/changes", "{\"RESULTS\":[{\"CHANGE_ID\":\"JX-EV-1001\",\"OUTCOME\":\"APPLIED\"}]}",
                "/host/transfers/allocated-amounts", "{\"TRANSFERS\":[{\"RECIPIENT_DIV_CODE\":\"440106000\","
                        + "\"ALLOCATED_AMT\":30000000.00}]}",
                "/host/transfers/changes", "{\"RESULTS\":[{\"CHANGE_ID\":\"JX-CE-1\",\"OUTCOME\":\"APPLIED\"}]}"),
                received);
        try {
            jar.copyConfig();
            Files.writeString(workDir.resolve("config/io.jixiao.hostclient.cfg"), "protocol = REST\nurl = http://127.0.0.1:"
                    + host.getAddress().getPort() + "/host\n");
            jar.start();
            // a goal of eight indicators ≥ 100 人 (output: 1, 2, 5, 6; benefit: 3, 7, 8; satisfaction: 4)
            String[] level2 = {"QUANTITY", "COST", "SOCIAL", "SATISFACTION", "QUALITY", "TIMELINESS", "ECONOMIC",
                "ECOLOGICAL"};
            StringBuilder indicators = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                indicators.append(i == 0 ? "" : ",").append("{\"KPI_LV2\":\"").append(level2[i])
                        .append("\",\"KPI_CONTENT\":\"指标").append(i).append("\",\"COMPUTESIGN\":1,\"KPI_VAL\":\"100\","
                                + "\"METERUNIT\":\"人\",\"WEIGHT\":11.25}");
            }
            HttpResponse<String> drafted = post("unit01", "/goals", "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":"
                    + "2026,\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\"GZ-EV-1\",\"PROJECT_CLASS\":\"DEVELOPMENT\","
                    + "\"PROJECT_LEVEL\":\"FIRST\",\"BUDGET_KIND\":\"GENERAL_PUBLIC\",\"AMOUNT\":1000000.00,"
                    + "\"NEW_PROJECT\":false,\"RECURRING\":true,\"KPI_TARGET\":\"年度目标\",\"INDICATORS\":["
                    + indicators + "]}");
            assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
            String goalId = field(drafted.body(), "GOAL_ID");
            assertThat(post("unit01", "/goals/" + goalId + "/versions/1/submission", "{}").statusCode()).isEqualTo(200);
            HttpResponse<String> approved = post("finance01", "/goals/" + goalId + "/versions/1/approval", "{}");
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

            HttpResponse<String> closed = post("pay-module", "/evaluations/year-closings", "{\"MOF_DIV_CODE\":"
                    + "\"440100000\",\"FISCAL_YEAR\":2026,\"AGENCY_CODE\":\"101001\",\"OPERATOR\":\"juesuan.li\"}");
            assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
            String taskId = field(closed.body(), "TASK_ID");
            assertThat(taskId).isEqualTo("1");

            // output lines at 60 → 30; benefit 30; satisfaction 10; execution 50 % → 5: 75.00 中
            StringBuilder lines = new StringBuilder();
            String[] actual = {"60", "60", "100", "100", "60", "60", "100", "100"};
            for (int line = 1; line <= 8; line++) {
                lines.append("<x:INDICATOR><x:LINE>").append(line).append("</x:LINE><x:ACTUAL>").append(actual[line - 1])
                        .append("</x:ACTUAL></x:INDICATOR>");
            }
            String card = soap("unit01", "evaluation", "SubmitSelfEvaluation", "<x:TASK_ID>" + taskId + "</x:TASK_ID>"
                    + lines);
            assertThat(card).contains("<TOTAL>75.00</TOTAL>", "<GRADE_ZH>中</GRADE_ZH>");

            // finance re-evaluates it: the output lines at 20 → 10; 10 + 30 + 10 + 5 = 55.00 差, 20 below: flagged
            HttpResponse<String> assigned = post("finance01", "/evaluations/assignments", "{\"MOF_DIV_CODE\":"
                    + "\"440100000\",\"FISCAL_YEAR\":2026,\"KIND\":\"SPOT_CHECK\",\"PRO_CODES\":[\"GZ-EV-1\"]}");
            assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
            String spotId = field(assigned.body(), "TASK_ID");
            assertThat(spotId).as("the second block of task ids").isEqualTo("1001");
            StringBuilder lower = new StringBuilder();
            String[] checked = {"20", "20", "100", "100", "20", "20", "100", "100"};
            for (int line = 1; line <= 8; line++) {
                lower.append(line == 1 ? "" : ",").append("{\"LINE\":").append(line).append(",\"ACTUAL\":")
                        .append(checked[line - 1]).append('}');
            }
            HttpResponse<String> recheck = post("finance01", "/evaluations/tasks/" + spotId + "/evaluation",
                    "{\"INDICATORS\":[" + lower + "]}");
            assertThat(recheck.statusCode()).as(recheck.body()).isEqualTo(200);
            assertThat(recheck.body()).contains("\"TOTAL\":55.00", "\"GRADE\":\"POOR\"");
            assertThat(get("finance01", "/evaluations/tasks/" + spotId).body()).contains("\"GAP\":-20.00",
                    "\"GAP_FLAGGED\":true");

            HttpResponse<String> run = post("finance01", "/evaluations/result-applications",
                    "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026}");
            assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
            assertThat(run.body()).as("差 from the spot check: CANCEL").contains("\"TARGET_YEAR\":2028",
                    "\"APPLIED\":1", "\"CHANGE_AMT\":-800000.00");
            assertThat(received).anySatisfy(r -> assertThat(r).startsWith("/host/allocations/changes")
                    .contains("\"CHANGE_ID\":\"JX-EV-1001\"", "\"CHANGE_AMT\":-800000.00", "\"FISCAL_YEAR\":2028"));

            // the city evaluates the district's finances; its grade cuts the district's 2028 transfer payments
            // a new rule set of the region from 2026 (none yet: base revision 0), the rest inherited from 2020's
            HttpResponse<String> ruled = post("finance01", "/goal-rules", "{\"MOF_DIV_CODE\":\"440100000\","
                    + "\"FROM_YEAR\":2026,\"BASE_REVISION\":0,\"RULES\":{\"result.transfer.action.FAIR\":"
                    + "\"CUT:5\"},\"REASON\":\"下级政府财政运行综合绩效与转移支付分配挂钩\"}");
            assertThat(ruled.statusCode()).as(ruled.body()).isEqualTo(200);
            HttpResponse<String> opened = post("finance01", "/evaluations/comprehensive", "{\"MOF_DIV_CODE\":"
                    + "\"440100000\",\"FISCAL_YEAR\":2026,\"MOF_DIV_CODES\":[\"440106000\"]}");
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
            String evaluationId = field(opened.body(), "EVALUATION_ID");
            assertThat(evaluationId).isEqualTo("1");
            // 50 of 60 + 25 of 40 = 75.00 中
            String regionCard = soap("finance01", "evaluation", "SubmitComprehensiveEvaluation", "<x:EVALUATION_ID>"
                    + evaluationId + "</x:EVALUATION_ID><x:CRITERION><x:DIMENSION>财政收入</x:DIMENSION><x:NAME>"
                    + "收入质量</x:NAME><x:POINTS>60</x:POINTS><x:SCORE>50</x:SCORE></x:CRITERION><x:CRITERION>"
                    + "<x:DIMENSION>债务风险</x:DIMENSION><x:NAME>债务率</x:NAME><x:POINTS>40</x:POINTS><x:SCORE>25"
                    + "</x:SCORE></x:CRITERION>");
            assertThat(regionCard).contains("<TOTAL>75.00</TOTAL>", "<GRADE_ZH>中</GRADE_ZH>");
            HttpResponse<String> transferRun = post("finance01", "/evaluations/comprehensive/result-applications",
                    "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026}");
            assertThat(transferRun.statusCode()).as(transferRun.body()).isEqualTo(200);
            assertThat(transferRun.body()).as("中: CUT:5 of 30,000,000.00").contains("\"APPLIED\":1",
                    "\"CHANGE_AMT\":-1500000.00");
            assertThat(received).anySatisfy(r -> assertThat(r).startsWith("/host/transfers/changes")
                    .contains("\"CHANGE_ID\":\"JX-CE-1\"", "\"RECIPIENT_DIV_CODE\":\"440106000\"",
                            "\"CHANGE_AMT\":-1500000.00", "\"FISCAL_YEAR\":2028"));
            jar.stop();
        } finally {
            host.stop(0);
        }
    }

    /** TLS from a configured keystore: HTTPS only, with a certificate the client trusts. */
    @Test
    void servesTlsFromAConfiguredKeystore() throws Exception {
        jar.copyConfig();
        Path keystore = workDir.resolve("jixiao.p12");
        String keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool").toString();
        Process generate = new ProcessBuilder(keytool, "-genkeypair", "-keystore", keystore.toString(), "-storetype",
                "PKCS12", "-storepass", "changeit", "-keypass", "changeit", "-alias", "jixiao", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1")
                .redirectErrorStream(true).start();
        assertThat(generate.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(generate.exitValue()).as(new String(generate.getInputStream().readAllBytes())).isZero();

        jar.start("-Dorg.apache.felix.http.enable=false", "-Dorg.apache.felix.https.enable=true",
                "-Dorg.osgi.service.http.port.secure=" + TLS_PORT,
                "-Dorg.apache.felix.https.keystore=" + keystore, "-Dorg.apache.felix.https.keystore.password=changeit",
                "-Dorg.apache.felix.https.keystore.key.password=changeit");
        assertThat(String.join("\n", jar.output())).contains("https://127.0.0.1:" + TLS_PORT + "/jixiao/api/v1");

        java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            trusted.load(in, "changeit".toCharArray());
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        HttpClient https = HttpClient.newBuilder().sslContext(tls).build();
        HttpResponse<String> check = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + TLS_PORT
                + "/jixiao/api/v1/payment-guard/checks")).header("Content-Type", "application/json")
                .header("Authorization", basic("pay-module"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,"
                        + "\"PAY_APP_NO\":\"TLS-1\",\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\"P1\",\"BGT_ID\":\"B1\","
                        + "\"PAY_APP_AMT\":1.00,\"EXP_KIND\":\"PROJECT\",\"OPERATOR\":\"teller1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.body()).contains("\"DECISION\":\"PASS\"");
        jar.stop();
    }

    /** Replays every request of docs/getting-started.md, in order, against a fresh jar and compares the answers. */
    @Test
    void gettingStartedAnswersAsDocumented() throws Exception {
        answersAsDocumented("getting-started.md", 10);
    }

    /** Replays every request of docs/rectification.md, in order, against a fresh jar and compares the answers. */
    @Test
    void rectificationAnswersAsDocumented() throws Exception {
        answersAsDocumented("rectification.md", 10);
    }

    private void answersAsDocumented(String page, int atLeast) throws Exception {
        jar.copyConfig();
        jar.start();
        List<String[]> examples = documentedExamples(Paths.get(System.getenv("JIXIAO_DOCS_DIR"), page));
        assertThat(examples).hasSizeGreaterThanOrEqualTo(atLeast);
        ObjectMapper json = new ObjectMapper();
        for (String[] example : examples) {
            String command = example[0].replace("127.0.0.1:8181", "127.0.0.1:" + PORT);
            // from the repository's root, where the README's commands run
            Process curl = new ProcessBuilder("bash", "-c", command).directory(Paths.get(System.getenv(
                    "JIXIAO_DOCS_DIR")).toAbsolutePath().getParent().toFile()).redirectErrorStream(true).start();
            String answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String expected = example[2].trim().replace("127.0.0.1:8181", "127.0.0.1:" + PORT);
            if (example[1].equals("json")) {
                assertThat(withoutTimestamps(json.readTree(answer))).as(command)
                        .isEqualTo(withoutTimestamps(json.readTree(expected)));
            } else {
                // hashes depend on the moment of each write
                assertThat(answer.replaceAll("[0-9a-f]{64}", "<sha256>")).as(command)
                        .isEqualTo(expected.replaceAll("[0-9a-f]{64}", "<sha256>"));
            }
        }
        jar.stop();
    }

    /** Pairs of a {@code bash} block and the {@code json response} or {@code xml response} block after it. */
    static List<String[]> documentedExamples(Path markdown) throws IOException {
        List<String[]> examples = new java.util.ArrayList<>();
        List<String> lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
        String pendingCommand = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```") || line.equals("```")) {
                continue;
            }
            String info = line.substring(3).trim();
            StringBuilder block = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                block.append(lines.get(i)).append('\n');
            }
            if (info.equals("bash") && block.toString().contains("curl ")) {
                pendingCommand = block.toString();
            } else if (info.endsWith(" response") && pendingCommand != null) {
                examples.add(new String[] {pendingCommand, info.substring(0, info.indexOf(' ')), block.toString()});
                pendingCommand = null;
            }
        }
        return examples;
    }

    private static JsonNode withoutTimestamps(JsonNode node) {
        if (node instanceof ObjectNode object) {
            // moments, and a deadline counted from today
            object.remove(List.of("PLACED_AT", "RELEASED_AT", "LAST_HASH", "CREATED_AT", "STATUS_AT", "REVIEWED_AT",
                    "OPENED_AT", "CLOSED_AT", "STRICT_SINCE", "STRICT_LIFTED_AT", "DEADLINE"));
            object.forEach(DistributionTest::withoutTimestamps);
        } else if (node != null && node.isArray()) {
            node.forEach(DistributionTest::withoutTimestamps);
        }
        return node;
    }

    /** Basic credentials of one of the demo accounts shipped in config/ (password jixiao-demo). */
    private static String basic(String account) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((account + ":jixiao-demo").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A SOAP call with a fresh UsernameToken (password jixiao-demo).
     *
     * @param service the service's path and namespace name, e.g. {@code evaluation}
     * @param content the request element's content, its elements prefixed {@code x:}
     */
    private static String soap(String account, String service, String operation, String content) throws Exception {
        return send(service, operation, envelope(usernameToken(account, java.time.Instant.now().toString()), service,
                operation, content));
    }

    /** A UsernameToken header (password jixiao-demo) with a fresh nonce. */
    private static String usernameToken(String account, String created) {
        String nonce = java.util.Base64.getEncoder().encodeToString(java.util.UUID.randomUUID().toString()
                .getBytes(StandardCharsets.UTF_8));
        return "<wsse:Security "
                + "soapenv:mustUnderstand=\"1\" xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-"
                + "wss-wssecurity-secext-1.0.xsd\" xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-"
                + "200401-wss-wssecurity-utility-1.0.xsd\"><wsse:UsernameToken><wsse:Username>" + account
                + "</wsse:Username><wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-"
                + "username-token-profile-1.0#PasswordText\">jixiao-demo</wsse:Password><wsse:Nonce>" + nonce
                + "</wsse:Nonce><wsu:Created>" + created + "</wsu:Created></wsse:UsernameToken></wsse:Security>";
    }

    private static String envelope(String securityHeader, String service, String operation, String content) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:x=\"http://jixiao.io/ws/" + service + "/v1\"><soapenv:Header>" + securityHeader
                + "</soapenv:Header><soapenv:Body><x:" + operation + "Request>" + content + "</x:"
                + operation + "Request></soapenv:Body></soapenv:Envelope>";
    }

    private static String send(String service, String operation, String envelope) throws Exception {
        String ns = "http://jixiao.io/ws/" + service + "/v1";
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/jixiao/soap/" + service))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"" + ns + "/" + operation + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
    }

    private static HttpResponse<String> post(String account, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(REST + path)).header("Content-Type", "application/json")
                .header("Authorization", basic(account))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String account, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(REST + path)).header("Authorization", basic(account))
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }
}
