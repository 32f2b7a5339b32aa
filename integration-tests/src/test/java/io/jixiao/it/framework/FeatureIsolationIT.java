package io.jixiao.it.framework;

import static io.jixiao.it.framework.Jixiao.checkJson;
import static io.jixiao.it.framework.Jixiao.checkSoap;
import static io.jixiao.it.framework.Jixiao.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Each feature is published on its own: stopping the evaluation bundle leaves the payment check answering over REST
 * and SOAP, with every filter in front of it; the evaluation paths answer 503 with a problem (still behind
 * authentication) until the bundle is back, and then answer as before.
 */
class FeatureIsolationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TASKS = Jixiao.REST + "/evaluations/tasks?MOF_DIV_CODE=440100000&FISCAL_YEAR=2026";

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    @Test
    void stoppingEvaluationLeavesThePaymentCheckAnswering() throws Exception {
        Bundle evaluation = Arrays.stream(FrameworkUtil.getBundle(FeatureIsolationIT.class).getBundleContext()
                .getBundles()).filter(b -> b.getSymbolicName().equals("io.jixiao.evaluation")).findFirst().orElseThrow();
        assertThat(Jixiao.get(TASKS).statusCode()).as("evaluation answers while its bundle runs").isEqualTo(200);
        evaluation.stop();
        try {
            HttpResponse<String> rest = postJson("/payment-guard/checks",
                    checkJson("ISOLATION-1", "P-ISOLATION", "B-1", "1.00", "PROJECT"));
            assertThat(rest.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(rest.body()).get("DECISION").asText()).isEqualTo("PASS");
            HttpResponse<String> soap = Jixiao.soap("CheckPayment",
                    checkSoap("ISOLATION-2", "P-ISOLATION", "B-1", "1.00", "PROJECT"));
            assertThat(soap.statusCode()).isEqualTo(200);
            assertThat(soap.body()).contains("DECISION>PASS<");

            HttpResponse<String> gone = Jixiao.get(TASKS);
            assertThat(gone.statusCode()).isEqualTo(503);
            assertThat(gone.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(gone.headers().firstValue("Retry-After")).hasValue("30");
            JsonNode problem = JSON.readTree(gone.body());
            assertThat(problem.get("code").asText()).isEqualTo("FEATURE_UNAVAILABLE");
            assertThat(problem.get("detail").asText()).contains("EvaluationResource");
            assertThat(Jixiao.get(TASKS, "Accept", "application/json").statusCode())
                    .as("the filters still run first: no credentials, 401").isEqualTo(401);
            assertThat(Jixiao.get(Jixiao.REST + "/openapi.json").statusCode()).as("the contract stays whole")
                    .isEqualTo(200);
        } finally {
            evaluation.start();
        }
        long until = System.nanoTime() + 30_000_000_000L;
        int status = Jixiao.get(TASKS).statusCode();
        while (status == 503 && System.nanoTime() < until) {
            Thread.sleep(50);
            status = Jixiao.get(TASKS).statusCode();
        }
        assertThat(status).as("evaluation answers again once its bundle is back").isEqualTo(200);
    }
}
