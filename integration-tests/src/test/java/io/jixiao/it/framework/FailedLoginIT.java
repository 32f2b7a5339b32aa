package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Password guessing is throttled per (account, address) before any PBKDF2 derivation: after the limit (10 in a
 * 5-minute window) every attempt is 429 with Retry-After on REST and a RATE_LIMITED client fault with HTTP 429 on
 * SOAP — even with the right password — while other accounts, and the payment module's checks, go on.
 */
class FailedLoginIT {
    private static final String CHECK = "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,\"PAY_APP_NO\":\"%s\","
            + "\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\"P-GUESS\",\"BGT_ID\":\"B-1\",\"PAY_APP_AMT\":10.00,"
            + "\"EXP_KIND\":\"PROJECT\",\"OPERATOR\":\"teller9\"}";

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    @Test
    void twoHundredWrongPasswordsAreThrottledWhileThePaymentModuleGoesOn() throws Exception {
        String wrong = "Basic " + java.util.Base64.getEncoder().encodeToString("guess01:not-the-password".getBytes());
        int unauthorized = 0;
        int throttled = 0;
        int checks = 0;
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> guess = Jixiao.get(Jixiao.REST + "/holds/1", "Authorization", wrong);
            if (guess.statusCode() == 401) {
                unauthorized++;
            } else {
                assertThat(guess.statusCode()).as(guess.body()).isEqualTo(429);
                assertThat(guess.headers().firstValue("Retry-After")).isPresent();
                assertThat(guess.body()).contains("RATE_LIMITED");
                throttled++;
            }
            if (i % 20 == 0) {
                HttpResponse<String> check = Jixiao.post(Jixiao.REST + "/payment-guard/checks", "application/json",
                        CHECK.formatted("GUESS-" + i), "Authorization", Jixiao.basic("pay-module"));
                assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
                checks++;
            }
        }
        assertThat(unauthorized).isEqualTo(10);
        assertThat(throttled).isEqualTo(190);
        assertThat(checks).isEqualTo(10);
        // the right password no longer helps from this address until the window ends: nothing is derived
        assertThat(Jixiao.get(Jixiao.REST + "/holds/1", "Authorization", Jixiao.basic("guess01")).statusCode())
                .isEqualTo(429);
        assertThat(Jixiao.get(Jixiao.REST + "/holds/1", "Authorization", Jixiao.basic("finance01")).statusCode())
                .as("another account").isEqualTo(404);
    }

    @Test
    void soapAnswersRateLimitedWithHttp429() throws Exception {
        for (int i = 0; i < 10; i++) {
            String now = Instant.now().toString();
            HttpResponse<String> refused = Jixiao.soapAs("guess02", "wrong-" + i, "GetHold",
                    "<pg:GetHoldRequest><pg:HOLD_ID>1</pg:HOLD_ID></pg:GetHoldRequest>");
            assertThat(refused.body()).as("attempt " + i + " at " + now).contains("FailedAuthentication");
        }
        HttpResponse<String> throttled = Jixiao.soapAs("guess02", Jixiao.PASSWORD, "GetHold",
                "<pg:GetHoldRequest><pg:HOLD_ID>1</pg:HOLD_ID></pg:GetHoldRequest>");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).contains("<faultcode>soap:Client</faultcode>").contains("RATE_LIMITED");
    }
}
