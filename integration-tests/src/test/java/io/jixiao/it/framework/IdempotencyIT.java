package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.service.HoldService;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.AuditTrail;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * One idempotency scheme on both adapters: {@code Idempotency-Key} on the state-changing REST calls, the
 * {@code RequestId} header on the state-changing SOAP operations. Replays get the first answer and change nothing.
 */
@ExtendWith(ServiceExtension.class)
class IdempotencyIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectService(timeout = 60_000)
    HoldService holds;

    @InjectService(timeout = 60_000)
    AuditTrail audit;

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    private static String place(String project, String reason) {
        return "{\"MOF_DIV_CODE\":\"440100000\",\"TARGET_TYPE\":\"PROJECT\",\"PRO_CODE\":\"" + project + "\","
                + "\"HOLD_KIND\":\"SUSPEND\",\"REASON\":\"" + reason + "\",\"CALLER_SYSTEM\":\"JIXIAO-UI\","
                + "\"OPERATOR\":\"li.si\",\"OPERATOR_ROLE\":\"FINANCE\"}";
    }

    private static HttpResponse<String> post(String path, String body, String key) throws Exception {
        return Jixiao.postJson(path, body, "Idempotency-Key", key);
    }

    @Test
    void aReplayedPlacementReturnsTheFirstAnswerAndPlacesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = post("/holds", place("P-IDEM-1", "偏离"), key);
        HttpResponse<String> replay = post("/holds", place("P-IDEM-1", "偏离"), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(replay.body())).isEqualTo(JSON.readTree(first.body()));
        assertThat(replay.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(holds.activeHolds(target("P-IDEM-1"))).hasSize(1);
        String holdId = JSON.readTree(first.body()).get("HOLD_ID").asText();
        assertThat(audit.findBySubject("HOLD", holdId, 10)).hasSize(1);
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(post("/holds", place("P-IDEM-2", "first"), key).statusCode()).isEqualTo(201);

        HttpResponse<String> other = post("/holds", place("P-IDEM-3", "second"), key);

        assertThat(other.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(other.body());
        assertThat(problem.get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(holds.activeHolds(target("P-IDEM-3"))).isEmpty();
    }

    @Test
    void aReplayedReleaseIsNotAConflict() throws Exception {
        String holdId = JSON.readTree(post("/holds", place("P-IDEM-4", "暂缓"), UUID.randomUUID().toString()).body())
                .get("HOLD_ID").asText();
        String release = "{\"REASON\":\"整改完成\",\"CALLER_SYSTEM\":\"JIXIAO-UI\",\"OPERATOR\":\"li.si\","
                + "\"OPERATOR_ROLE\":\"FINANCE\"}";
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post("/holds/" + holdId + "/release", release, key);
        HttpResponse<String> replay = post("/holds/" + holdId + "/release", release, key);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(audit.findBySubject("HOLD", holdId, 10)).hasSize(2);
        assertThat(post("/holds/" + holdId + "/release", release, UUID.randomUUID().toString()).statusCode())
                .as("a new key is a new request").isEqualTo(409);
    }

    @Test
    void aRefusalIsTheFirstAnswerToo() throws Exception {
        String holdId = JSON.readTree(post("/holds", place("P-IDEM-5", "暂缓"), UUID.randomUUID().toString()).body())
                .get("HOLD_ID").asText();
        String byUnit = "{\"REASON\":\"mine\",\"CALLER_SYSTEM\":\"UNIT\",\"OPERATOR\":\"wang\",\"OPERATOR_ROLE\":\"UNIT\"}";
        String key = UUID.randomUUID().toString();

        assertThat(post("/holds/" + holdId + "/release", byUnit, key).statusCode()).isEqualTo(403);
        HttpResponse<String> replay = post("/holds/" + holdId + "/release", byUnit, key);
        assertThat(replay.statusCode()).isEqualTo(403);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(JSON.readTree(replay.body()).get("code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aMalformedKeyIsBadInput() throws Exception {
        HttpResponse<String> response = post("/holds", place("P-IDEM-6", "x"), "spaces are not allowed");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").get(0).get("field").asText())
                .isEqualTo("Idempotency-Key");
        assertThat(holds.activeHolds(target("P-IDEM-6"))).isEmpty();
    }

    // --- SOAP: the RequestId header; every retry carries a fresh UsernameToken (nonces are single-use) ---

    private static String placeXml(String project, String reason) {
        return "<pg:PlaceHoldRequest>" + Jixiao.elements("MOF_DIV_CODE", "440100000", "TARGET_TYPE", "PROJECT",
                "PRO_CODE", project, "HOLD_KIND", "SUSPEND", "REASON", reason) + "</pg:PlaceHoldRequest>";
    }

    private static HttpResponse<String> soap(String account, String operation, String body, String requestId)
            throws Exception {
        String header = Jixiao.usernameToken(account, Jixiao.PASSWORD, UUID.randomUUID().toString(),
                java.time.Instant.now().toString())
                + "<jx:RequestId xmlns:jx=\"http://jixiao.io/ws/common/v1\">" + requestId + "</jx:RequestId>";
        return Jixiao.soapWithHeader(header, operation, body);
    }

    @Test
    void aReplayedSoapPlacementReturnsTheFirstAnswerAndPlacesNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> first = soap("finance01", "PlaceHold", placeXml("P-IDEM-S1", "偏离"), id);
        HttpResponse<String> replay = soap("finance01", "PlaceHold", placeXml("P-IDEM-S1", "偏离"), id);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        String holdId = PaymentHoldsIT.text(first, "HOLD_ID");
        assertThat(PaymentHoldsIT.text(replay, "HOLD_ID")).isEqualTo(holdId);
        assertThat(PaymentHoldsIT.text(replay, "PLACED_AT")).isEqualTo(PaymentHoldsIT.text(first, "PLACED_AT"));
        assertThat(holds.activeHolds(target("P-IDEM-S1"))).hasSize(1);
        assertThat(audit.findBySubject("HOLD", holdId, 10)).hasSize(1);
    }

    @Test
    void theSameRequestIdForADifferentSoapRequestIsAFault() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(soap("finance01", "PlaceHold", placeXml("P-IDEM-S2", "first"), id).statusCode()).isEqualTo(200);

        HttpResponse<String> other = soap("finance01", "PlaceHold", placeXml("P-IDEM-S3", "second"), id);

        assertThat(other.statusCode()).isEqualTo(500);
        assertThat(other.body()).contains("soap:Client");
        assertThat(PaymentHoldsIT.text(other, "CODE")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(PaymentHoldsIT.text(other, "FIELD")).isEqualTo("RequestId");
        assertThat(holds.activeHolds(target("P-IDEM-S3"))).isEmpty();
    }

    @Test
    void aSoapFaultIsTheFirstAnswerToo() throws Exception {
        String holdId = PaymentHoldsIT.text(soap("finance01", "PlaceHold", placeXml("P-IDEM-S4", "暂缓"),
                UUID.randomUUID().toString()), "HOLD_ID");
        String release = "<pg:ReleaseHoldRequest>" + Jixiao.elements("HOLD_ID", holdId, "REASON", "mine")
                + "</pg:ReleaseHoldRequest>";
        String id = UUID.randomUUID().toString();

        assertThat(PaymentHoldsIT.text(soap("unit01", "ReleaseHold", release, id), "CODE")).isEqualTo("FORBIDDEN");
        HttpResponse<String> replay = soap("unit01", "ReleaseHold", release, id);
        assertThat(replay.body()).contains("soap:Client");
        assertThat(PaymentHoldsIT.text(replay, "CODE")).isEqualTo("FORBIDDEN");
        assertThat(holds.activeHolds(target("P-IDEM-S4"))).hasSize(1);
    }

    @Test
    void requestIdsArePerAccount() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(soap("finance01", "PlaceHold", placeXml("P-IDEM-S5", "a"), id).statusCode()).isEqualTo(200);

        HttpResponse<String> someoneElse = soap("auditor01", "PlaceHold", placeXml("P-IDEM-S6", "b"), id);

        assertThat(PaymentHoldsIT.text(someoneElse, "CODE")).as("not a replay of finance01's answer")
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void aMalformedRequestIdIsBadInput() throws Exception {
        HttpResponse<String> response = soap("finance01", "PlaceHold", placeXml("P-IDEM-S7", "x"), "no spaces");

        assertThat(PaymentHoldsIT.text(response, "CODE")).isEqualTo("INVALID_INPUT");
        assertThat(PaymentHoldsIT.text(response, "FIELD")).isEqualTo("RequestId");
        assertThat(holds.activeHolds(target("P-IDEM-S7"))).isEmpty();
    }

    private static HoldTarget target(String project) {
        return HoldTarget.project(MofDivCode.of("440100000"), ProCode.of(project));
    }
}
