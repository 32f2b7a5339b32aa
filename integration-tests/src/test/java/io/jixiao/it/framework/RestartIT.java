package io.jixiao.it.framework;

import static io.jixiao.it.framework.Jixiao.checkJson;
import static io.jixiao.it.framework.Jixiao.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.PayAppNo;
import io.jixiao.store.DecisionRepository;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Restarting the store and the payment-guard bundle inside the running framework: holds come back from the
 * database into the guard's index, and PASS decisions accepted before a stop are written by the stop.
 * (A restart of the whole process is covered by the distribution test.)
 */
class RestartIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    @Test
    void holdsSurviveARestartOfStoreAndGuard() throws Exception {
        String holdId = JSON.readTree(postJson("/holds", "{\"MOF_DIV_CODE\":\"440100000\",\"TARGET_TYPE\":\"PROJECT\","
                + "\"PRO_CODE\":\"P-RESTART\",\"HOLD_KIND\":\"STOP\",\"REASON\":\"超概算\",\"CALLER_SYSTEM\":\"UI\","
                + "\"OPERATOR\":\"li\",\"OPERATOR_ROLE\":\"FINANCE\"}").body()).get("HOLD_ID").asText();

        restart("io.jixiao.store");
        restart("io.jixiao.guard");
        Jixiao.awaitOk(Jixiao.SOAP + "?wsdl");
        Jixiao.awaitOk(Jixiao.REST + "/openapi.json");

        var decision = JSON.readTree(postJson("/payment-guard/checks",
                checkJson("RESTART-1", "P-RESTART", "B-1", "1.00", "PROJECT")).body());
        assertThat(decision.get("DECISION").asText()).isEqualTo("HOLD");
        assertThat(decision.get("HOLD_ID").asText()).isEqualTo(holdId);
    }

    @Test
    void passDecisionsAcceptedBeforeAStopAreWritten() throws Exception {
        for (int i = 0; i < 40; i++) {
            assertThat(postJson("/payment-guard/checks", checkJson("STOPPING-1", "P-FREE", "B-1", "1.00", "PROJECT"))
                    .statusCode()).isEqualTo(200);
        }
        restart("io.jixiao.guard");

        BundleContext context = FrameworkUtil.getBundle(RestartIT.class).getBundleContext();
        ServiceTracker<DecisionRepository, DecisionRepository> tracker = new ServiceTracker<>(context,
                DecisionRepository.class, null);
        tracker.open();
        try {
            DecisionRepository decisions = tracker.waitForService(30_000);
            assertThat(decisions.findByApplication(MofDivCode.of("440100000"), FiscalYear.of(2026),
                    PayAppNo.of("STOPPING-1"))).hasSize(40);
        } finally {
            tracker.close();
        }
        Jixiao.awaitOk(Jixiao.REST + "/openapi.json");
    }

    private static void restart(String symbolicName) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(RestartIT.class).getBundleContext();
        Bundle bundle = Arrays.stream(context.getBundles()).filter(b -> b.getSymbolicName().equals(symbolicName))
                .findFirst().orElseThrow();
        bundle.stop();
        bundle.start();
    }
}
