package io.jixiao.it.framework;

import static io.jixiao.it.framework.MonitoringIT.get;
import static io.jixiao.it.framework.MonitoringIT.ok;
import static io.jixiao.it.framework.MonitoringIT.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        return close(REGION, agency);
    }

    /** The host's final-accounts module closes 2026 for an agency of a region. */
    private static String close(String region, String agency) {
        return "{\"MOF_DIV_CODE\":\"" + region + "\",\"FISCAL_YEAR\":2026,\"AGENCY_CODE\":\"" + agency
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

    /**
     * Three projects scored 100.00 (优), 75.00 (中) and 36.00 (差) under the national policy (优 PRIORITY, 中 CUT:10,
     * 差 CANCEL), their 2028 requests 1,000,000 / 500,000 / 300,000; the host breaks down in the middle of the
     * write-back; the retry applies each change once: 1,000,000 / 450,000 / 0.
     */
    @ParameterizedTest
    @CsvSource({"REST,450200000", "SOAP,450300000"})
    void gradesAreWrittenBackIntoTheYearAfterNextOnceEvenWhenTheHostFailsMidBatch(String protocol, String region)
            throws Exception {
        MonitoringIT.hostOver(protocol);
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String best = "EVB-" + tag;
        String fair = "EVF-" + tag;
        String poor = "EVP-" + tag;
        host.ledgers.put(region, List.of(
                MockHost.line(best, "B-1-" + tag, "PROJECT", "1000000.00", "1000000.00"),
                MockHost.line(fair, "B-2-" + tag, "PROJECT", "1000000.00", "500000.00"),
                MockHost.line(poor, "B-3-" + tag, "PROJECT", "1000000.00", "0.00")));
        for (String p : List.of(best, fair, poor)) {
            MonitoringIT.approvedGoal(region, p);
        }
        JsonNode opened = ok(post("pay-module", "/evaluations/year-closings", close(region, "101001")), 200)
                .get("OPENED");
        // eight indicators ≥ 100: output lines 1, 2, 5, 6 (12.5 each), benefit 3, 7, 8 (10 each), satisfaction 4 (10)
        // best: all 100, all spent → 100.00 优; fair: output at 60 → 30 + 30 + 10, half spent → 5: 75.00 中;
        // poor: all at 40 → 20 + 12 + 4, nothing spent: 36.00 差
        Map<String, String[]> actuals = Map.of(best, new String[] {"100", "100", "100", "100", "100", "100", "100",
            "100"}, fair, new String[] {"60", "60", "100", "100", "60", "60", "100", "100"}, poor, new String[] {"40",
                "40", "40", "40", "40", "40", "40", "40"});
        Map<String, String> grades = Map.of(best, "EXCELLENT", fair, "FAIR", poor, "POOR");
        for (JsonNode task : opened) {
            String project = task.get("PRO_CODE").asText();
            JsonNode card = ok(post("unit01", "/evaluations/tasks/" + task.get("TASK_ID").asLong()
                    + "/self-evaluation", "{" + lines(actuals.get(project)) + "}"), 200);
            assertThat(card.get("GRADE").asText()).as(project).isEqualTo(grades.get(project));
        }
        Map<String, BigDecimal> draft = new java.util.concurrent.ConcurrentHashMap<>(Map.of(best,
                new BigDecimal("1000000.00"), fair, new BigDecimal("500000.00"), poor, new BigDecimal("300000.00")));
        host.drafts.put(region + "/2028", draft);

        JsonNode whatIf = ok(post("finance01", "/evaluations/what-if", "{\"MOF_DIV_CODE\":\"" + region
                + "\",\"FISCAL_YEAR\":2026}"), 200);
        assertThat(whatIf.get("TARGET_YEAR").asInt()).isEqualTo(2028);
        assertThat(whatIf.get("REGION").get("CHANGE_AMT").decimalValue()).isEqualByComparingTo("-350000.00");
        JsonNode stricter = ok(post("finance01", "/evaluations/what-if", "{\"MOF_DIV_CODE\":\"" + region
                + "\",\"FISCAL_YEAR\":2026,\"POLICY\":{\"result.action.FAIR\":\"CUT:20\"}}"), 200);
        assertThat(stricter.get("REGION").get("CHANGE_AMT").decimalValue()).isEqualByComparingTo("-400000.00");
        assertThat(stricter.get("DEPARTMENTS").get(0).get("RESULT_AMT").decimalValue())
                .isEqualByComparingTo("1400000.00");
        assertThat(host.appliedChanges.keySet()).as("what-if writes nothing").noneMatch(id -> id.startsWith("JX-EV-")
                && opened.toString().contains("\"TASK_ID\":" + id.substring("JX-EV-".length()) + ","));

        // every attempt of the first run breaks after one new change (the host client tries twice)
        host.failAfterChanges.set(1);
        host.failingChangeCalls.set(2);
        String apply = "{\"MOF_DIV_CODE\":\"" + region + "\",\"FISCAL_YEAR\":2026}";
        JsonNode failed = ok(post("finance01", "/evaluations/result-applications", apply), 503);
        assertThat(failed.get("code").asText()).isEqualTo("PORT_UNAVAILABLE");
        assertThat(ok(get("finance01", "/evaluations/adjustments?MOF_DIV_CODE=" + region + "&FISCAL_YEAR=2026"
                + "&STATUS=PENDING"), 200).get("ADJUSTMENTS")).hasSize(3);

        JsonNode run = ok(post("finance01", "/evaluations/result-applications", apply), 200);
        assertThat(run.get("TARGET_YEAR").asInt()).isEqualTo(2028);
        assertThat(run.get("RECORDED").asInt()).as("each evaluation recorded once").isZero();
        assertThat(run.get("APPLIED").asInt()).isEqualTo(3);
        assertThat(draft).containsEntry(best, new BigDecimal("1000000.00"))
                .containsEntry(fair, new BigDecimal("450000.00")).containsEntry(poor, new BigDecimal("0.00"));
        JsonNode again = ok(post("finance01", "/evaluations/result-applications", apply), 200);
        assertThat(again.get("APPLIED").asInt()).isZero();
        assertThat(draft.get(fair)).as("nothing doubled").isEqualByComparingTo("450000.00");

        JsonNode adjustments = ok(get("finance01", "/evaluations/adjustments?MOF_DIV_CODE=" + region
                + "&FISCAL_YEAR=2026"), 200).get("ADJUSTMENTS");
        assertThat(adjustments).hasSize(3).allMatch(a -> a.get("STATUS").asText().equals("APPLIED"));
        assertThat(adjustments.toString()).contains("result.action.FAIR=CUT:10 @ ", "result.action.POOR=CANCEL @ ");
        JsonNode audit = ok(get("auditor01", "/audit/entries?MOF_DIV_CODE=" + region + "&PRO_CODE=" + poor), 200);
        assertThat(audit.toString()).contains("ALLOCATION_CUT");
    }

    private static String soap(String account, String operation, String body) throws Exception {
        return Jixiao.soapAs(account, Jixiao.PASSWORD, Jixiao.EVALUATION_SOAP, operation, body).body();
    }

    private static String between(String xml, String element) {
        int from = xml.indexOf("<" + element + ">") + element.length() + 2;
        return xml.substring(from, xml.indexOf("</" + element + ">", from));
    }

    @Test
    void theWholeChainRunsOverSoapToo() throws Exception {
        MonitoringIT.hostOver("SOAP");
        String region = "450400000";
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String project = "EVS-" + tag;
        host.ledgers.put(region, List.of(MockHost.line(project, "B-" + tag, "PROJECT", "1000000.00", "500000.00")));
        MonitoringIT.approvedGoal(region, project);
        host.drafts.put(region + "/2028", new java.util.concurrent.ConcurrentHashMap<>(Map.of(project,
                new BigDecimal("800000.00"))));

        String closed = soap("pay-module", "CloseEvaluationYear", "<pg:CloseEvaluationYearRequest>" + Jixiao.elements(
                "MOF_DIV_CODE", region, "FISCAL_YEAR", "2026", "AGENCY_CODE", "101001", "OPERATOR", "juesuan.li")
                + "</pg:CloseEvaluationYearRequest>");
        assertThat(closed).contains("<PRO_CODE>" + project + "</PRO_CODE>", "<SPENT_AMT>500000.00</SPENT_AMT>");
        String taskId = between(closed, "TASK_ID");
        assertThat(soap("unit01", "SubmitSelfEvaluation", "<pg:SubmitSelfEvaluationRequest>"
                + Jixiao.elements("TASK_ID", taskId) + "<pg:INDICATOR>" + Jixiao.elements("LINE", "1", "ACTUAL",
                        "80") + "</pg:INDICATOR></pg:SubmitSelfEvaluationRequest>"))
                .contains("<CODE>INVALID_INPUT</CODE>", "<RULE>complete</RULE>");
        // output lines 1, 2, 5, 6 at 60 → 30; benefit 30; satisfaction 10; execution 50 % → 5: 75.00 中
        StringBuilder lines = new StringBuilder();
        String[] actual = {"60", "60", "100", "100", "60", "60", "100", "100"};
        for (int line = 1; line <= 8; line++) {
            lines.append("<pg:INDICATOR>").append(Jixiao.elements("LINE", String.valueOf(line), "ACTUAL",
                    actual[line - 1])).append("</pg:INDICATOR>");
        }
        String card = soap("unit01", "SubmitSelfEvaluation", "<pg:SubmitSelfEvaluationRequest>"
                + Jixiao.elements("TASK_ID", taskId) + lines + "</pg:SubmitSelfEvaluationRequest>");
        assertThat(card).contains("<TOTAL>75.00</TOTAL>", "<GRADE>FAIR</GRADE>", "<GRADE_ZH>中</GRADE_ZH>");
        assertThat(soap("finance01", "GetScorecard", "<pg:GetScorecardRequest>" + Jixiao.elements("TASK_ID", taskId)
                + "</pg:GetScorecardRequest>")).contains("<TOTAL>75.00</TOTAL>", "<EXECUTION_RATE>50.00</EXECUTION_RATE>");

        String whatIf = soap("finance01", "EvaluationWhatIf", "<pg:EvaluationWhatIfRequest>" + Jixiao.elements(
                "MOF_DIV_CODE", region, "FISCAL_YEAR", "2026") + "<pg:POLICY>" + Jixiao.elements("KEY",
                        "result.action.FAIR", "VALUE", "CUT:25") + "</pg:POLICY></pg:EvaluationWhatIfRequest>");
        assertThat(whatIf).contains("<TARGET_YEAR>2028</TARGET_YEAR>", "<CHANGE_AMT>-200000.00</CHANGE_AMT>");
        String run = soap("finance01", "ApplyEvaluationResults", "<pg:ApplyEvaluationResultsRequest>"
                + Jixiao.elements("MOF_DIV_CODE", region, "FISCAL_YEAR", "2026") + "</pg:ApplyEvaluationResultsRequest>");
        assertThat(run).contains("<APPLIED>1</APPLIED>", "<CHANGE_AMT>-80000.00</CHANGE_AMT>");
        assertThat(host.drafts.get(region + "/2028").get(project)).isEqualByComparingTo("720000.00");
        assertThat(soap("finance01", "ListEvaluationAdjustments", "<pg:ListEvaluationAdjustmentsRequest>"
                + Jixiao.elements("MOF_DIV_CODE", region, "FISCAL_YEAR", "2026")
                + "</pg:ListEvaluationAdjustmentsRequest>")).contains("<CHANGE_ID>JX-EV-" + taskId + "</CHANGE_ID>",
                        "<STATUS>APPLIED</STATUS>");
        assertThat(soap("finance02", "GetEvaluationTask", "<pg:GetEvaluationTaskRequest>" + Jixiao.elements(
                "TASK_ID", taskId) + "</pg:GetEvaluationTaskRequest>")).contains("<CODE>NOT_FOUND</CODE>");
    }

    private static String lines(String... actual) {
        StringBuilder entries = new StringBuilder();
        for (int line = 1; line <= actual.length; line++) {
            entries.append(line == 1 ? "" : ",").append("{\"LINE\":").append(line).append(",\"ACTUAL\":")
                    .append(actual[line - 1]).append('}');
        }
        return "\"INDICATORS\":[" + entries + "]";
    }

    /**
     * Three projects self-evaluated at 100.00 (优); finance re-evaluates one (spot check) at 60.00 and has a third
     * party evaluate another (key evaluation) at 86.00; the results applied are those of the re-evaluation and the
     * key evaluation, not the self-evaluations.
     */
    @Test
    void spotChecksAndKeyEvaluationsDecideTheResultsTheyReEvaluate() throws Exception {
        MonitoringIT.hostOver("REST");
        String region = "450500000";
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String checked = "EVC-" + tag;
        String key = "EVK-" + tag;
        String plain = "EVN-" + tag;
        host.ledgers.put(region, List.of(
                MockHost.line(checked, "B-1-" + tag, "PROJECT", "1000000.00", "1000000.00"),
                MockHost.line(key, "B-2-" + tag, "PROJECT", "1000000.00", "1000000.00"),
                MockHost.line(plain, "B-3-" + tag, "PROJECT", "1000000.00", "1000000.00")));
        for (String p : List.of(checked, key, plain)) {
            MonitoringIT.approvedGoal(region, p);
        }
        JsonNode opened = ok(post("pay-module", "/evaluations/year-closings", close(region, "101001")), 200)
                .get("OPENED");
        String all100 = lines("100", "100", "100", "100", "100", "100", "100", "100");
        for (JsonNode task : opened) {
            assertThat(ok(post("unit01", "/evaluations/tasks/" + task.get("TASK_ID").asLong() + "/self-evaluation",
                    "{" + all100 + "}"), 200).get("TOTAL").decimalValue()).isEqualByComparingTo("100.00");
        }
        String assign = "{\"MOF_DIV_CODE\":\"" + region + "\",\"FISCAL_YEAR\":2026,";
        assertThat(post("unit01", "/evaluations/assignments", assign + "\"KIND\":\"SPOT_CHECK\"}").statusCode())
                .as("finance draws spot checks").isEqualTo(403);
        JsonNode spot = ok(post("finance01", "/evaluations/assignments", assign + "\"KIND\":\"SPOT_CHECK\","
                + "\"PRO_CODES\":[\"" + checked + "\",\"EVX-" + tag + "\"]}"), 200);
        assertThat(spot.get("OPENED")).hasSize(1);
        assertThat(spot.get("NOT_EVALUABLE").toString()).contains("EVX-" + tag + ": no self-evaluation task");
        assertThat(spot.get("OPENED").get(0).get("SELF_TOTAL").decimalValue()).isEqualByComparingTo("100.00");
        long spotId = spot.get("OPENED").get(0).get("TASK_ID").asLong();
        // 10 % of 3 submitted, rounded up: 1 — already reached by the listed check
        JsonNode sample = ok(post("finance01", "/evaluations/assignments", assign + "\"KIND\":\"SPOT_CHECK\"}"),
                200);
        assertThat(sample.get("OPENED")).isEmpty();
        assertThat(sample.get("SAMPLE").asText()).contains("of 3 submitted self-evaluations = 1, 1 already checked, "
                + "0 drawn");

        // re-evaluated: the four output lines at 20 → 4 × 12.5 × 0.2 = 10; benefit 30, satisfaction 10, execution 10
        JsonNode card = ok(post("finance01", "/evaluations/tasks/" + spotId + "/evaluation",
                "{" + lines("20", "20", "100", "100", "20", "20", "100", "100") + "}"), 200);
        assertThat(card.get("TOTAL").decimalValue()).isEqualByComparingTo("60.00");
        JsonNode spotTask = ok(get("finance01", "/evaluations/tasks/" + spotId), 200);
        assertThat(spotTask.get("GAP").decimalValue()).isEqualByComparingTo("-40.00");
        assertThat(spotTask.get("GAP_FLAGGED").asBoolean()).isTrue();

        assertThat(ok(post("finance01", "/evaluations/assignments", assign + "\"KIND\":\"KEY\",\"PRO_CODES\":[\""
                + key + "\"]}"), 400).toString()).contains("EVALUATOR", "required");
        JsonNode keyAssigned = ok(post("finance01", "/evaluations/assignments", assign + "\"KIND\":\"KEY\","
                + "\"PRO_CODES\":[\"" + key + "\"],\"EVALUATOR\":\"evaluator01\"}"), 200);
        long keyId = keyAssigned.get("OPENED").get(0).get("TASK_ID").asLong();
        JsonNode mine = ok(get("evaluator01", "/evaluations/tasks?MOF_DIV_CODE=" + region + "&FISCAL_YEAR=2026"),
                200);
        assertThat(mine.get("TASKS")).extracting(t -> t.get("TASK_ID").asLong()).containsExactly(keyId);
        String criteria = ",\"CRITERIA\":[{\"PART\":\"DECISION\",\"NAME\":\"立项依据充分性\",\"POINTS\":10,"
                + "\"SCORE\":8},{\"PART\":\"PROCESS\",\"NAME\":\"资金管理\",\"POINTS\":10,\"SCORE\":5}]";
        assertThat(post("finance01", "/evaluations/tasks/" + keyId + "/evaluation", "{" + all100 + criteria + "}")
                .statusCode()).as("the assigned third party scores it").isEqualTo(403);
        // decision 20 × 8/10 = 16, process 20 × 5/10 = 10, output 30 and benefit 30 (all met): 86.00 → 良
        JsonNode keyCard = ok(post("evaluator01", "/evaluations/tasks/" + keyId + "/evaluation",
                "{" + all100 + criteria + "}"), 200);
        assertThat(keyCard.get("TOTAL").decimalValue()).isEqualByComparingTo("86.00");
        assertThat(keyCard.get("GRADE").asText()).isEqualTo("GOOD");
        assertThat(keyCard.get("CRITERIA")).extracting(c -> c.get("EARNED").decimalValue().stripTrailingZeros()
                .toPlainString()).containsExactly("16", "10");

        Map<String, BigDecimal> draft = new java.util.concurrent.ConcurrentHashMap<>(Map.of(checked,
                new BigDecimal("500000.00"), key, new BigDecimal("500000.00"), plain, new BigDecimal("500000.00")));
        host.drafts.put(region + "/2028", draft);
        JsonNode run = ok(post("finance01", "/evaluations/result-applications", "{\"MOF_DIV_CODE\":\"" + region
                + "\",\"FISCAL_YEAR\":2026}"), 200);
        assertThat(run.get("RECORDED").asInt()).as("one adjustment per project").isEqualTo(3);
        assertThat(draft.get(checked)).as("中 from the spot check: CUT:10").isEqualByComparingTo("450000.00");
        JsonNode adjustments = ok(get("finance01", "/evaluations/adjustments?MOF_DIV_CODE=" + region
                + "&FISCAL_YEAR=2026"), 200).get("ADJUSTMENTS");
        Map<String, JsonNode> byProject = new java.util.HashMap<>();
        adjustments.forEach(a -> byProject.put(a.get("PRO_CODE").asText(), a));
        assertThat(byProject.get(checked).get("TASK_ID").asLong()).isEqualTo(spotId);
        assertThat(byProject.get(checked).get("POLICY").asText()).startsWith("SPOT_CHECK evaluation: "
                + "result.action.FAIR=CUT:10");
        assertThat(byProject.get(key).get("TASK_ID").asLong()).isEqualTo(keyId);
        assertThat(byProject.get(key).get("GRADE").asText()).isEqualTo("GOOD");
        assertThat(byProject.get(plain).get("GRADE").asText()).isEqualTo("EXCELLENT");
        JsonNode audit = ok(get("auditor01", "/audit/entries?MOF_DIV_CODE=" + region + "&PRO_CODE=" + checked), 200);
        assertThat(audit.toString()).contains("EVALUATION_ASSIGNED", "EVALUATION_SUBMITTED", "flagged",
                "ALLOCATION_CUT");

        // the compilation gate of 2028 shows each line's applied result
        JsonNode gate = ok(post("pay-module", "/compilation-checks", "{\"MOF_DIV_CODE\":\"" + region
                + "\",\"FISCAL_YEAR\":2028,\"DRAFT_NO\":\"BZ-" + tag + "\",\"LINES\":[" + draftLine(checked) + ","
                + draftLine("EVX-" + tag) + "],\"OPERATOR\":\"teller9\"}"), 200);
        JsonNode shown = gate.get("LINES").get(0).get("RESULT_ADJUSTMENT");
        assertThat(shown.get("TASK_ID").asLong()).isEqualTo(spotId);
        assertThat(shown.get("FISCAL_YEAR").asInt()).isEqualTo(2026);
        assertThat(shown.get("CHANGE_AMT").decimalValue()).isEqualByComparingTo("-50000.00");
        assertThat(shown.get("STATUS").asText()).isEqualTo("APPLIED");
        assertThat(gate.get("LINES").get(1).has("RESULT_ADJUSTMENT")).as("a project no evaluation adjusted").isFalse();
    }

    private static String draftLine(String project) {
        return "{\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\"" + project + "\",\"PROJECT_CLASS\":\"DEVELOPMENT\","
                + "\"PROJECT_LEVEL\":\"FIRST\",\"BUDGET_KIND\":\"GENERAL_PUBLIC\",\"AMOUNT\":450000.00,"
                + "\"NEW_PROJECT\":false,\"RECURRING\":true}";
    }

    @Test
    void aKeyEvaluationIsAssignedAndScoredOverSoap() throws Exception {
        MonitoringIT.hostOver("SOAP");
        String region = "450600000";
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String project = "EVQ-" + tag;
        host.ledgers.put(region, List.of(MockHost.line(project, "B-" + tag, "PROJECT", "1000000.00", "1000000.00")));
        MonitoringIT.approvedGoal(region, project);
        soap("pay-module", "CloseEvaluationYear", "<pg:CloseEvaluationYearRequest>" + Jixiao.elements(
                "MOF_DIV_CODE", region, "FISCAL_YEAR", "2026", "AGENCY_CODE", "101001", "OPERATOR", "juesuan.li")
                + "</pg:CloseEvaluationYearRequest>");
        String assigned = soap("finance01", "AssignEvaluations", "<pg:AssignEvaluationsRequest>" + Jixiao.elements(
                "MOF_DIV_CODE", region, "FISCAL_YEAR", "2026", "KIND", "KEY", "PRO_CODE", project, "EVALUATOR",
                "evaluator01") + "</pg:AssignEvaluationsRequest>");
        assertThat(assigned).contains("<KIND>KEY</KIND>", "<EVALUATOR>evaluator01</EVALUATOR>",
                "<SAMPLE>LISTED</SAMPLE>");
        String taskId = between(assigned, "TASK_ID");
        assertThat(soap("evaluator01", "ListEvaluationTasks", "<pg:ListEvaluationTasksRequest>" + Jixiao.elements(
                "MOF_DIV_CODE", region, "FISCAL_YEAR", "2026", "KIND", "KEY") + "</pg:ListEvaluationTasksRequest>"))
                .contains("<TASK_ID>" + taskId + "</TASK_ID>");
        StringBuilder lines = new StringBuilder();
        for (int line = 1; line <= 8; line++) {
            lines.append("<pg:INDICATOR>").append(Jixiao.elements("LINE", String.valueOf(line), "ACTUAL", "100"))
                    .append("</pg:INDICATOR>");
        }
        String criteria = "<pg:CRITERION>" + Jixiao.elements("PART", "DECISION", "NAME", "立项依据充分性", "POINTS",
                "10", "SCORE", "8") + "</pg:CRITERION><pg:CRITERION>" + Jixiao.elements("PART", "PROCESS", "NAME",
                        "资金管理", "POINTS", "10", "SCORE", "5") + "</pg:CRITERION>";
        assertThat(soap("unit01", "SubmitSelfEvaluation", "<pg:SubmitSelfEvaluationRequest>" + Jixiao.elements(
                "TASK_ID", taskId) + lines + criteria + "</pg:SubmitSelfEvaluationRequest>"))
                .contains("<CODE>FORBIDDEN</CODE>");
        String card = soap("evaluator01", "SubmitSelfEvaluation", "<pg:SubmitSelfEvaluationRequest>"
                + Jixiao.elements("TASK_ID", taskId) + lines + criteria + "</pg:SubmitSelfEvaluationRequest>");
        assertThat(card).contains("<TOTAL>86.00</TOTAL>", "<GRADE>GOOD</GRADE>", "<EARNED>16.00</EARNED>",
                "<EARNED>10.00</EARNED>");

        // 良 under the national table keeps the amount; the 2028 compilation gate shows the result over SOAP too
        host.drafts.put(region + "/2028", new java.util.concurrent.ConcurrentHashMap<>(Map.of(project,
                new BigDecimal("300000.00"))));
        assertThat(soap("finance01", "ApplyEvaluationResults", "<pg:ApplyEvaluationResultsRequest>"
                + Jixiao.elements("MOF_DIV_CODE", region, "FISCAL_YEAR", "2026") + "</pg:ApplyEvaluationResultsRequest>"))
                .contains("<APPLIED>1</APPLIED>");
        String gate = Jixiao.soapAs("pay-module", Jixiao.PASSWORD, Jixiao.GOALS_SOAP, "CheckCompilation",
                Goals.soapDraft("CheckCompilationRequest", project, "teller9").replace("440100000", region)
                        .replace("<pg:FISCAL_YEAR>2026<", "<pg:FISCAL_YEAR>2028<")).body();
        assertThat(gate).contains("<RESULT_ADJUSTMENT><TASK_ID>" + taskId + "</TASK_ID>", "<GRADE>GOOD</GRADE>",
                "<ACTION>KEEP</ACTION>", "<CHANGE_AMT>0.00</CHANGE_AMT>");
    }

    /**
     * Finance requires whole-department evaluation in a region (rules changed through the API); the close opens the
     * unit's whole-department task with all its lines; its 中 adds 5 % to the cut of each of the unit's projects.
     */
    @Test
    void aUnitsWholeDepartmentGradeIsTiedToItsProjectsBudgets() throws Exception {
        MonitoringIT.hostOver("REST");
        String region = "450700000";
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String project = "EVW-" + tag;
        String whole = "D-" + tag;
        ok(post("finance01", "/goal-rules", "{\"MOF_DIV_CODE\":\"" + region + "\",\"FROM_YEAR\":2026,"
                + "\"BASE_REVISION\":0,\"RULES\":{\"evaluation.wholeDepartment\":\"true\","
                + "\"result.department.action.FAIR\":\"CUT:5\"},\"REASON\":\"部门整体绩效与部门预算挂钩\"}"), 200);
        host.ledgers.put(region, List.of(
                MockHost.line(project, "B-1-" + tag, "PROJECT", "1000000.00", "1000000.00"),
                MockHost.line("EVW-SALARY-" + tag, "B-2-" + tag, "BASIC", "500000.00", "500000.00")));
        MonitoringIT.approvedGoal(region, project);
        long wholeGoal = ok(post("unit01", "/goals", "{\"SUBJECT\":\"DEPARTMENT\"," + Goals.project(region, whole,
                "1500000.00", false) + "," + Goals.goal(8) + "}"), 201).get("GOAL_ID").asLong();
        ok(post("unit01", "/goals/" + wholeGoal + "/versions/1/submission", "{}"), 200);
        ok(post("finance01", "/goals/" + wholeGoal + "/versions/1/approval", "{}"), 200);

        JsonNode opened = ok(post("pay-module", "/evaluations/year-closings", close(region, "101001")), 200)
                .get("OPENED");
        assertThat(opened).extracting(t -> t.get("KIND").asText()).containsExactlyInAnyOrder("SELF", "WHOLE");
        JsonNode wholeTask = null;
        long selfId = 0;
        for (JsonNode t : opened) {
            if (t.get("KIND").asText().equals("WHOLE")) {
                wholeTask = t;
            } else {
                selfId = t.get("TASK_ID").asLong();
            }
        }
        assertThat(wholeTask.get("PRO_CODE").asText()).isEqualTo(whole);
        assertThat(wholeTask.get("BUDGET_AMT").decimalValue()).as("basic and project lines")
                .isEqualByComparingTo("1500000.00");
        ok(post("unit01", "/evaluations/tasks/" + selfId + "/self-evaluation",
                "{" + lines("100", "100", "100", "100", "100", "100", "100", "100") + "}"), 200);
        // the unit as a whole: output lines at 20 → 10, benefit 30, satisfaction 10, all spent → 10: 60.00 中
        assertThat(ok(post("unit01", "/evaluations/tasks/" + wholeTask.get("TASK_ID").asLong() + "/self-evaluation",
                "{" + lines("20", "20", "100", "100", "20", "20", "100", "100") + "}"), 200).get("GRADE").asText())
                .isEqualTo("FAIR");

        Map<String, BigDecimal> draft = new java.util.concurrent.ConcurrentHashMap<>(Map.of(project,
                new BigDecimal("1000000.00")));
        host.drafts.put(region + "/2028", draft);
        JsonNode run = ok(post("finance01", "/evaluations/result-applications", "{\"MOF_DIV_CODE\":\"" + region
                + "\",\"FISCAL_YEAR\":2026}"), 200);
        assertThat(run.get("RECORDED").asInt()).as("the project's; the whole-department task is none").isEqualTo(1);
        assertThat(draft.get(project)).as("优 PRIORITY, + 5 % for the unit's 中").isEqualByComparingTo("950000.00");
        JsonNode adjustment = ok(get("finance01", "/evaluations/adjustments?MOF_DIV_CODE=" + region
                + "&FISCAL_YEAR=2026"), 200).get("ADJUSTMENTS").get(0);
        assertThat(adjustment.get("POLICY").asText()).contains("result.department.action.FAIR=CUT:5 (unit 101001 "
                + "as a whole 60.00");
    }
}
