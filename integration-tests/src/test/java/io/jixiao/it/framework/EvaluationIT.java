package io.jixiao.it.framework;

import static io.jixiao.it.framework.MonitoringIT.get;
import static io.jixiao.it.framework.MonitoringIT.ok;
import static io.jixiao.it.framework.MonitoringIT.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * From the final-accounts close to a scored self-evaluation over REST, the host's ledger served by the mock host
 * through the host-client bundle.
 */
class EvaluationIT {
    /** A region of its own: no other test puts ledger lines or goals here. */
    private static final String REGION = "450100000";
    private static MockHost host;

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
        host = MockHost.start();
    }

    private static String close(String agency) {
        return "{\"MOF_DIV_CODE\":\"" + REGION + "\",\"FISCAL_YEAR\":2026,\"AGENCY_CODE\":\"" + agency
                + "\",\"OPERATOR\":\"juesuan.li\"}";
    }

    @Test
    void closingTheYearOpensSelfEvaluationsThatTheUnitScoresAndFinanceReads() throws Exception {
        MonitoringIT.hostOver("REST");
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String project = "EV-" + tag;
        String noGoal = "EV-NOGOAL-" + tag;
        host.ledgers.put(REGION, List.of(
                MockHost.line(project, "B-" + project + "-1", "PROJECT", "600000.00", "500000.00"),
                MockHost.line(project, "B-" + project + "-2", "PROJECT", "400000.00", "350000.00"),
                MockHost.line(noGoal, "B-" + noGoal, "PROJECT", "100000.00", "0.00"),
                MockHost.line("EV-SALARY-" + tag, "B-SAL-" + tag, "BASIC", "900000.00", "900000.00")));
        MonitoringIT.approvedGoal(REGION, project);

        assertThat(post("unit01", "/evaluations/year-closings", close("101001").replace(",\"OPERATOR\":\"juesuan.li\"",
                "")).statusCode())
                .as("closing a year is the host's or finance's").isEqualTo(403);
        JsonNode closed = ok(post("pay-module", "/evaluations/year-closings", close("101001")), 200);
        assertThat(closed.get("OPENED")).hasSize(1);
        JsonNode task = closed.get("OPENED").get(0);
        assertThat(task.get("PRO_CODE").asText()).isEqualTo(project);
        assertThat(task.get("BUDGET_AMT").decimalValue()).isEqualByComparingTo("1000000.00");
        assertThat(task.get("SPENT_AMT").decimalValue()).isEqualByComparingTo("850000.00");
        assertThat(task.get("STATUS").asText()).isEqualTo("OPEN");
        assertThat(closed.get("WITHOUT_GOAL").toString()).isEqualTo("[\"" + noGoal + "\"]");
        long taskId = task.get("TASK_ID").asLong();

        JsonNode again = ok(post("finance01", "/evaluations/year-closings", close("101001")
                .replace(",\"OPERATOR\":\"juesuan.li\"", "")), 200);
        assertThat(again.get("OPENED")).isEmpty();
        assertThat(again.get("ALREADY_OPEN").asInt()).isEqualTo(1);
        JsonNode page = ok(get("unit01", "/evaluations/tasks?MOF_DIV_CODE=" + REGION
                + "&FISCAL_YEAR=2026&STATUS=OPEN"), 200);
        assertThat(page.get("TASKS")).extracting(t -> t.get("TASK_ID").asLong()).containsExactly(taskId);

        JsonNode incomplete = ok(post("unit01", "/evaluations/tasks/" + taskId + "/self-evaluation",
                "{\"INDICATORS\":[{\"LINE\":1,\"ACTUAL\":80}]}"), 400);
        assertThat(incomplete.toString()).contains("INDICATORS", "complete");
        // eight indicators ≥ 100 (Goals.goal(8)): output lines 1, 2, 5, 6 worth 12.5 each, benefit 3, 7, 8 worth 10
        // each, satisfaction 4 worth 10. Line 1 at 80 → 10; line 8 at 50 → 5; line 4 at 90 → 9; the rest met.
        // output 10 + 37.5 = 47.5; benefit 25; satisfaction 9; execution 850,000 / 1,000,000 → 8.5; total 90.00 → 优
        StringBuilder entries = new StringBuilder();
        String[] actual = {"80", "100", "100", "90", "100", "100", "100", "50"};
        for (int line = 1; line <= 8; line++) {
            entries.append(line == 1 ? "" : ",").append("{\"LINE\":").append(line).append(",\"ACTUAL\":")
                    .append(actual[line - 1]).append(line == 1 ? ",\"DEVIATION_REASON\":\"报名人数不足\"}" : "}");
        }
        JsonNode card = ok(post("unit01", "/evaluations/tasks/" + taskId + "/self-evaluation",
                "{\"INDICATORS\":[" + entries + "]}"), 200);
        assertThat(card.get("TOTAL").decimalValue()).isEqualByComparingTo("90.00");
        assertThat(card.get("GRADE").asText()).isEqualTo("EXCELLENT");
        assertThat(card.get("GRADE_ZH").asText()).isEqualTo("优");
        assertThat(card.get("EXECUTION_RATE").decimalValue()).isEqualByComparingTo("85.00");
        assertThat(card.get("INDICATORS").get(0).get("POINTS").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(card.get("RULE_VERSION").asText()).endsWith("national/2019#3");
        assertThat(post("unit01", "/evaluations/tasks/" + taskId + "/self-evaluation",
                "{\"INDICATORS\":[" + entries + "]}").statusCode()).as("scored once").isEqualTo(409);

        JsonNode stored = ok(get("finance01", "/evaluations/tasks/" + taskId + "/scorecard"), 200);
        assertThat(stored.get("TOTAL").decimalValue()).isEqualByComparingTo("90.00");
        assertThat(stored.get("INDICATORS")).hasSize(8);
        assertThat(stored.get("INDICATORS").get(0).get("DEVIATION_REASON").asText()).isEqualTo("报名人数不足");
        JsonNode submitted = ok(get("finance01", "/evaluations/tasks/" + taskId), 200);
        assertThat(submitted.get("STATUS").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("SUBMITTED_BY").asText()).isEqualTo("unit01");
        assertThat(get("finance02", "/evaluations/tasks/" + taskId).statusCode()).as("another district")
                .isEqualTo(404);
        JsonNode audit = ok(get("auditor01", "/audit/entries?MOF_DIV_CODE=" + REGION + "&PRO_CODE=" + project), 200);
        assertThat(audit.toString()).contains("EVALUATION_OPENED", "SELF_EVALUATION_SUBMITTED");
    }

    @Test
    void aLedgerTheHostCannotServeOpensNothingAndSaysSo() throws Exception {
        MonitoringIT.hostOver("REST");
        host.misbehave(MockHost.Mode.FAILING, -1);
        try {
            JsonNode refused = ok(post("pay-module", "/evaluations/year-closings", close("101009")), 503);
            assertThat(refused.get("code").asText()).isEqualTo("PORT_UNAVAILABLE");
        } finally {
            host.recover();
        }
        JsonNode page = ok(get("finance01", "/evaluations/tasks?MOF_DIV_CODE=" + REGION
                + "&FISCAL_YEAR=2026&AGENCY_CODE=101009"), 200);
        assertThat(page.get("TASKS")).isEmpty();
    }
}
