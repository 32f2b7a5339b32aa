package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.api.port.LedgerPort;
import io.jixiao.it.framework.MockHost.Mode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Dual monitoring end to end against a mocked host: the host's ledger over REST and over SOAP (real CXF endpoints
 * on loopback, {@link MockHost}), read through the host-client bundle; a round colours the projects, a red one is
 * held, the payment guard says HOLD, the unit rectifies, finance releases, the payment passes. And what a round
 * does when the host is slow, failing or malformed.
 */
class MonitoringIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static MockHost host;

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
        host = MockHost.start();
    }

    /** Points the host client at the mock over one protocol and waits for the port to be re-registered. */
    static void hostOver(String protocol) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(MonitoringIT.class).getBundleContext();
        ServiceReference<LedgerPort> before = context.getServiceReference(LedgerPort.class);
        Object beforeId = before == null ? null : before.getProperty("service.id");
        Object pid = before == null ? null : before.getProperty("protocol");
        if (protocol.equals(pid)) {
            return;
        }
        Jixiao.configure(Jixiao.service(ConfigurationAdmin.class), "io.jixiao.hostclient", "protocol", protocol,
                "url", protocol.equals("REST") ? MockHost.REST : MockHost.SOAP, "timeoutMillis", "1000",
                "attempts", "2", "backoffMillis", "50");
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<LedgerPort> now = context.getServiceReference(LedgerPort.class);
            if (now != null && !now.getProperty("service.id").equals(beforeId)
                    && protocol.equals(now.getProperty("protocol"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the host client did not switch to " + protocol);
    }

    static HttpResponse<String> post(String account, String path, String body) throws Exception {
        return Jixiao.post(Jixiao.REST + path, "application/json", body, "Authorization", Jixiao.basic(account),
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    static HttpResponse<String> get(String account, String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : Jixiao.REST + url))
                .header("Authorization", Jixiao.basic(account)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode ok(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /** An approved goal for the project, through REST as a unit and finance would. */
    static void approvedGoal(String region, String proCode) throws Exception {
        long goalId = ok(post("unit01", "/goals", Goals.declaration(region, proCode, 8)), 201).get("GOAL_ID").asLong();
        ok(post("unit01", "/goals/" + goalId + "/versions/1/submission", "{}"), 200);
        ok(post("finance01", "/goals/" + goalId + "/versions/1/approval", "{}"), 200);
    }

    static String report(String region, String proCode, String forecast) {
        StringBuilder indicators = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            indicators.append(i == 0 ? "" : ",").append("{\"KPI_CONTENT\":\"指标").append(i)
                    .append("\",\"KPI_VAL_TODATE\":\"60\",\"FORECAST\":\"").append(i == 0 ? forecast : "WILL_COMPLETE")
                    .append(i == 0 && !forecast.equals("WILL_COMPLETE")
                            ? "\",\"DEVIATION_REASON\":\"征地延期\",\"MEASURE\":\"调整实施计划\"}" : "\"}");
        }
        return "{\"MOF_DIV_CODE\":\"" + region + "\",\"FISCAL_YEAR\":2026,\"CUT_OFF\":\"2026-07-31\",\"PRO_CODE\":\""
                + proCode + "\",\"INDICATORS\":[" + indicators + "]}";
    }

    /** Starts a round over REST and waits for it to finish. */
    static JsonNode round(String region, String cutOff) throws Exception {
        HttpResponse<String> started = post("finance01", "/monitoring/rounds", "{\"MOF_DIV_CODE\":\"" + region
                + "\",\"FISCAL_YEAR\":2026,\"CUT_OFF\":\"" + cutOff + "\"}");
        JsonNode round = ok(started, 202);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo(Jixiao.REST + "/monitoring/rounds/" + round.get("ROUND_ID").asLong());
        return await(location);
    }

    static JsonNode await(String location) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode now = ok(get("auditor01", location), 200);
            String status = now.get("STATUS").asText();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return now;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(location + " did not finish within 60 s");
    }

    static List<JsonNode> alerts(long roundId, String minLevel) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = ok(get("finance01", "/monitoring/rounds/" + roundId + "/alerts?MIN_LEVEL=" + minLevel
                    + "&LIMIT=2&AFTER=" + after), 200);
            page.get("ALERTS").forEach(all::add);
            if (page.get("NEXT") == null) {
                return all;
            }
            after = page.get("NEXT").asLong();
        }
    }

    static JsonNode alertOf(List<JsonNode> alerts, String proCode) {
        return alerts.stream().filter(a -> a.path("PRO_CODE").asText().equals(proCode)).findFirst().orElseThrow(
                () -> new AssertionError(proCode + " not among " + alerts));
    }

    static String payment(String region, String proCode, String kind) {
        return "{\"MOF_DIV_CODE\":\"" + region + "\",\"FISCAL_YEAR\":2026,\"PAY_APP_NO\":\"PAY-" + UUID.randomUUID()
                .toString().substring(0, 8) + "\",\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\"" + proCode
                + "\",\"BGT_ID\":\"B-" + proCode + "\",\"PAY_APP_AMT\":12000.00,\"EXP_KIND\":\"" + kind
                + "\",\"OPERATOR\":\"teller.zhao\"}";
    }

    @Test
    void aRoundOverTheHostsRestLedgerHoldsTheRedProjectsUntilFinanceAcceptsTheRectification() throws Exception {
        hostOver("REST");
        String region = "120000000"; // Tianjin: an investment project over its estimate is RED
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String ok = "TJ-OK-" + tag;
        String red = "TJ-RED-" + tag;
        String over = "TJ-EST-" + tag;
        host.ledgers.put(region, List.of(
                MockHost.line(ok, "B-" + ok, "PROJECT", "1000000.00", "700000.00"),
                MockHost.line(red, "B-" + red + "-1", "PROJECT", "600000.00", "30000.00"),
                MockHost.line(red, "B-" + red + "-2", "PROJECT", "400000.00", "20000.00"),
                MockHost.line(red, "B-" + red + "-3", "BASIC", "900000.00", "0.00"),
                MockHost.line(over, "B-" + over, "PROJECT", "1000000.00", "650000.00"),
                MockHost.line("TJ-SALARY-" + tag, "B-SAL-" + tag, "BASIC", "5000000.00", "0.00")));
        host.projects.put(over, new MockHost.Project(over, "新城区管网", "101001", "101", true, "5000000.00",
                "5600000.00"));

        approvedGoal(region, ok);
        approvedGoal(region, red); // its unit owes a report; `over` has no goal, so no report is owed for it
        JsonNode badReport = ok(post("unit01", "/monitoring/reports",
                report(region, ok, "WILL_COMPLETE").replace("指标3", "指标33")), 400);
        assertThat(badReport.toString()).contains("INDICATORS[3].KPI_CONTENT");
        JsonNode stored = ok(post("unit01", "/monitoring/reports", report(region, ok, "WILL_COMPLETE")), 200);
        assertThat(stored.get("WORST").asText()).isEqualTo("WILL_COMPLETE");
        assertThat(stored.get("LATE").asBoolean()).as("due 2026-08-31").isTrue();
        assertThat(ok(get("unit01", "/monitoring/reports?MOF_DIV_CODE=" + region + "&FISCAL_YEAR=2026&CUT_OFF="
                + "2026-07-31&PRO_CODE=" + ok), 200).get("INDICATORS")).hasSize(8);
        StringBuilder form = new StringBuilder("项目代码,三级指标,截至目前完成值,全年完成预计,偏差原因,纠偏措施\n");
        for (int i = 0; i < 8; i++) {
            form.append(ok).append(",指标").append(i).append(",60,确定能完成,,\n");
        }
        String upload = Jixiao.REST + "/monitoring/reports/imports?MOF_DIV_CODE=" + region
                + "&FISCAL_YEAR=2026&CUT_OFF=2026-07-31";
        JsonNode badForm = ok(Jixiao.post(upload, "text/csv", form.toString().replace("指标5,60,确定能完成",
                "指标5,60,差不多"), "Authorization", Jixiao.basic("unit01")), 400);
        assertThat(badForm.toString()).contains("ROW 7 全年完成预计");
        JsonNode imported = ok(Jixiao.post(upload, "text/csv", form.toString(), "Authorization",
                Jixiao.basic("unit01")), 200);
        assertThat(imported.get("COUNT").asInt()).isEqualTo(1);
        assertThat(imported.get("REPORTS").get(0).get("PRO_CODE").asText()).isEqualTo(ok);
        assertThat(post("unit01", "/monitoring/rounds", "{\"MOF_DIV_CODE\":\"" + region
                + "\",\"FISCAL_YEAR\":2026,\"CUT_OFF\":\"2026-07-31\"}").statusCode()).isEqualTo(403);

        JsonNode round = round(region, "2026-07-31");
        assertThat(round.get("STATUS").asText()).as(round.toString()).isEqualTo("COMPLETED");
        assertThat(round.get("PERCENT").asInt()).isEqualTo(100);
        assertThat(round.get("TOTAL").asLong()).isEqualTo(6);
        assertThat(round.get("PROCESSED").asLong()).isEqualTo(6);
        assertThat(round.get("PROJECTS").asLong()).as("the salary line is never monitored").isEqualTo(3);
        assertThat(round.get("LEVELS").get("GREEN").asLong()).isEqualTo(1);
        assertThat(round.get("LEVELS").get("RED").asLong()).isEqualTo(2);
        assertThat(round.get("HOLDS").asLong()).isEqualTo(2);
        assertThat(round.get("DUE").asText()).isEqualTo("2026-08-31");
        assertThat(round.get("RULE_VERSION").asText()).isEqualTo("120000000/2019#2 < national/2019#3");

        long roundId = round.get("ROUND_ID").asLong();
        List<JsonNode> reds = alerts(roundId, "RED");
        assertThat(reds).hasSize(2);
        JsonNode redAlert = alertOf(reds, red);
        assertThat(redAlert.get("EXECUTION_RATE").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(redAlert.get("BUDGET_AMT").decimalValue()).as("basic lines excluded")
                .isEqualByComparingTo("1000000.00");
        assertThat(redAlert.get("FINDINGS").toString()).contains("EXECUTION_GAP", "REPORT_OVERDUE");
        assertThat(redAlert.get("CONSEQUENCES").toString()).contains("RECTIFY", "HOLD", "RECOVER_IDLE");
        assertThat(redAlert.get("STATUS").asText()).isEqualTo("OPEN");
        JsonNode overAlert = alertOf(reds, over);
        assertThat(overAlert.get("FINDINGS").toString()).contains("OVER_ESTIMATE").doesNotContain("EXECUTION_GAP")
                .as("no goal in force, no report owed").doesNotContain("REPORT_OVERDUE");
        assertThat(alertOf(alerts(roundId, "GREEN"), ok).get("LEVEL").asText()).isEqualTo("GREEN");
        long holdId = redAlert.get("HOLD_ID").asLong();
        JsonNode hold = ok(get("finance01", "/holds/" + holdId), 200);
        assertThat(hold.get("STATUS").asText()).isEqualTo("ACTIVE");
        assertThat(hold.get("REASON").asText()).startsWith("monitoring round " + roundId);

        JsonNode held = ok(Jixiao.postJson("/payment-guard/checks", payment(region, red, "PROJECT")), 200);
        assertThat(held.get("DECISION").asText()).isEqualTo("HOLD");
        assertThat(held.get("HOLD_ID").asLong()).isEqualTo(holdId);
        assertThat(ok(Jixiao.postJson("/payment-guard/checks", payment(region, red, "BASIC")), 200)
                .get("DECISION").asText()).as("salaries are never held").isEqualTo("PASS");

        long alertId = redAlert.get("ALERT_ID").asLong();
        assertThat(post("finance01", "/monitoring/alerts/" + alertId + "/release", "{\"REASON\":\"ok\"}").statusCode())
                .as("rectification first").isEqualTo(409);
        JsonNode rectified = ok(post("unit01", "/monitoring/alerts/" + alertId + "/rectification",
                "{\"REASON\":\"已调整实施计划, 9月完成支付80%\"}"), 200);
        assertThat(rectified.get("STATUS").asText()).isEqualTo("RECTIFIED");
        assertThat(post("unit01", "/monitoring/alerts/" + alertId + "/release", "{\"REASON\":\"mine\"}").statusCode())
                .isEqualTo(403);
        JsonNode closed = ok(post("finance01", "/monitoring/alerts/" + alertId + "/release",
                "{\"REASON\":\"整改到位, 恢复拨款\"}"), 200);
        assertThat(closed.get("STATUS").asText()).isEqualTo("CLOSED");
        assertThat(ok(get("finance01", "/holds/" + holdId), 200).get("RELEASE_REASON").asText())
                .isEqualTo("整改到位, 恢复拨款");
        assertThat(ok(Jixiao.postJson("/payment-guard/checks", payment(region, red, "PROJECT")), 200)
                .get("DECISION").asText()).isEqualTo("PASS");
        assertThat(ok(Jixiao.postJson("/payment-guard/checks", payment(region, over, "PROJECT")), 200)
                .get("DECISION").asText()).as("the other red project stays held").isEqualTo("HOLD");
    }

    static String soap(String account, String operation, String... content) throws Exception {
        HttpResponse<String> response = Jixiao.soapAs(account, Jixiao.PASSWORD, Jixiao.MONITORING_SOAP, operation,
                Goals.soap(operation + "Request", content));
        return response.body();
    }

    static String first(String xml, String element) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(?:\\w+:)?" + element + ">([^<]*)</")
                .matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void aRoundOverTheHostsSoapLedgerRunsThroughTheSoapServicesFromStartToRelease() throws Exception {
        hostOver("SOAP");
        String region = "654300000"; // Aletai: rounds in May and August
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String red = "AL-RED-" + tag;
        List<MockHost.Line> lines = new ArrayList<>();
        lines.add(MockHost.line(red, "B-" + red, "PROJECT", "800000.00", "40000.00"));
        for (int i = 0; i < 5; i++) {
            lines.add(MockHost.line("AL-" + i + "-" + tag, "B-" + i + "-" + tag, "PROJECT", "100000.00", "30000.00"));
        }
        host.ledgers.put(region, lines);
        String reporting = "AL-0-" + tag;
        approvedGoal(region, reporting);
        StringBuilder indicators = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            indicators.append(Goals.soap("INDICATOR", i == 0
                    ? Jixiao.elements("KPI_CONTENT", "指标0", "KPI_VAL_TODATE", "10", "FORECAST", "CANNOT_COMPLETE",
                            "DEVIATION_REASON", "征地未完成", "MEASURE", "申请调整预算")
                    : Jixiao.elements("KPI_CONTENT", "指标" + i, "KPI_VAL_TODATE", "60", "FORECAST", "WILL_COMPLETE")));
        }
        String reported = soap("unit01", "SubmitMonitoringReport", Jixiao.elements("MOF_DIV_CODE", region,
                "FISCAL_YEAR", "2026", "CUT_OFF", "2026-04-30", "PRO_CODE", reporting), indicators.toString());
        assertThat(first(reported, "WORST")).as(reported).isEqualTo("CANNOT_COMPLETE");
        assertThat(first(reported, "LATE")).isEqualTo("true");

        assertThat(soap("unit01", "StartMonitoringRound", Jixiao.elements("MOF_DIV_CODE", region, "FISCAL_YEAR",
                "2026", "CUT_OFF", "2026-04-30"))).contains("<faultcode>soap:Client</faultcode>", "FORBIDDEN");
        String started = soap("finance01", "StartMonitoringRound", Jixiao.elements("MOF_DIV_CODE", region,
                "FISCAL_YEAR", "2026", "CUT_OFF", "2026-04-30"));
        String roundId = first(started, "ROUND_ID");
        assertThat(roundId).as(started).isNotNull();
        String round = started;
        long deadline = System.currentTimeMillis() + 60_000;
        while (List.of("QUEUED", "RUNNING").contains(first(round, "STATUS"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            round = soap("auditor01", "GetMonitoringRound", Jixiao.elements("ROUND_ID", roundId));
        }
        assertThat(first(round, "STATUS")).as(round).isEqualTo("COMPLETED");
        assertThat(first(round, "DUE")).as("Aletai's May round").isEqualTo("2026-05-31");
        assertThat(first(round, "PROJECTS")).isEqualTo("6");
        assertThat(first(round, "HOLDS")).isEqualTo("1");
        assertThat(first(round, "PERCENT")).isEqualTo("100");

        String reds = soap("finance01", "ListMonitoringAlerts", Jixiao.elements("ROUND_ID", roundId, "MIN_LEVEL",
                "RED"));
        assertThat(first(reds, "PRO_CODE")).as(reds).isEqualTo(red);
        assertThat(reds).contains("<FINDING>EXECUTION_GAP</FINDING>", "<CONSEQUENCE>HOLD</CONSEQUENCE>");
        String alertId = first(reds, "ALERT_ID");
        String yellows = soap("finance01", "ListMonitoringAlerts", Jixiao.elements("ROUND_ID", roundId, "MIN_LEVEL",
                "YELLOW", "LIMIT", "1000"));
        String reportingAlert = yellows.substring(yellows.indexOf("<PRO_CODE>" + reporting + "<"));
        reportingAlert = reportingAlert.substring(0, reportingAlert.indexOf("</ALERT>"));
        assertThat(reportingAlert).contains("<FINDING>CANNOT_COMPLETE</FINDING>", "<LEVEL>YELLOW</LEVEL>")
                .doesNotContain("REPORT_OVERDUE");
        String holdId = first(reds, "HOLD_ID");

        String check = "<pg:CheckPaymentRequest>" + Jixiao.elements("MOF_DIV_CODE", region, "FISCAL_YEAR", "2026",
                "PAY_APP_NO", "PAY-" + tag, "AGENCY_CODE", "101001", "PRO_CODE", red, "BGT_ID", "B-" + red,
                "PAY_APP_AMT", "5000.00", "EXP_KIND", "PROJECT", "OPERATOR", "teller.zhao")
                + "</pg:CheckPaymentRequest>";
        assertThat(Jixiao.soap("CheckPayment", check).body())
                .contains("<DECISION>HOLD</DECISION>", "<HOLD_ID>" + holdId + "</HOLD_ID>");

        assertThat(soap("finance01", "ReleaseMonitoringAlert", Jixiao.elements("ALERT_ID", alertId, "REASON", "ok")))
                .as("rectification first").contains("CONFLICT");
        String rectified = soap("unit01", "RectifyMonitoringAlert", Jixiao.elements("ALERT_ID", alertId, "REASON",
                "已调整实施计划"));
        assertThat(first(rectified, "STATUS")).as(rectified).isEqualTo("RECTIFIED");
        String released = soap("finance01", "ReleaseMonitoringAlert", Jixiao.elements("ALERT_ID", alertId, "REASON",
                "整改到位, 恢复拨款"));
        assertThat(first(released, "STATUS")).as(released).isEqualTo("CLOSED");
        assertThat(Jixiao.soap("CheckPayment", check.replace("PAY-" + tag, "PAY2-" + tag)).body())
                .contains("<DECISION>PASS</DECISION>");
    }

    @Test
    void aLedgerPortTheHostRegistersInTheFrameworkIsUsedAndWholeDepartmentsAreJudgedInYunxi() throws Exception {
        String region = "430603000"; // Yunxi: data to the end of September, whole-department monitoring
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<io.jixiao.api.port.LedgerLine> ledger = List.of(
                new io.jixiao.api.port.LedgerLine(io.jixiao.api.model.ProCode.of("YX-1-" + tag),
                        io.jixiao.api.model.BgtId.of("B-1-" + tag), io.jixiao.api.model.AgencyCode.of("303001"),
                        io.jixiao.api.hook.ExpenditureKind.PROJECT, new java.math.BigDecimal("300000.00"),
                        new java.math.BigDecimal("250000.00")),
                new io.jixiao.api.port.LedgerLine(io.jixiao.api.model.ProCode.of("YX-2-" + tag),
                        io.jixiao.api.model.BgtId.of("B-2-" + tag), io.jixiao.api.model.AgencyCode.of("303001"),
                        io.jixiao.api.hook.ExpenditureKind.PROJECT, new java.math.BigDecimal("700000.00"),
                        new java.math.BigDecimal("70000.00")));
        LedgerPort inProcess = (mofDivCode, fiscalYear, asOf, after, limit) ->
                new io.jixiao.api.port.LedgerPage(mofDivCode.value().equals(region) ? ledger : List.of(), null, 2);
        BundleContext context = FrameworkUtil.getBundle(MonitoringIT.class).getBundleContext();
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put("service.ranking", 1000);
        org.osgi.framework.ServiceRegistration<LedgerPort> registration = context.registerService(LedgerPort.class,
                inProcess, props);
        try {
            JsonNode round = round(region, "2026-09-30");
            assertThat(round.get("STATUS").asText()).as(round.toString()).isEqualTo("COMPLETED");
            assertThat(round.get("DUE").asText()).isEqualTo("2026-11-30");
            assertThat(round.get("PROJECTS").asLong()).isEqualTo(2);
            List<JsonNode> all = alerts(round.get("ROUND_ID").asLong(), "GREEN");
            JsonNode department = all.stream().filter(a -> a.get("SUBJECT").asText().equals("DEPARTMENT"))
                    .findFirst().orElseThrow(() -> new AssertionError("no department result in " + all));
            assertThat(department.get("DEPT_CODE").asText()).isEqualTo("303001");
            assertThat(department.get("BUDGET_AMT").decimalValue()).isEqualByComparingTo("1000000.00");
            assertThat(department.get("EXECUTION_RATE").decimalValue()).isEqualByComparingTo("32.00");
            assertThat(department.get("CONSEQUENCES").toString()).as("a department is never held")
                    .doesNotContain("HOLD");
            JsonNode red = alertOf(all, "YX-2-" + tag);
            assertThat(red.get("CONSEQUENCES").toString()).contains("RECOVER_IDLE", "HOLD");
            assertThat(red.get("HOLD_ID").isNumber()).isTrue();
        } finally {
            registration.unregister();
        }
    }

    @Test
    void aHostThatIsSlowFailingOrMalformedFailsTheRoundClearlyAndAResumeFinishesIt() throws Exception {
        hostOver("REST");
        String region = "140400000";
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        host.ledgers.put(region, List.of(
                MockHost.line("CZ-1-" + tag, "B-1-" + tag, "PROJECT", "100000.00", "10000.00"),
                MockHost.line("CZ-2-" + tag, "B-2-" + tag, "PROJECT", "100000.00", "90000.00")));

        host.misbehave(Mode.FAILING, 1);
        JsonNode retried = round(region, "2026-06-30");
        assertThat(retried.get("STATUS").asText()).as("one 503 is retried").isEqualTo("COMPLETED");

        host.misbehave(Mode.SLOW, 2);
        JsonNode slow = round(region, "2026-06-30");
        assertThat(slow.get("STATUS").asText()).isEqualTo("FAILED");
        assertThat(slow.get("ERROR").asText()).contains("ledger", "no answer within 1000 ms", "2 tries");

        host.misbehave(Mode.MALFORMED, -1);
        JsonNode malformed = round(region, "2026-06-30");
        assertThat(malformed.get("STATUS").asText()).isEqualTo("FAILED");
        assertThat(malformed.get("ERROR").asText()).contains("malformed answer at LINES[0]");

        host.recover();
        long id = malformed.get("ROUND_ID").asLong();
        ok(post("finance01", "/monitoring/rounds/" + id + "/resume", "{}"), 202);
        JsonNode resumed = await(Jixiao.REST + "/monitoring/rounds/" + id);
        assertThat(resumed.get("STATUS").asText()).isEqualTo("COMPLETED");
        assertThat(resumed.get("PROJECTS").asLong()).isEqualTo(2);
        assertThat(resumed.has("ERROR")).isFalse();
        assertThat(post("finance01", "/monitoring/rounds/" + id + "/resume", "{}").statusCode()).isEqualTo(409);
        assertThat(post("finance01", "/monitoring/rounds/" + id + "/cancel", "{}").statusCode()).isEqualTo(409);
    }
}
