package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The guard's state and its emergency bypass, over REST and SOAP, on a held project. */
class GuardIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "610000000";

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    private static JsonNode ok(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static String check(String project, String kind) {
        return "{\"MOF_DIV_CODE\":\"" + REGION + "\",\"FISCAL_YEAR\":2026,\"PAY_APP_NO\":\"G-" + UUID.randomUUID()
                .toString().substring(0, 8) + "\",\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\"" + project
                + "\",\"BGT_ID\":\"B-1\",\"PAY_APP_AMT\":100.00,\"EXP_KIND\":\"" + kind + "\",\"OPERATOR\":\"teller\"}";
    }

    private static String soap(String account, String operation, String body) throws Exception {
        return Jixiao.soapAs(account, Jixiao.PASSWORD, Jixiao.SOAP, operation, body).body();
    }

    @Test
    void financeOpensAndClosesAnEmergencyBypassAndTheStateShowsIt() throws Exception {
        String project = "P-GUARD-" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode hold = ok(Jixiao.post(Jixiao.REST + "/holds", "application/json", "{\"MOF_DIV_CODE\":\"" + REGION
                + "\",\"TARGET_TYPE\":\"PROJECT\",\"PRO_CODE\":\"" + project + "\",\"HOLD_KIND\":\"STOP\","
                + "\"REASON\":\"红灯\"}", "Authorization", Jixiao.basic("finance01")), 201);
        assertThat(ok(Jixiao.postJson("/payment-guard/checks", check(project, "PROJECT")), 200)
                .get("DECISION").asText()).isEqualTo("HOLD");

        JsonNode state = ok(Jixiao.get(Jixiao.REST + "/payment-guard/status?MOF_DIV_CODE=" + REGION), 200);
        assertThat(state.get("CONSISTENCY").asText()).isEqualTo("BOUNDED");
        assertThat(state.get("LOADED").asBoolean()).isTrue();
        assertThat(state.get("TRUSTED").asBoolean()).isTrue();
        assertThat(state.get("INDEX_AGE_MS").asLong()).isLessThan(state.get("STALE_AFTER_MS").asLong());
        assertThat(state.has("BYPASS")).isFalse();
        assertThat(state.get("JOURNAL_BACKLOG_BYTES").isIntegralNumber()).as(state.toString()).isTrue();

        String until = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(2).withNano(0).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        assertThat(Jixiao.post(Jixiao.REST + "/payment-guard/bypasses", "application/json", "{\"MOF_DIV_CODE\":\""
                + REGION + "\",\"UNTIL\":\"" + until + "\",\"REASON\":\"x\"}", "Authorization",
                Jixiao.basic("unit01")).statusCode()).isEqualTo(403);
        HttpResponse<String> opened = Jixiao.post(Jixiao.REST + "/payment-guard/bypasses", "application/json",
                "{\"MOF_DIV_CODE\":\"" + REGION + "\",\"UNTIL\":\"" + until + "\",\"REASON\":\"国库系统切换\"}",
                "Authorization", Jixiao.basic("finance01"), "Idempotency-Key", UUID.randomUUID().toString());
        JsonNode bypass = ok(opened, 201);
        long bypassId = bypass.get("BYPASS_ID").asLong();
        assertThat(opened.headers().firstValue("Location"))
                .hasValue(Jixiao.REST + "/payment-guard/bypasses/" + bypassId);
        JsonNode passed = ok(Jixiao.postJson("/payment-guard/checks", check(project, "PROJECT")), 200);
        assertThat(passed.get("DECISION").asText()).isEqualTo("PASS");
        assertThat(passed.get("REASON_CODE").asText()).isEqualTo("EMERGENCY_BYPASS");

        String soapState = soap("auditor01", "GetGuardStatus", "<pg:GetGuardStatusRequest>"
                + Jixiao.elements("MOF_DIV_CODE", REGION) + "</pg:GetGuardStatusRequest>");
        assertThat(soapState).contains("<CONSISTENCY>BOUNDED</CONSISTENCY>", "<TRUSTED>true</TRUSTED>",
                "<JOURNAL_BACKLOG_BYTES>",
                "<BYPASS_ID>" + bypassId + "</BYPASS_ID>", "国库系统切换");
        String closed = soap("finance01", "CloseBypass", "<pg:CloseBypassRequest>" + Jixiao.elements("BYPASS_ID",
                Long.toString(bypassId), "REASON", "切换完成") + "</pg:CloseBypassRequest>");
        assertThat(closed).contains("<CLOSED_AT>", "<CLOSE_REASON>切换完成</CLOSE_REASON>");
        JsonNode heldAgain = ok(Jixiao.postJson("/payment-guard/checks", check(project, "PROJECT")), 200);
        assertThat(heldAgain.get("DECISION").asText()).isEqualTo("HOLD");
        assertThat(heldAgain.get("HOLD_ID").asLong()).isEqualTo(hold.get("HOLD_ID").asLong());
        assertThat(soap("finance01", "OpenBypass", "<pg:OpenBypassRequest>" + Jixiao.elements("MOF_DIV_CODE", REGION,
                "UNTIL", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(4).withNano(0).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME), "REASON",
                "too long") + "</pg:OpenBypassRequest>")).contains("INVALID_INPUT", "UNTIL");
        assertThat(ok(Jixiao.post(Jixiao.REST + "/payment-guard/bypasses/" + bypassId + "/closing",
                "application/json", "{\"REASON\":\"again\"}", "Authorization", Jixiao.basic("finance01")), 409)
                .toString()).contains("no longer open");
    }

    @Test
    void aPaymentDeclaredBasicOnAProjectWithAnApprovedGoalIsDecidedAsAProjectPayment() throws Exception {
        String project = "P-KIND-" + UUID.randomUUID().toString().substring(0, 6);
        MonitoringIT.approvedGoal(REGION, project);
        JsonNode hold = ok(Jixiao.post(Jixiao.REST + "/holds", "application/json", "{\"MOF_DIV_CODE\":\"" + REGION
                + "\",\"TARGET_TYPE\":\"PROJECT\",\"PRO_CODE\":\"" + project + "\",\"HOLD_KIND\":\"SUSPEND\","
                + "\"REASON\":\"红灯\"}", "Authorization", Jixiao.basic("finance01")), 201);
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode decision = ok(Jixiao.postJson("/payment-guard/checks", check(project, "BASIC")), 200);
        while (!decision.has("KIND_CORRECTED") && System.currentTimeMillis() < deadline) {
            Thread.sleep(200); // the guard reads the known projects every reconcile (2 s in these tests)
            decision = ok(Jixiao.postJson("/payment-guard/checks", check(project, "BASIC")), 200);
        }
        assertThat(decision.get("DECISION").asText()).isEqualTo("HOLD");
        assertThat(decision.get("REASON_CODE").asText()).isEqualTo("PROJECT_HELD");
        assertThat(decision.get("HOLD_ID").asLong()).isEqualTo(hold.get("HOLD_ID").asLong());
        assertThat(decision.get("KIND_CORRECTED").asBoolean()).isTrue();
        JsonNode salary = ok(Jixiao.postJson("/payment-guard/checks", check("P-SAL" + project.substring(6), "BASIC")), 200);
        assertThat(salary.get("REASON_CODE").asText()).isEqualTo("BASIC_EXPENDITURE");
        assertThat(salary.has("KIND_CORRECTED")).isFalse();
    }

    @Test
    void salariesAndBasicLivelihoodPaidFromAHeldProjectPassAsTheRegionExemptsThem() throws Exception {
        String project = "P-EXEMPT-" + UUID.randomUUID().toString().substring(0, 6);
        ok(Jixiao.post(Jixiao.REST + "/holds", "application/json", "{\"MOF_DIV_CODE\":\"" + REGION
                + "\",\"TARGET_TYPE\":\"PROJECT\",\"PRO_CODE\":\"" + project + "\",\"HOLD_KIND\":\"STOP\","
                + "\"REASON\":\"红灯\"}", "Authorization", Jixiao.basic("finance01")), 201);
        JsonNode livelihood = ok(Jixiao.postJson("/payment-guard/checks", check(project, "PROJECT")
                .replace("\"EXP_KIND\"", "\"GOV_BGT_ECO_CODE\":\"50901\",\"EXP_KIND\"")), 200);
        assertThat(livelihood.get("DECISION").asText()).isEqualTo("PASS");
        assertThat(livelihood.get("REASON_CODE").asText()).as("national default: 501, 509").isEqualTo("EXEMPT_CATEGORY");
        JsonNode goods = ok(Jixiao.postJson("/payment-guard/checks", check(project, "PROJECT")
                .replace("\"EXP_KIND\"", "\"GOV_BGT_ECO_CODE\":\"50201\",\"EXP_KIND\"")), 200);
        assertThat(goods.get("DECISION").asText()).isEqualTo("HOLD");
        String soap = Jixiao.soap("CheckPayment", "<pg:CheckPaymentRequest>" + Jixiao.elements("MOF_DIV_CODE", REGION,
                "FISCAL_YEAR", "2026", "PAY_APP_NO", "S-" + project, "AGENCY_CODE", "101001", "PRO_CODE", project,
                "BGT_ID", "B-1", "PAY_APP_AMT", "100.00", "EXP_KIND", "PROJECT", "GOV_BGT_ECO_CODE", "50101",
                "OPERATOR", "teller") + "</pg:CheckPaymentRequest>").body();
        assertThat(soap).contains("<DECISION>PASS</DECISION>", "<REASON_CODE>EXEMPT_CATEGORY</REASON_CODE>");
        assertThat(ok(Jixiao.postJson("/payment-guard/checks", check(project, "PROJECT")
                .replace("\"EXP_KIND\"", "\"GOV_BGT_ECO_CODE\":\"工资\",\"EXP_KIND\"")), 400).toString())
                .contains("GOV_BGT_ECO_CODE");
    }
}
