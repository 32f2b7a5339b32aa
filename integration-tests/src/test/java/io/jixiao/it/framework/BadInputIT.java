package io.jixiao.it.framework;

import static io.jixiao.it.framework.Jixiao.checkJson;
import static io.jixiao.it.framework.Jixiao.checkSoap;
import static io.jixiao.it.framework.Jixiao.elements;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.PayAppNo;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.service.HoldService;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.DecisionRepository;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * Bad input gets a clear error naming the field and the rule (REST: 400 problem+json; SOAP: a fault with a
 * code) and changes nothing: no decision recorded for the application, no hold placed on the target.
 */
@ExtendWith(ServiceExtension.class)
class BadInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BAD_APP = "BAD-1";
    private static final String BAD_PROJECT = "P-BAD";

    @InjectService(timeout = 60_000)
    DecisionRepository decisions;

    @InjectService(timeout = 60_000)
    HoldService holds;

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    @AfterEach
    void nothingChanged() throws Exception {
        Jixiao.journalBarrier(decisions); // a PASS answered to the refused request would be written by now
        assertThat(decisions.findByApplication(MofDivCode.of("440100000"), FiscalYear.of(2026), PayAppNo.of(BAD_APP)))
                .isEmpty();
        assertThat(holds.activeHolds(HoldTarget.project(MofDivCode.of("440100000"), ProCode.of(BAD_PROJECT))))
                .isEmpty();
    }

    static Stream<Arguments> restChecks() {
        String valid = checkJson(BAD_APP, BAD_PROJECT, "B-1", "100.00", "PROJECT");
        return Stream.of(
                Arguments.of("malformed region", valid.replace("440100000", "44-01"), "MOF_DIV_CODE", "pattern"),
                Arguments.of("region too long", valid.replace("440100000", "4401000001"), "MOF_DIV_CODE", "pattern"),
                Arguments.of("malformed project", valid.replace(BAD_PROJECT, "P BAD"), "PRO_CODE", "pattern"),
                Arguments.of("agency too long", valid.replace("101001", "1".repeat(22)), "AGENCY_CODE", "pattern"),
                Arguments.of("negative amount", valid.replace("100.00", "-100.00"), "PAY_APP_AMT", "positive"),
                Arguments.of("zero amount", valid.replace("100.00", "0"), "PAY_APP_AMT", "positive"),
                Arguments.of("three decimals", valid.replace("100.00", "100.001"), "PAY_APP_AMT", "scale"),
                Arguments.of("non-numeric amount", valid.replace("100.00", "\"abc\""), "PAY_APP_AMT", "type"),
                Arguments.of("amount as object", valid.replace("100.00", "{}"), "PAY_APP_AMT", "type"),
                Arguments.of("huge amount", valid.replace("100.00", "1e30"), "PAY_APP_AMT", "max"),
                Arguments.of("unknown kind", valid.replace("\"PROJECT\"", "\"SALARY\""), "EXP_KIND", "enum"),
                Arguments.of("missing kind", valid.replace(",\"EXP_KIND\":\"PROJECT\"", ""), "EXP_KIND", "required"),
                Arguments.of("project without project code", valid.replace("\"PRO_CODE\":\"P-BAD\",", ""),
                        "PRO_CODE", "required"),
                Arguments.of("year as text", valid.replace("2026", "\"twenty\""), "FISCAL_YEAR", "type"),
                Arguments.of("year out of range", valid.replace("2026", "1999"), "FISCAL_YEAR", "range"),
                Arguments.of("missing operator", valid.replace(",\"OPERATOR\":\"zhang.san\"", ""), "OPERATOR",
                        "required"),
                Arguments.of("unknown field", valid.replace("{", "{\"PAY_NOW\":true,"), "PAY_NOW", "unknown-field"),
                Arguments.of("duplicate field", valid.replace("{", "{\"BGT_ID\":\"B-2\","), "$", "malformed-json"),
                Arguments.of("malformed JSON", valid.substring(0, valid.length() - 5), "$", "malformed-json"),
                Arguments.of("trailing garbage", valid + "{}", "$", "malformed-json"),
                Arguments.of("JSON array", "[" + valid + "]", "$", "type"),
                Arguments.of("empty body", "", "$", "required"),
                Arguments.of("null body", "null", "$", "required"),
                Arguments.of("deep nesting", "{\"MOF_DIV_CODE\":" + "[".repeat(100) + "]".repeat(100) + "}",
                        "MOF_DIV_CODE", "type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restChecks")
    void restPaymentCheck(String name, String body, String field, String rule) throws Exception {
        HttpResponse<String> response = Jixiao.postJson("/payment-guard/checks", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(problem.get("errors")).anySatisfy(e -> {
            assertThat(e.get("field").asText()).isEqualTo(field);
            assertThat(e.get("rule").asText()).isEqualTo(rule);
        });
    }

    static Stream<Arguments> restHolds() {
        String valid = "{\"MOF_DIV_CODE\":\"440100000\",\"TARGET_TYPE\":\"PROJECT\",\"PRO_CODE\":\"" + BAD_PROJECT
                + "\",\"HOLD_KIND\":\"SUSPEND\",\"REASON\":\"偏离\",\"CALLER_SYSTEM\":\"UI\",\"OPERATOR\":\"li\","
                + "\"OPERATOR_ROLE\":\"FINANCE\"}";
        return Stream.of(
                Arguments.of("unknown kind", valid.replace("SUSPEND", "PAUSE"), "HOLD_KIND", "enum"),
                Arguments.of("unknown target type", valid.replace("\"PROJECT\"", "\"AGENCY\""), "TARGET_TYPE", "enum"),
                Arguments.of("both codes", valid.replace("{", "{\"BGT_ID\":\"B-1\","), "BGT_ID", "target"),
                Arguments.of("blank reason", valid.replace("偏离", "  "), "REASON", "required"),
                Arguments.of("reason too long", valid.replace("偏离", "长".repeat(501)), "REASON", "max-length"),
                Arguments.of("host system without operator", valid.replace("\"OPERATOR_ROLE\":\"FINANCE\"",
                        "\"OPERATOR_ROLE\":\"HOST_SYSTEM\"").replace("\"OPERATOR\":\"li\",", ""), "OPERATOR",
                        "required"),
                Arguments.of("malformed region", valid.replace("440100000", "x"), "MOF_DIV_CODE", "pattern"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restHolds")
    void restPlaceHold(String name, String body, String field, String rule) throws Exception {
        HttpResponse<String> response = Jixiao.postJson("/holds", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors")).anySatisfy(e -> {
            assertThat(e.get("field").asText()).isEqualTo(field);
            assertThat(e.get("rule").asText()).isEqualTo(rule);
        });
    }

    static Stream<Arguments> restHttp() {
        String valid = checkJson(BAD_APP, BAD_PROJECT, "B-1", "100.00", "PROJECT");
        return Stream.of(
                Arguments.of("text/plain body", "/payment-guard/checks", "text/plain", valid, 415),
                Arguments.of("XML body to the JSON API", "/payment-guard/checks", "application/xml",
                        "<x>1</x>", 415),
                Arguments.of("unknown path", "/payment-guard/decide", "application/json", valid, 404),
                Arguments.of("non-numeric hold id", "/holds/abc/release", "application/json",
                        "{\"REASON\":\"x\",\"CALLER_SYSTEM\":\"UI\",\"OPERATOR\":\"li\",\"OPERATOR_ROLE\":\"FINANCE\"}",
                        400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restHttp")
    void restHttpErrorsAreProblems(String name, String path, String type, String body, int status)
            throws Exception {
        HttpResponse<String> response = Jixiao.post(Jixiao.REST + path, type, body, "Authorization",
                Jixiao.basic("pay-module"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(status);
    }

    static Stream<Arguments> soapChecks() {
        return Stream.of(
                Arguments.of("malformed region", checkSoap(BAD_APP, BAD_PROJECT, "B-1", "1.00", "PROJECT")
                        .replace("440100000", "44"), "soap:Client", "MofDivCode"),
                Arguments.of("negative amount", checkSoap(BAD_APP, BAD_PROJECT, "B-1", "-1.00", "PROJECT"),
                        "soap:Client", "Amount"),
                Arguments.of("zero amount", checkSoap(BAD_APP, BAD_PROJECT, "B-1", "0", "PROJECT"),
                        "soap:Client", "Amount"),
                Arguments.of("three decimals", checkSoap(BAD_APP, BAD_PROJECT, "B-1", "1.001", "PROJECT"),
                        "soap:Client", "fraction digits"),
                Arguments.of("non-numeric amount", checkSoap(BAD_APP, BAD_PROJECT, "B-1", "abc", "PROJECT"),
                        "soap:Client", "decimal"),
                Arguments.of("unknown kind", checkSoap(BAD_APP, BAD_PROJECT, "B-1", "1.00", "SALARY"),
                        "soap:Client", "SALARY"),
                Arguments.of("missing element", checkSoap(BAD_APP, BAD_PROJECT, "B-1", "1.00", "PROJECT")
                        .replaceAll("<pg:OPERATOR>.*</pg:OPERATOR>", ""), "soap:Client", "OPERATOR"),
                Arguments.of("project without project code", checkSoap(BAD_APP, null, "B-1", "1.00", "PROJECT"),
                        "soap:Client", "<CODE>INVALID_INPUT</CODE>"),
                Arguments.of("unknown element", checkSoap(BAD_APP, BAD_PROJECT, "B-1", "1.00", "PROJECT")
                        .replace("</pg:CheckPaymentRequest>", "<pg:PAY_NOW>1</pg:PAY_NOW></pg:CheckPaymentRequest>"),
                        "soap:Client", "PAY_NOW"),
                Arguments.of("malformed XML", "<pg:CheckPaymentRequest><pg:MOF_DIV_CODE>", "soap:Client", ""),
                Arguments.of("undeclared entity", "&lol;", "soap:Client", "request element"),
                Arguments.of("empty body", "", "soap:Client", "request element"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("soapChecks")
    void soapPaymentCheck(String name, String body, String faultCode, String mentions) throws Exception {
        HttpResponse<String> response = Jixiao.soap("CheckPayment", body);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<faultcode>" + faultCode + "</faultcode>").contains(mentions)
                .doesNotContain("<DECISION>");
    }

    @org.junit.jupiter.api.Test
    void soapRefusesDoctypesAndExternalEntities() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>&x;"
                + "</soapenv:Body></soapenv:Envelope>";
        HttpResponse<String> response = Jixiao.post(Jixiao.SOAP, "text/xml; charset=utf-8", xxe);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<faultcode>soap:Client</faultcode>").doesNotContain("root:");
    }

    static Stream<Arguments> restCredentials() {
        return Stream.of(
                Arguments.of("no credentials", null),
                Arguments.of("wrong password", Jixiao.basic("finance01").replace("Basic ", "Basic x")),
                Arguments.of("unknown account", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("nobody:" + Jixiao.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                Arguments.of("malformed basic", "Basic %%%"),
                Arguments.of("basic without colon", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "finance01".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                Arguments.of("unknown scheme", "Digest username=finance01"),
                Arguments.of("malformed bearer", "Bearer not.a.jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restCredentials")
    void restRefusesUnauthenticatedCalls(String name, String authorization) throws Exception {
        String body = "{\"MOF_DIV_CODE\":\"440100000\",\"TARGET_TYPE\":\"PROJECT\",\"PRO_CODE\":\"" + BAD_PROJECT
                + "\",\"HOLD_KIND\":\"STOP\",\"REASON\":\"x\"}";
        HttpResponse<String> response = authorization == null
                ? Jixiao.post(Jixiao.REST + "/holds", "application/json", body)
                : Jixiao.post(Jixiao.REST + "/holds", "application/json", body, "Authorization", authorization);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"jixiao\", Bearer realm=\"jixiao\"");
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    static Stream<Arguments> soapCredentials() {
        String now = java.time.Instant.now().toString();
        return Stream.of(
                Arguments.of("no security header", ""),
                Arguments.of("wrong password", Jixiao.usernameToken("finance01", "wrong", "n1-" + now, now)),
                Arguments.of("unknown account", Jixiao.usernameToken("nobody", Jixiao.PASSWORD, "n2-" + now, now)),
                Arguments.of("stale token", Jixiao.usernameToken("finance01", Jixiao.PASSWORD, "n3-" + now,
                        java.time.Instant.now().minusSeconds(3600).toString())),
                Arguments.of("token from the future", Jixiao.usernameToken("finance01", Jixiao.PASSWORD, "n4-" + now,
                        java.time.Instant.now().plusSeconds(3600).toString())),
                Arguments.of("malformed created", Jixiao.usernameToken("finance01", Jixiao.PASSWORD, "n5-" + now,
                        "yesterday")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("soapCredentials")
    void soapRefusesUnauthenticatedCalls(String name, String header) throws Exception {
        HttpResponse<String> response = Jixiao.soapWithHeader(header, "PlaceHold", "<pg:PlaceHoldRequest>" + elements(
                "MOF_DIV_CODE", "440100000", "TARGET_TYPE", "PROJECT", "PRO_CODE", BAD_PROJECT, "HOLD_KIND", "STOP",
                "REASON", "x") + "</pg:PlaceHoldRequest>");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("FailedAuthentication").doesNotContain("<HOLD>");
    }

    @org.junit.jupiter.api.Test
    void soapRefusesAReplayedToken() throws Exception {
        String now = java.time.Instant.now().toString();
        String token = Jixiao.usernameToken("pay-module", Jixiao.PASSWORD, "replayed-" + now, now);
        String check = checkSoap("REPLAY-1", "P-REPLAY", "B-1", "1.00", "PROJECT");

        assertThat(Jixiao.soapWithHeader(token, "CheckPayment", check).body()).contains("<DECISION>PASS</DECISION>");
        HttpResponse<String> replay = Jixiao.soapWithHeader(token, "CheckPayment", check);
        assertThat(replay.statusCode()).isEqualTo(500);
        assertThat(replay.body()).contains("FailedAuthentication");
    }

    @org.junit.jupiter.api.Test
    void oversizedRestBodiesAre413() throws Exception {
        String huge = "{\"REASON\":\"" + "x".repeat(300_000) + "\"}";
        HttpResponse<String> declared = Jixiao.post(Jixiao.REST + "/holds", "application/json", huge,
                "Authorization", Jixiao.basic("finance01"));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(declared.body()).get("status").asInt()).isEqualTo(413);

        // whitespace: no JSON limit stops it before the byte cap does
        String padded = "{\"REASON\":\"x\"" + " ".repeat(300_000) + "}";
        java.net.http.HttpRequest chunked = java.net.http.HttpRequest.newBuilder(java.net.URI.create(Jixiao.REST + "/holds"))
                .header("Content-Type", "application/json").header("Authorization", Jixiao.basic("finance01"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(padded.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> streamed = java.net.http.HttpClient.newHttpClient().send(chunked,
                HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(413);
    }

    @org.junit.jupiter.api.Test
    void oversizedSoapDocumentsAreRefused() throws Exception {
        HttpResponse<String> response = Jixiao.soap("PlaceHold", "<pg:PlaceHoldRequest>" + elements("MOF_DIV_CODE",
                "440100000", "TARGET_TYPE", "PROJECT", "PRO_CODE", BAD_PROJECT, "HOLD_KIND", "STOP",
                "REASON", "x".repeat(300_000), "OPERATOR_ROLE", "FINANCE") + "</pg:PlaceHoldRequest>");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<faultcode>soap:Client</faultcode>");
    }
}
