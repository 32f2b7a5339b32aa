package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.UUID;
import java.util.function.Predicate;
import org.h2.tools.Server;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The store starts while its database server is down: the payment guard is there all the same and holds project
 * payments fail-safe ({@code GUARD_STATE_UNKNOWN}), basic expenditure passes, the state says why; when the server
 * comes up the store migrates the schema and the guard recovers by itself. A real H2 TCP server on loopback.
 */
class DatabaseDownAtStartIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "440100000";

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    @Test
    void theGuardHoldsFailSafeUntilTheDatabaseAnswersAndThenRecoversByItself() throws Exception {
        ConfigurationAdmin cm = Jixiao.service(ConfigurationAdmin.class);
        Configuration store = cm.getConfiguration("io.jixiao.store", "?");
        Dictionary<String, Object> original = copy(store.getProperties());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String project = "P-DOWN-" + UUID.randomUUID().toString().substring(0, 6);
        Server server = null;
        try {
            Jixiao.configure(cm, "io.jixiao.store", "url", "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:down-at-start;"
                    + "MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "user", "sa",
                    "pool.connectionTimeoutMillis", "1000", "startRetrySeconds", "1");

            JsonNode unknown = await(project, "PROJECT",
                    d -> "GUARD_STATE_UNKNOWN".equals(d.path("REASON_CODE").asText()));
            assertThat(unknown.get("DECISION").asText()).isEqualTo("HOLD");
            assertThat(unknown.has("HOLD_ID")).isFalse();
            assertThat(decide(project, "BASIC").get("DECISION").asText()).isEqualTo("PASS");
            JsonNode state = JSON.readTree(Jixiao.get(Jixiao.REST + "/payment-guard/status?MOF_DIV_CODE=" + REGION)
                    .body());
            assertThat(state.get("LOADED").asBoolean()).isFalse();
            assertThat(state.get("TRUSTED").asBoolean()).isFalse();

            server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists").start();

            JsonNode passed = await(project, "PROJECT", d -> "PASS".equals(d.path("DECISION").asText()));
            assertThat(passed.has("HOLD_ID")).isFalse();
            var placed = Jixiao.post(Jixiao.REST + "/holds", "application/json", "{\"MOF_DIV_CODE\":\"" + REGION
                    + "\",\"TARGET_TYPE\":\"PROJECT\",\"PRO_CODE\":\"" + project + "\",\"HOLD_KIND\":\"STOP\","
                    + "\"REASON\":\"恢复后暂停\"}", "Authorization", Jixiao.basic("finance01"));
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
            JsonNode held = decide(project, "PROJECT");
            assertThat(held.get("DECISION").asText()).isEqualTo("HOLD");
            assertThat(held.get("HOLD_ID").asLong()).isEqualTo(JSON.readTree(placed.body()).get("HOLD_ID").asLong());
            state = JSON.readTree(Jixiao.get(Jixiao.REST + "/payment-guard/status?MOF_DIV_CODE=" + REGION).body());
            assertThat(state.get("TRUSTED").asBoolean()).isTrue();
        } finally {
            // back to the shared database first: stopping the guard writes its pending decisions to this server
            store.update(original);
            try {
                Jixiao.awaitConfigured();
            } finally {
                if (server != null) {
                    server.stop();
                }
            }
        }
    }

    private static JsonNode decide(String project, String kind) throws Exception {
        var response = Jixiao.postJson("/payment-guard/checks", Jixiao.checkJson("DOWN-" + UUID.randomUUID()
                .toString().substring(0, 8), project, "B-1", "1.00", kind));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Checks until the answer is the expected one; the adapters restart with the store (brief 404s). */
    private static JsonNode await(String project, String kind, Predicate<JsonNode> expected) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            var response = Jixiao.postJson("/payment-guard/checks", Jixiao.checkJson("DOWN-" + UUID.randomUUID()
                    .toString().substring(0, 8), project, "B-1", "1.00", kind));
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && expected.test(JSON.readTree(response.body()))) {
                return JSON.readTree(response.body());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no such answer within 60 s; last: " + last);
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>();
        for (var keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            copy.put(key, properties.get(key));
        }
        return copy;
    }
}
