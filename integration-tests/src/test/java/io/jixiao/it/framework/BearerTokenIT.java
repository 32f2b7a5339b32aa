package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.jixiao.store.AuditTrail;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/** Bearer JWTs verified against the configured key set: the subject is the account in the audit trail. */
@ExtendWith(ServiceExtension.class)
class BearerTokenIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectService(timeout = 60_000)
    AuditTrail audit;

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    private static HttpResponse<String> place(String authorization, String project) throws Exception {
        return Jixiao.post(Jixiao.REST + "/holds", "application/json", "{\"MOF_DIV_CODE\":\"440100000\","
                + "\"TARGET_TYPE\":\"PROJECT\",\"PRO_CODE\":\"" + project + "\",\"HOLD_KIND\":\"SUSPEND\","
                + "\"REASON\":\"token\"}", "Authorization", authorization);
    }

    @Test
    void aValidTokenActsAsItsSubject() throws Exception {
        HttpResponse<String> placed = place(Jixiao.bearer("zhao.finance", "FINANCE", 300), "P-JWT-1");

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String holdId = JSON.readTree(placed.body()).get("HOLD_ID").asText();
        assertThat(audit.findBySubject("HOLD", holdId, 1)).singleElement()
                .satisfies(e -> assertThat(e.actor().operator()).isEqualTo("zhao.finance"));
    }

    @Test
    void theTokensRolesAreTheRolesJudged() throws Exception {
        assertThat(place(Jixiao.bearer("wang.unit", "UNIT", 300), "P-JWT-2").statusCode()).isEqualTo(403);
    }

    @Test
    void expiredOrForeignTokensAreRefused() throws Exception {
        assertThat(place(Jixiao.bearer("zhao.finance", "FINANCE", -300), "P-JWT-3").statusCode()).isEqualTo(401);
        assertThat(place(Jixiao.bearer(new RSAKeyGenerator(2048).keyID("it-1").generate(), "zhao.finance",
                "FINANCE", 300), "P-JWT-3").statusCode()).isEqualTo(401);
    }

    @Test
    void missingScopeIsNoScope() throws Exception {
        assertThat(place(Jixiao.bearer("zhao.finance", "FINANCE", (java.util.List<String>) null), "P-JWT-4")
                .statusCode()).as("no regions claim").isEqualTo(401);
        assertThat(place(Jixiao.bearer("zhao.finance", "FINANCE", java.util.List.of()), "P-JWT-4").statusCode())
                .as("an empty regions claim").isEqualTo(401);
        assertThat(place(Jixiao.bearer("aletai.finance", "FINANCE", java.util.List.of("654300000")), "P-JWT-4")
                .statusCode()).as("a token for Aletai in Guangzhou").isEqualTo(403);
        assertThat(place(Jixiao.basic("noscope01"), "P-JWT-4").statusCode()).as("an account without regions")
                .isEqualTo(401);
        assertThat(place(Jixiao.bearer("gz.finance", "FINANCE", java.util.List.of("440100000")), "P-JWT-4")
                .statusCode()).as("its own region").isEqualTo(201);
    }
}
