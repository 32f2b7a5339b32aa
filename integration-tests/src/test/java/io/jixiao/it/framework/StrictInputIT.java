package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JSON values of the declared type only, and one spelling of each id in a path (issue 24's smaller defects). */
class StrictInputIT {
    private static final String CHECK = "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":%s,\"PAY_APP_NO\":%s,"
            + "\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\"P-STRICT\",\"BGT_ID\":\"B-1\",\"PAY_APP_AMT\":%s,"
            + "\"EXP_KIND\":\"PROJECT\",\"OPERATOR\":\"teller9\"}";

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    private static HttpResponse<String> check(String year, String appNo, String amount) throws Exception {
        return Jixiao.post(Jixiao.REST + "/payment-guard/checks", "application/json",
                CHECK.formatted(year, appNo, amount), "Authorization", Jixiao.basic("pay-module"));
    }

    @Test
    void aValueOfAnotherJsonTypeIsRefusedNamingTheField() throws Exception {
        assertThat(check("2026", "\"STRICT-1\"", "10.00").statusCode()).isEqualTo(200);
        for (String[] bad : List.of(new String[] {"2026", "true", "10.00", "PAY_APP_NO"},
                new String[] {"2026", "12345", "10.00", "PAY_APP_NO"},
                new String[] {"\"2026\"", "\"STRICT-2\"", "10.00", "FISCAL_YEAR"},
                new String[] {"2026", "\"STRICT-2\"", "\"10.00\"", "PAY_APP_AMT"})) {
            HttpResponse<String> refused = check(bad[0], bad[1], bad[2]);
            assertThat(refused.statusCode()).as(String.join(" ", bad)).isEqualTo(400);
            assertThat(refused.body()).contains("INVALID_INPUT", bad[3]);
        }
    }

    @Test
    void anIdHasOneSpelling() throws Exception {
        for (String path : List.of("/holds/+1", "/holds/01", "/holds/%EF%BC%91", "/holds/%D9%A1", "/holds/1;x=1",
                "/goals/+7/versions")) {
            HttpResponse<String> refused = Jixiao.get(Jixiao.REST + path, "Authorization", Jixiao.basic("finance01"));
            assertThat(refused.statusCode()).as(path + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("INVALID_INPUT");
        }
        assertThat(Jixiao.get(Jixiao.REST + "/holds/999999999", "Authorization", Jixiao.basic("finance01"))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aWrongMethodIsToldTheDocumentedOnes() throws Exception {
        HttpResponse<String> get = Jixiao.get(Jixiao.REST + "/holds/1/release", "Authorization",
                Jixiao.basic("finance01"));
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("OPTIONS, POST");
        HttpResponse<String> post = Jixiao.post(Jixiao.REST + "/holds/1", "application/json", "{}", "Authorization",
                Jixiao.basic("finance01"));
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
    }

    @Test
    void pagingSpeaksAfterAndNextAfterAndTheOldNamesStillWork() throws Exception {
        String base = Jixiao.REST + "/goals/rechecks?MOF_DIV_CODE=440100000&FISCAL_YEAR=2026&LIMIT=1";
        String finance = Jixiao.basic("finance01");
        assertThat(Jixiao.get(base + "&AFTER=0", "Authorization", finance).statusCode()).isEqualTo(200);
        assertThat(Jixiao.get(base + "&AFTER_GOAL_ID=0", "Authorization", finance).statusCode())
                .as("the deprecated name, for one release").isEqualTo(200);
        HttpResponse<String> both = Jixiao.get(base + "&AFTER=0&AFTER_GOAL_ID=0", "Authorization", finance);
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.body()).contains("AFTER_GOAL_ID", "deprecated");
        HttpResponse<String> page = Jixiao.get(base, "Authorization", finance);
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(page.body());
        if (json.has("NEXT_AFTER")) {
            assertThat(json.get("NEXT_AFTER_GOAL_ID")).as("the old field carries the same value")
                    .isEqualTo(json.get("NEXT_AFTER"));
        }
    }
}
