package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Per-account budgets (burst01: burst 3, then one request per 5 s): 429 with Retry-After, on both adapters. */
class RateLimitIT {

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    @Test
    void overBudgetCallsAreRefusedUntilTheBudgetRefills() throws Exception {
        String verify = "{\"MOF_DIV_CODE\":\"440100000\"}";
        int limited = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 6; i++) {
            last = Jixiao.post(Jixiao.REST + "/audit/verifications", "application/json", verify, "Authorization",
                    Jixiao.basic("burst01"));
            if (last.statusCode() == 429) {
                limited++;
                assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(
                        v -> assertThat(Integer.parseInt(v)).isBetween(1, 5));
                assertThat(new ObjectMapper().readTree(last.body()).get("code").asText()).isEqualTo("RATE_LIMITED");
            }
        }
        assertThat(limited).as("three within the burst, the rest refused").isGreaterThanOrEqualTo(2);

        HttpResponse<String> soap = Jixiao.soapAs("burst01", Jixiao.PASSWORD, "GetHold",
                "<pg:GetHoldRequest><pg:HOLD_ID>1</pg:HOLD_ID></pg:GetHoldRequest>");
        assertThat(soap.statusCode()).isEqualTo(429);
        assertThat(soap.body()).contains("RATE_LIMITED");

        assertThat(Jixiao.postJson("/audit/verifications", "{\"MOF_DIV_CODE\":\"440100000\",\"OPERATOR_ROLE\":"
                + "\"AUDITOR\"}").statusCode()).as("other accounts are not affected").isEqualTo(200);
    }
}
