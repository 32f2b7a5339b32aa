package io.jixiao.it.framework;

import static io.jixiao.it.framework.Jixiao.checkJson;
import static io.jixiao.it.framework.Jixiao.checkSoap;
import static io.jixiao.it.framework.Jixiao.elements;
import static io.jixiao.it.framework.Jixiao.postJson;
import static io.jixiao.it.framework.Jixiao.soap;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.api.hook.PaymentGuard;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Role;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldService;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.AuditTrail;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/** The payment-hold slice end to end: in-process, over REST and over SOAP, with the same semantics. */
@ExtendWith(ServiceExtension.class)
class PaymentHoldsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectService(timeout = 60_000)
    HoldService holds;

    @InjectService(timeout = 60_000)
    PaymentGuard guard;

    @InjectService(timeout = 60_000)
    AuditTrail audit;

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    @Test
    void restSliceFromPassToHoldToReleaseAndBack() throws Exception {
        String check = checkJson("REST-1", "P-REST", "BGT-REST", "1000.50", "PROJECT");
        HttpResponse<String> passed = postJson("/payment-guard/checks", check);
        assertThat(json(passed, 200).get("DECISION").asText()).isEqualTo("PASS");
        assertThat(passed.headers().firstValue("Content-Length")).as("answered with a length, not chunked")
                .hasValue(Integer.toString(passed.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(passed.headers().firstValue("Transfer-Encoding")).isEmpty();

        HttpResponse<String> placed = postJson("/holds", "{\"MOF_DIV_CODE\":\"440100000\",\"TARGET_TYPE\":\"PROJECT\","
                + "\"PRO_CODE\":\"P-REST\",\"HOLD_KIND\":\"SUSPEND\",\"REASON\":\"执行率低于时间进度20个百分点\","
                + "\"CALLER_SYSTEM\":\"JIXIAO-UI\",\"OPERATOR\":\"li.si\",\"OPERATOR_ROLE\":\"FINANCE\"}");
        JsonNode hold = json(placed, 201);
        long holdId = hold.get("HOLD_ID").asLong();
        assertThat(placed.headers().firstValue("Location")).hasValue(Jixiao.REST + "/holds/" + holdId);
        assertThat(hold.get("STATUS").asText()).isEqualTo("ACTIVE");

        JsonNode held = json(postJson("/payment-guard/checks", check), 200);
        assertThat(held.get("DECISION").asText()).isEqualTo("HOLD");
        assertThat(held.get("REASON_CODE").asText()).isEqualTo("PROJECT_HELD");
        assertThat(held.get("HOLD_ID").asLong()).isEqualTo(holdId);
        assertThat(held.get("HOLD_KIND").asText()).isEqualTo("SUSPEND");
        assertThat(held.get("HOLD_REASON").asText()).isEqualTo("执行率低于时间进度20个百分点");
        assertThat(json(postJson("/payment-guard/checks", check), 200)).as("retried check").isEqualTo(held);

        HttpResponse<String> refused = postJson("/holds/" + holdId + "/release",
                "{\"REASON\":\"mine\",\"CALLER_SYSTEM\":\"UNIT-PORTAL\",\"OPERATOR\":\"wang\",\"OPERATOR_ROLE\":\"UNIT\"}");
        assertThat(json(refused, 403).get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(json(postJson("/payment-guard/checks", check), 200).get("DECISION").asText()).isEqualTo("HOLD");

        JsonNode released = json(postJson("/holds/" + holdId + "/release",
                "{\"REASON\":\"整改报告已审核\",\"CALLER_SYSTEM\":\"JIXIAO-UI\",\"OPERATOR\":\"li.si\","
                        + "\"OPERATOR_ROLE\":\"FINANCE\"}"), 200);
        assertThat(released.get("STATUS").asText()).isEqualTo("RELEASED");
        assertThat(released.get("RELEASE_REASON").asText()).isEqualTo("整改报告已审核");
        assertThat(json(postJson("/payment-guard/checks", check), 200).get("DECISION").asText()).isEqualTo("PASS");
        assertThat(json(Jixiao.get(Jixiao.REST + "/holds/" + holdId), 200).get("STATUS").asText())
                .isEqualTo("RELEASED");
        assertThat(json(postJson("/holds/" + holdId + "/release", "{\"REASON\":\"again\",\"CALLER_SYSTEM\":\"UI\","
                + "\"OPERATOR\":\"li.si\",\"OPERATOR_ROLE\":\"FINANCE\"}"), 409).get("code").asText())
                .isEqualTo("CONFLICT");

        assertThat(audit.findBySubject("HOLD", Long.toString(holdId), 10)).extracting(AuditEntry::action)
                .containsExactly("HOLD_PLACED", "HOLD_RELEASED");
        assertThat(audit.findBySubject("PAY_APP", "2026/440100000/REST-1", 10)).hasSize(3)
                .allSatisfy(e -> {
                    assertThat(e.action()).isEqualTo("PAYMENT_HELD");
                    assertThat(e.actor().callerSystem()).isEqualTo("pay-module");
                    assertThat(e.actor().operator()).isEqualTo("zhang.san");
                });
    }

    @Test
    void soapSliceWithAStopThatOnlyFinanceReleases() throws Exception {
        String check = checkSoap("SOAP-1", "P-SOAP", "BGT-SOAP", "20.00", "PROJECT");
        assertThat(text(soap("CheckPayment", check), "DECISION")).isEqualTo("PASS");

        HttpResponse<String> placed = soap("PlaceHold", "<pg:PlaceHoldRequest>" + elements("MOF_DIV_CODE", "440100000",
                "TARGET_TYPE", "PROJECT", "PRO_CODE", "P-SOAP", "HOLD_KIND", "STOP", "REASON", "超概算",
                "CALLER_SYSTEM", "JIXIAO-UI", "OPERATOR", "li.si", "OPERATOR_ROLE", "FINANCE") + "</pg:PlaceHoldRequest>");
        assertThat(placed.statusCode()).isEqualTo(200);
        String holdId = text(placed, "HOLD_ID");

        HttpResponse<String> held = soap("CheckPayment", check);
        assertThat(text(held, "DECISION")).isEqualTo("HOLD");
        assertThat(text(held, "HOLD_ID")).isEqualTo(holdId);
        assertThat(text(held, "HOLD_KIND")).isEqualTo("STOP");
        assertThat(text(held, "HOLD_REASON")).isEqualTo("超概算");

        HttpResponse<String> refused = soap("ReleaseHold", "<pg:ReleaseHoldRequest>" + elements("HOLD_ID", holdId,
                "REASON", "rectified", "CALLER_SYSTEM", "PAY-MODULE", "OPERATOR", "zhang.san",
                "OPERATOR_ROLE", "HOST_SYSTEM") + "</pg:ReleaseHoldRequest>");
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(text(refused, "faultcode")).isEqualTo("soap:Client");
        assertThat(text(refused, "CODE")).isEqualTo("FORBIDDEN");
        assertThat(text(soap("CheckPayment", check), "DECISION")).isEqualTo("HOLD");

        HttpResponse<String> released = soap("ReleaseHold", "<pg:ReleaseHoldRequest>" + elements("HOLD_ID", holdId,
                "REASON", "整改完成", "CALLER_SYSTEM", "JIXIAO-UI", "OPERATOR", "li.si", "OPERATOR_ROLE", "FINANCE")
                + "</pg:ReleaseHoldRequest>");
        assertThat(text(released, "STATUS")).isEqualTo("RELEASED");
        assertThat(text(soap("CheckPayment", check), "DECISION")).isEqualTo("PASS");
        assertThat(text(soap("GetHold", "<pg:GetHoldRequest><pg:HOLD_ID>" + holdId + "</pg:HOLD_ID></pg:GetHoldRequest>"),
                "RELEASE_REASON")).isEqualTo("整改完成");
        assertThat(text(soap("GetHold", "<pg:GetHoldRequest><pg:HOLD_ID>99999999</pg:HOLD_ID></pg:GetHoldRequest>"),
                "CODE")).isEqualTo("NOT_FOUND");
    }

    @Test
    void aHoldPlacedInProcessStopsPaymentsCheckedRemotely() throws Exception {
        Hold hold = holds.place(HoldTarget.project(MofDivCode.of("440100000"), ProCode.of("P-OSGI")), HoldKind.SUSPEND,
                Reason.of("监控预警"), Actor.of("JIXIAO-MONITORING", "system", Role.HOST_SYSTEM));

        assertThat(json(postJson("/payment-guard/checks", checkJson("OSGI-1", "P-OSGI", "B-1", "1", "PROJECT")), 200)
                .get("HOLD_ID").asLong()).isEqualTo(hold.holdId());
        assertThat(text(soap("CheckPayment", checkSoap("OSGI-2", "P-OSGI", "B-1", "1", "PROJECT")), "HOLD_ID"))
                .isEqualTo(Long.toString(hold.holdId()));
        assertThat(guard.check(io.jixiao.api.hook.PaymentApplication.from("440100000", 2026, "OSGI-3", "101001",
                "P-OSGI", "B-1", java.math.BigDecimal.ONE, "PROJECT"), Actor.of("HOST", "op", Role.HOST_SYSTEM))
                .holdId()).isEqualTo(hold.holdId());
    }

    @Test
    void basicExpenditurePassesUnderAnyHold() throws Exception {
        holds.place(HoldTarget.project(MofDivCode.of("440100000"), ProCode.of("P-BASIC")), HoldKind.STOP,
                Reason.of("停止拨款"), Actor.of("JIXIAO-UI", "li.si", Role.FINANCE));

        JsonNode rest = json(postJson("/payment-guard/checks", checkJson("BASIC-1", "P-BASIC", "B-1", "8000", "BASIC")),
                200);
        assertThat(rest.get("DECISION").asText()).isEqualTo("PASS");
        assertThat(rest.get("REASON_CODE").asText()).isEqualTo("BASIC_EXPENDITURE");
        assertThat(text(soap("CheckPayment", checkSoap("BASIC-2", "P-BASIC", "B-1", "8000.00", "BASIC")),
                "REASON_CODE")).isEqualTo("BASIC_EXPENDITURE");
    }

    @Test
    void budgetLineHoldOverRest() throws Exception {
        JsonNode hold = json(postJson("/holds", "{\"MOF_DIV_CODE\":\"440100000\",\"TARGET_TYPE\":\"BUDGET_LINE\","
                + "\"BGT_ID\":\"BGT-LINE-1\",\"HOLD_KIND\":\"SUSPEND\",\"REASON\":\"闲置资金\","
                + "\"CALLER_SYSTEM\":\"JIXIAO-UI\",\"OPERATOR\":\"li.si\",\"OPERATOR_ROLE\":\"FINANCE\"}"), 201);

        assertThat(json(postJson("/payment-guard/checks", checkJson("LINE-1", "P-ANY", "BGT-LINE-1", "1", "PROJECT")),
                200).get("REASON_CODE").asText()).isEqualTo("BUDGET_LINE_HELD");
        assertThat(json(postJson("/payment-guard/checks", checkJson("LINE-2", "P-ANY", "BGT-LINE-2", "1", "PROJECT")),
                200).get("DECISION").asText()).isEqualTo("PASS");
        JsonNode list = json(Jixiao.get(Jixiao.REST + "/holds?MOF_DIV_CODE=440100000&TARGET_TYPE=BUDGET_LINE"
                + "&BGT_ID=BGT-LINE-1"), 200);
        assertThat(list.get("HOLDS").get(0).get("HOLD_ID").asLong()).isEqualTo(hold.get("HOLD_ID").asLong());
    }

    static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    static String text(HttpResponse<String> response, String element) {
        Matcher m = Pattern.compile("<(?:\\w+:)?" + element + ">([^<]*)</").matcher(response.body());
        assertThat(m.find()).as(element + " in " + response.body()).isTrue();
        return m.group(1);
    }
}
