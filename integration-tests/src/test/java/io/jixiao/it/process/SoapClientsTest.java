package io.jixiao.it.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard SOAP clients against the executable jar, set up exactly as docs/api.md shows: Python's zeep and Node's
 * node-soap each call one operation of every service; a request the schema refuses and one that is not XML get
 * {@code soap:Client} faults whose {@code JixiaoFault} names what to fix; none of it logs a WARN or a stack trace.
 * Without python3-zeep or node-soap a local build skips the clients with a message; on CI ({@code CI} set) a missing
 * tool fails.
 */
class SoapClientsTest {
    private static final int PORT = 18385;
    private static final String SOAP = "http://127.0.0.1:" + PORT + "/jixiao/soap";
    private static final Path CLIENTS = Path.of(System.getenv("JIXIAO_CLIENTS_DIR"));

    @TempDir
    static Path workDir;
    private static JarProcess jar;

    @BeforeAll
    static void start() throws Exception {
        jar = new JarProcess(workDir, PORT);
        jar.copyConfig();
        jar.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        jar.close();
    }

    /** Skips on a developer's machine without the tool, fails on CI. */
    private static void require(boolean present, String what) {
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError(what + " is missing on CI: .ci/run installs it");
        }
        Assumptions.assumeTrue(present, what + " is not installed: skipped (README, 'Tests')");
    }

    private static String python() throws InterruptedException {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                if (run(List.of(candidate, "-c", "import zeep"), 60).exit() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not this one
            }
        }
        return null;
    }

    @Test
    void zeepCallsEveryService() throws Exception {
        String python = python();
        require(python != null, "python3 with zeep (Debian: python3-zeep)");
        Result result = run(List.of(python, CLIENTS.resolve("zeep_client.py").toString(), SOAP, "finance01",
                "jixiao-demo", "pay-module"), 180);
        assertAnswered(result);
    }

    @Test
    void nodeSoapCallsEveryService() throws Exception {
        boolean node;
        try {
            node = run(List.of("node", "--version"), 30).exit() == 0;
        } catch (IOException e) {
            node = false;
        }
        require(node && Files.isDirectory(CLIENTS.resolve("node_modules/soap")),
                "Node with node-soap (npm ci --prefix integration-tests/src/test/clients)");
        Result result = run(List.of("node", CLIENTS.resolve("node_soap_client.js").toString(), SOAP, "finance01",
                "jixiao-demo", "pay-module"), 180);
        assertAnswered(result);
    }

    private static void assertAnswered(Result result) {
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("payment-guard CheckPayment PASS NO_ACTIVE_HOLD",
                "payment-guard PlaceHold RequestId same hold",
                "goals GetGoalRules 440100000/2020#1", "library SearchLibrary 0",
                "monitoring GetMonitoringRound fault soap:Client NOT_FOUND", "evaluation ListEvaluationTasks 0",
                "rectification ListRectificationCases 0");
        assertQuiet();
    }

    @Test
    void aRequestTheSchemaRefusesIsAClientFaultNamingTheElement() throws Exception {
        HttpResponse<String> refused = post(envelope("<pg:MOF_DIV_CODE>440100000</pg:MOF_DIV_CODE>"
                + "<pg:FISCAL_YEAR>2026</pg:FISCAL_YEAR><pg:PAY_APP_NO>X-1</pg:PAY_APP_NO>"
                + "<pg:AGENCY_CODE>101001</pg:AGENCY_CODE><pg:PRO_CODE>P-1</pg:PRO_CODE><pg:BGT_ID>B-1</pg:BGT_ID>"
                + "<pg:PAY_APP_AMT>5000.001</pg:PAY_APP_AMT><pg:EXP_KIND>PROJECT</pg:EXP_KIND>"
                + "<pg:OPERATOR>t</pg:OPERATOR>"));
        assertThat(refused.body()).contains("<faultcode>soap:Client</faultcode>",
                "<JixiaoFault xmlns=\"http://jixiao.io/ws/common/v1\"><CODE>INVALID_INPUT</CODE>",
                "<FIELD>CheckPaymentRequest/PAY_APP_AMT</FIELD>", "<RULE>cvc-fractionDigits-valid</RULE>");

        byte[] noise = new byte[300];
        new java.util.Random(24).nextBytes(noise);
        HttpResponse<String> unreadable = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(SOAP + "/payment-guard")).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(noise)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(unreadable.body()).contains("<faultcode>soap:Client</faultcode>", "<CODE>INVALID_INPUT</CODE>",
                "<RULE>well-formed</RULE>");
        Thread.sleep(300);
        assertQuiet();
        assertThat(jar.output()).as("one line per refused request").filteredOn(l -> l.contains("Refused a SOAP request"))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    private static void assertQuiet() {
        assertThat(jar.output()).as("the node's log").noneMatch(l -> l.contains(" ERROR ") || l.contains(" WARN ")
                || l.startsWith("\tat ") || l.startsWith("Caused by:"));
    }

    private static String envelope(String checkPayment) {
        String nonce = Base64.getEncoder().encodeToString(java.util.UUID.randomUUID().toString()
                .getBytes(StandardCharsets.UTF_8));
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:pg=\"http://jixiao.io/ws/payment-guard/v1\"><soapenv:Header><wsse:Security "
                + "xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\" "
                + "xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">"
                + "<wsse:UsernameToken><wsse:Username>pay-module</wsse:Username><wsse:Password>jixiao-demo"
                + "</wsse:Password><wsse:Nonce>" + nonce + "</wsse:Nonce><wsu:Created>" + Instant.now()
                + "</wsu:Created></wsse:UsernameToken></wsse:Security></soapenv:Header><soapenv:Body>"
                + "<pg:CheckPaymentRequest>" + checkPayment + "</pg:CheckPaymentRequest></soapenv:Body>"
                + "</soapenv:Envelope>";
    }

    private static HttpResponse<String> post(String envelope) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(SOAP + "/payment-guard"))
                .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out: " + new String(out, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
