package io.jixiao.hostclient.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.port.LedgerPage;
import io.jixiao.api.port.PortUnavailableException;
import io.jixiao.api.port.ProjectRecord;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The host client against a stand-in host on loopback (the host is what we mock): answers, retries, refusals. */
class HostPortsTest {
    private static final MofDivCode REGION = MofDivCode.of("654300000");
    private static final FiscalYear YEAR = FiscalYear.of(2026);
    private static final LocalDate AS_OF = LocalDate.of(2026, 4, 30);

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Answer answer = (n, x) -> reply(x, 200, "{}");

    interface Answer {
        void handle(int call, HttpExchange exchange) throws IOException;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(x.getRequestMethod() + " " + x.getRequestURI() + " auth=" + x.getRequestHeaders()
                    .getFirst("Authorization") + " action=" + x.getRequestHeaders().getFirst("SOAPAction") + " " + body);
            answer.handle(calls.incrementAndGet(), x);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private HostPorts ports(String protocol, String path, int attempts, long timeoutMillis) {
        return HostPorts.create(protocol, url(path), true, Duration.ofSeconds(2), Duration.ofMillis(timeoutMillis),
                attempts, Duration.ofMillis(10), "jixiao", "s3cret", 1_000_000);
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", body.startsWith("<") ? "text/xml" : "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Test
    void aRestPageIsReadWithItsContinuationAndTotal() {
        answer = (n, x) -> reply(x, 200, """
                {"LINES":[{"PRO_CODE":"P-1","BGT_ID":"B-1","AGENCY_CODE":"101001","EXP_KIND":"PROJECT",
                  "BUDGET_AMT":1000000.10,"PAID_AMT":"250000.00"},
                  {"PRO_CODE":"P-1","BGT_ID":"B-2","AGENCY_CODE":"101001","EXP_KIND":"BASIC",
                  "BUDGET_AMT":5,"PAID_AMT":0}],"NEXT":"P-1|B-2","TOTAL":1203}""");
        LedgerPage page = ports("REST", "/host/api/", 3, 2000).ledger().lines(REGION, YEAR, AS_OF, "P-0|B 9", 2);
        assertThat(page.lines()).hasSize(2);
        assertThat(page.lines().get(0).budgeted()).isEqualByComparingTo("1000000.10");
        assertThat(page.lines().get(1).kind()).isEqualTo(ExpenditureKind.BASIC);
        assertThat(page.next()).isEqualTo("P-1|B-2");
        assertThat(page.total()).isEqualTo(1203);
        assertThat(requests).singleElement().satisfies(r -> assertThat(r).startsWith(
                "GET /host/api/ledger-lines?MOF_DIV_CODE=654300000&FISCAL_YEAR=2026&AS_OF=2026-04-30&LIMIT=2"
                        + "&AFTER=P-0%7CB+9").contains("auth=Basic aml4aWFvOnMzY3JldA=="));
    }

    @Test
    void projectsAreLookedUpInOneCall() {
        answer = (n, x) -> reply(x, 200, """
                {"PROJECTS":[{"PRO_CODE":"P-1","PRO_NAME":"城区管网","AGENCY_CODE":"101001","DEPT_CODE":"101",
                  "PROJECT_CLASS":"DEVELOPMENT","INVESTMENT":true,"ESTIMATE_AMT":5000000,"INVESTED_AMT":5200000.5}]}""");
        Map<ProCode, ProjectRecord> found = ports("REST", "/host", 3, 2000).masterData()
                .projects(REGION, YEAR, List.of(ProCode.of("P-1"), ProCode.of("P-2")));
        assertThat(found).containsOnlyKeys(ProCode.of("P-1"));
        assertThat(found.get(ProCode.of("P-1")).overEstimate()).isTrue();
        assertThat(requests).singleElement().satisfies(r -> assertThat(r).startsWith("POST /host/projects/lookup")
                .contains("\"PRO_CODES\":[\"P-1\",\"P-2\"]"));
    }

    @Test
    void aBusyHostIsAskedAgainAndARefusalIsNot() {
        answer = (n, x) -> {
            if (n < 3) {
                reply(x, n == 1 ? 503 : 429, "busy");
            } else {
                reply(x, 200, "{\"LINES\":[]}");
            }
        };
        assertThat(ports("REST", "/h", 3, 2000).ledger().lines(REGION, YEAR, AS_OF, null, 10).lines()).isEmpty();
        assertThat(calls.get()).isEqualTo(3);

        calls.set(0);
        answer = (n, x) -> reply(x, 404, "{\"error\":\"no such region\"}");
        assertThatThrownBy(() -> ports("REST", "/h", 3, 2000).ledger().lines(REGION, YEAR, AS_OF, null, 10))
                .isInstanceOf(PortUnavailableException.class).hasMessageContaining("refused")
                .hasMessageContaining("HTTP 404").hasMessageContaining("no such region");
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void aSlowHostFailsAfterEveryTryTimedOut() {
        answer = (n, x) -> {
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(x, 200, "{\"LINES\":[]}");
        };
        assertThatThrownBy(() -> ports("REST", "/h", 2, 150).ledger().lines(REGION, YEAR, AS_OF, null, 10))
                .isInstanceOf(PortUnavailableException.class).hasMessageContaining("after 2 tries")
                .hasMessageContaining("no answer within 150 ms")
                .satisfies(e -> assertThat(((PortUnavailableException) e).port()).isEqualTo("ledger"));
    }

    @Test
    void aMalformedAnswerNamesWhatIsWrong() {
        answer = (n, x) -> reply(x, 200, "{\"LINES\":[{\"PRO_CODE\":\"P-1\",\"BGT_ID\":\"B-1\",\"AGENCY_CODE\":"
                + "\"101001\",\"EXP_KIND\":\"PROJECT\",\"BUDGET_AMT\":\"lots\",\"PAID_AMT\":0}]}");
        assertThatThrownBy(() -> ports("REST", "/h", 3, 2000).ledger().lines(REGION, YEAR, AS_OF, null, 10))
                .hasMessageContaining("malformed answer at LINES[0]").hasMessageContaining("BUDGET_AMT");
        answer = (n, x) -> reply(x, 200, "<html>proxy error</html>");
        assertThatThrownBy(() -> ports("REST", "/h", 3, 2000).ledger().lines(REGION, YEAR, AS_OF, null, 10))
                .hasMessageContaining("not JSON");
        answer = (n, x) -> reply(x, 200, "{\"LINES\":[{\"PRO_CODE\":\"P-1\",\"BGT_ID\":\"B-1\",\"AGENCY_CODE\":"
                + "\"101001\",\"EXP_KIND\":\"PROJECT\",\"BUDGET_AMT\":-5,\"PAID_AMT\":0}]}");
        assertThatThrownBy(() -> ports("REST", "/h", 3, 2000).ledger().lines(REGION, YEAR, AS_OF, null, 10))
                .hasMessageContaining("BUDGET_AMT");
        assertThat(calls.get()).as("a malformed answer is not asked again").isEqualTo(3);
    }

    @Test
    void theSoapServiceAnswersTheSameLedger() {
        answer = (n, x) -> reply(x, 200, """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
                <h:GetLedgerLinesResponse xmlns:h="http://jixiao.io/ws/host-ledger/v1">
                  <h:LINE><h:PRO_CODE>P-1</h:PRO_CODE><h:BGT_ID>B-1</h:BGT_ID><h:AGENCY_CODE>101001</h:AGENCY_CODE>
                    <h:EXP_KIND>PROJECT</h:EXP_KIND><h:BUDGET_AMT>1000.00</h:BUDGET_AMT><h:PAID_AMT>10.50</h:PAID_AMT></h:LINE>
                  <h:NEXT>1</h:NEXT><h:TOTAL>2</h:TOTAL>
                </h:GetLedgerLinesResponse></soap:Body></soap:Envelope>""");
        LedgerPage page = ports("SOAP", "/host/soap", 3, 2000).ledger().lines(REGION, YEAR, AS_OF, "a<b", 1);
        assertThat(page.lines()).singleElement().satisfies(l -> assertThat(l.paid()).isEqualByComparingTo("10.50"));
        assertThat(page.next()).isEqualTo("1");
        assertThat(page.total()).isEqualTo(2);
        assertThat(requests).singleElement().satisfies(r -> assertThat(r).startsWith("POST /host/soap")
                .contains("action=\"GetLedgerLines\"", "<AFTER>a&lt;b</AFTER>", "<AS_OF>2026-04-30</AS_OF>"));

        answer = (n, x) -> reply(x, 500, """
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>
                <faultcode>soap:Server</faultcode><faultstring>ledger closed</faultstring></soap:Fault></soap:Body>
                </soap:Envelope>""");
        assertThatThrownBy(() -> ports("SOAP", "/host/soap", 2, 2000).ledger().lines(REGION, YEAR, AS_OF, null, 1))
                .isInstanceOf(PortUnavailableException.class).hasMessageContaining("ledger closed");

        answer = (n, x) -> reply(x, 200, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        assertThatThrownBy(() -> ports("SOAP", "/host/soap", 1, 2000).ledger().lines(REGION, YEAR, AS_OF, null, 1))
                .isInstanceOf(PortUnavailableException.class).hasMessageContaining("malformed");
    }

    @Test
    void aBadSettingIsRefusedAtOnce() {
        assertThatThrownBy(() -> HostPorts.create("FTP", url("/"), true, Duration.ofSeconds(1), Duration.ofSeconds(1),
                1, Duration.ZERO, "", "", 10)).hasMessageContaining("REST or SOAP");
        assertThatThrownBy(() -> HostPorts.create("REST", "file:///etc", true, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1, Duration.ZERO, "", "", 10)).hasMessageContaining("http");
    }

    private static final List<io.jixiao.api.port.AllocationChange> CHANGES = List.of(
            new io.jixiao.api.port.AllocationChange("JX-EV-1", ProCode.of("P-1"), "CUT", new java.math.BigDecimal("20.00"),
                    new java.math.BigDecimal("-100000.00"), "2026 年度绩效自评 72.50 分 (中) <CUT:10>"),
            new io.jixiao.api.port.AllocationChange("JX-EV-2", ProCode.of("P-2"), "KEEP", new java.math.BigDecimal("0.00"),
                    new java.math.BigDecimal("0.00"), "良"));

    @Test
    void theCompilationModuleIsReadAndWrittenOverRest() {
        answer = (n, x) -> reply(x, 200, x.getRequestURI().getPath().endsWith("requested-amounts")
                ? "{\"PROJECTS\":[{\"PRO_CODE\":\"P-1\",\"AGENCY_CODE\":\"101001\",\"DEPT_CODE\":\"101\","
                        + "\"REQUESTED_AMT\":500000.00}]}"
                : "{\"RESULTS\":[{\"CHANGE_ID\":\"JX-EV-1\",\"OUTCOME\":\"APPLIED\"},"
                        + "{\"CHANGE_ID\":\"JX-EV-2\",\"OUTCOME\":\"CONFLICT\"}]}");
        HostPorts ports = ports("REST", "/host", 3, 2000);
        var requested = ports.allocation().requested(REGION, FiscalYear.of(2028),
                List.of(ProCode.of("P-1"), ProCode.of("P-9")));
        assertThat(requested).containsOnlyKeys(ProCode.of("P-1"));
        assertThat(requested.get(ProCode.of("P-1")).requested()).isEqualByComparingTo("500000.00");
        var outcomes = ports.allocation().apply(REGION, FiscalYear.of(2028), CHANGES);
        assertThat(outcomes).containsEntry("JX-EV-1", io.jixiao.api.port.AllocationPort.Outcome.APPLIED)
                .containsEntry("JX-EV-2", io.jixiao.api.port.AllocationPort.Outcome.CONFLICT);
        assertThat(requests.get(0)).startsWith("POST /host/allocations/requested-amounts")
                .contains("\"FISCAL_YEAR\":2028", "\"PRO_CODES\":[\"P-1\",\"P-9\"]");
        assertThat(requests.get(1)).startsWith("POST /host/allocations/changes")
                .contains("\"CHANGE_ID\":\"JX-EV-1\"", "\"CHANGE_AMT\":-100000.00", "\"CUT_PERCENT\":20.00",
                        "\"CONTENT_HASH\":\"" + CHANGES.get(0).contentHash() + "\"");
        assertThat(CHANGES.get(0).contentHash()).as("SHA-256 of the documented lines").isEqualTo(sha256(
                "JX-EV-1\nP-1\n" + CHANGES.get(0).action() + "\n20.00\n-100000.00\n"));
    }

    @Test
    void theCompilationModuleIsReadAndWrittenOverSoap() {
        answer = (n, x) -> reply(x, 200, "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
                + (x.getRequestHeaders().getFirst("SOAPAction").contains("GetRequestedAmounts")
                        ? "<h:GetRequestedAmountsResponse xmlns:h=\"" + SoapHost.NS + "\"><h:PROJECT><h:PRO_CODE>P-1"
                                + "</h:PRO_CODE><h:AGENCY_CODE>101001</h:AGENCY_CODE><h:REQUESTED_AMT>500000.00"
                                + "</h:REQUESTED_AMT></h:PROJECT></h:GetRequestedAmountsResponse>"
                        : "<h:ApplyAllocationChangesResponse xmlns:h=\"" + SoapHost.NS + "\"><h:RESULT><h:CHANGE_ID>"
                                + "JX-EV-1</h:CHANGE_ID><h:OUTCOME>UNKNOWN_PROJECT</h:OUTCOME></h:RESULT>"
                                + "</h:ApplyAllocationChangesResponse>") + "</s:Body></s:Envelope>");
        HostPorts ports = ports("SOAP", "/host/soap", 3, 2000);
        assertThat(ports.allocation().requested(REGION, FiscalYear.of(2028), List.of(ProCode.of("P-1")))
                .get(ProCode.of("P-1")).deptCode()).as("no department: the agency's code").isEqualTo("101001");
        assertThat(ports.allocation().apply(REGION, FiscalYear.of(2028), CHANGES))
                .as("a change the host did not report on is left out: it stays pending")
                .containsOnly(Map.entry("JX-EV-1", io.jixiao.api.port.AllocationPort.Outcome.UNKNOWN_PROJECT));
        assertThat(requests.get(1)).contains("action=\"ApplyAllocationChanges\"", "<CHANGE_ID>JX-EV-1</CHANGE_ID>",
                "&lt;CUT:10&gt;", "<CONTENT_HASH>" + CHANGES.get(0).contentHash() + "</CONTENT_HASH>");
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOutcomeForAChangeNeverSentIsAMalformedAnswer() {
        answer = (n, x) -> reply(x, 200, "{\"RESULTS\":[{\"CHANGE_ID\":\"JX-EV-77\",\"OUTCOME\":\"APPLIED\"}]}");
        assertThatThrownBy(() -> ports("REST", "/host", 1, 2000).allocation().apply(REGION, FiscalYear.of(2028),
                CHANGES)).isInstanceOf(io.jixiao.api.port.PortUnavailableException.class)
                .hasMessageContaining("RESULTS[0]");
    }
}
