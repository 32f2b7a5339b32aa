package io.jixiao.it.framework;

import static io.jixiao.it.framework.MonitoringIT.get;
import static io.jixiao.it.framework.MonitoringIT.ok;
import static io.jixiao.it.framework.MonitoringIT.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lower governments' comprehensive evaluation tied to transfer payments (Tianjin, Changzhi art. 35): a city's finance
 * bureau evaluates its counties and its grades change the transfer payments of 2028 in the host's compilation module,
 * served by the mock host over REST and over SOAP through the host-client bundle.
 */
class ComprehensiveEvaluationIT {
    /** A city of its own with three counties configured under it (Jixiao's regions.parents). */
    private static final String CITY = "450800000";
    private static final String COUNTY_A = "450801000";
    private static final String COUNTY_B = "450802000";
    private static final String COUNTY_C = "450803000";
    private static MockHost host;

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
        host = MockHost.start();
    }

    /** A plan of one criterion per dimension, 100 points, scored to the given total by its last criterion. */
    private static String plan(String debt) {
        return "{\"CRITERIA\":[{\"DIMENSION\":\"财政收入\",\"NAME\":\"税收收入占比\",\"POINTS\":25,\"SCORE\":20},"
                + "{\"DIMENSION\":\"财政支出\",\"NAME\":\"民生支出占比\",\"POINTS\":25,\"SCORE\":20},"
                + "{\"DIMENSION\":\"转移支付\",\"NAME\":\"资金下达及时性\",\"POINTS\":25,\"SCORE\":20},"
                + "{\"DIMENSION\":\"债务风险\",\"NAME\":\"债务率\",\"POINTS\":25,\"SCORE\":" + debt + "}]}";
    }

    @Test
    void aCitysGradesOfItsCountiesChangeTheirTransferPaymentsOnceEvenWhenTheHostFailsMidBatch() throws Exception {
        MonitoringIT.hostOver("REST");
        ok(post("finance01", "/goal-rules", "{\"MOF_DIV_CODE\":\"" + CITY + "\",\"FROM_YEAR\":2026,"
                + "\"BASE_REVISION\":0,\"RULES\":{\"result.transfer.action.FAIR\":\"CUT:5\","
                + "\"result.transfer.action.POOR\":\"CUT:10\"},\"REASON\":\"下级政府财政运行综合绩效与转移支付分配挂钩\"}"),
                200);

        JsonNode refused = ok(post("finance01", "/evaluations/comprehensive", "{\"MOF_DIV_CODE\":\"" + CITY
                + "\",\"FISCAL_YEAR\":2026,\"MOF_DIV_CODES\":[\"" + COUNTY_A + "\",\"440199000\"]}"), 400);
        assertThat(refused.toString()).contains("MOF_DIV_CODES[1]", "\"lower\"");
        assertThat(ok(get("finance01", "/evaluations/comprehensive?MOF_DIV_CODE=" + CITY + "&FISCAL_YEAR=2026"), 200)
                .get("EVALUATIONS")).as("nothing opened").isEmpty();
        assertThat(post("county01", "/evaluations/comprehensive", "{\"MOF_DIV_CODE\":\"" + CITY + "\","
                + "\"FISCAL_YEAR\":2026,\"MOF_DIV_CODES\":[\"" + COUNTY_A + "\"]}").statusCode())
                .as("a county does not evaluate itself").isEqualTo(403);

        JsonNode assigned = ok(post("finance01", "/evaluations/comprehensive", "{\"MOF_DIV_CODE\":\"" + CITY
                + "\",\"FISCAL_YEAR\":2026,\"MOF_DIV_CODES\":[\"" + COUNTY_A + "\",\"" + COUNTY_B + "\"],"
                + "\"EVALUATOR\":\"evaluator01\",\"DUE\":\"2027-09-30\"}"), 200).get("EVALUATIONS");
        JsonNode own = ok(post("finance01", "/evaluations/comprehensive", "{\"MOF_DIV_CODE\":\"" + CITY
                + "\",\"FISCAL_YEAR\":2026,\"MOF_DIV_CODES\":[\"" + COUNTY_C + "\",\"" + COUNTY_A + "\"]}"), 200)
                .get("EVALUATIONS");
        long a = assigned.get(0).get("EVALUATION_ID").asLong();
        long b = assigned.get(1).get("EVALUATION_ID").asLong();
        long c = own.get(0).get("EVALUATION_ID").asLong();
        assertThat(own.get(1).get("EVALUATION_ID").asLong()).as("county A keeps its evaluation").isEqualTo(a);
        assertThat(assigned.get(0).get("EVALUATOR").asText()).isEqualTo("evaluator01");
        assertThat(assigned.get(0).get("DUE").asText()).isEqualTo("2027-09-30");

        JsonNode wrongPlan = ok(post("evaluator01", "/evaluations/comprehensive/" + a + "/evaluation",
                "{\"CRITERIA\":[{\"DIMENSION\":\"财政收入\",\"NAME\":\"税收收入占比\",\"POINTS\":60,\"SCORE\":50}]}"), 400);
        assertThat(wrongPlan.toString()).contains("\"CRITERIA\"", "\"sum\"");
        assertThat(post("finance01", "/evaluations/comprehensive/" + a + "/evaluation", plan("25")).statusCode())
                .as("assigned to the third party").isEqualTo(403);
        // 20 + 20 + 20 + 25 = 85 良; 20 × 3 + 12.5 = 72.5 中; finance scores county C: 55 差
        assertThat(ok(post("evaluator01", "/evaluations/comprehensive/" + a + "/evaluation", plan("25")), 200)
                .get("GRADE").asText()).isEqualTo("GOOD");
        assertThat(ok(post("evaluator01", "/evaluations/comprehensive/" + b + "/evaluation", plan("12.5")), 200)
                .get("TOTAL").decimalValue()).isEqualByComparingTo("72.50");
        JsonNode poor = ok(post("finance01", "/evaluations/comprehensive/" + c + "/evaluation",
                "{\"CRITERIA\":[{\"DIMENSION\":\"财政运行\",\"NAME\":\"综合\",\"POINTS\":100,\"SCORE\":55}]}"), 200);
        assertThat(poor.get("GRADE_ZH").asText()).isEqualTo("差");

        // the county sees its own evaluation and scorecard, not its neighbour's
        assertThat(ok(get("county01", "/evaluations/comprehensive/" + a + "/scorecard"), 200).get("TOTAL")
                .decimalValue()).isEqualByComparingTo("85.00");
        assertThat(get("county01", "/evaluations/comprehensive/" + b).statusCode()).isEqualTo(404);
        assertThat(ok(get("county01", "/evaluations/comprehensive?MOF_DIV_CODE=" + CITY + "&FISCAL_YEAR=2026"), 200)
                .get("EVALUATIONS")).extracting(e -> e.get("SUBJECT_DIV_CODE").asText()).containsExactly(COUNTY_A);
        assertThat(get("finance02", "/evaluations/comprehensive/" + a).statusCode()).isEqualTo(404);

        Map<String, BigDecimal> transfers = new ConcurrentHashMap<>(Map.of(COUNTY_A, new BigDecimal("60000000.00"),
                COUNTY_B, new BigDecimal("40000000.00"), COUNTY_C, new BigDecimal("20000000.00")));
        host.transfers.put(CITY + "/2028", transfers);
        // what-if: 良 KEEP, 中 −5 % of 40,000,000, 差 −10 % of 20,000,000 = −4,000,000.00; proposing 良 CUT:2 adds
        // −1,200,000.00; nothing is written
        JsonNode whatIf = ok(post("finance01", "/evaluations/comprehensive/what-if", "{\"MOF_DIV_CODE\":\"" + CITY
                + "\",\"FISCAL_YEAR\":2026}"), 200);
        assertThat(whatIf.get("CHANGE_AMT").decimalValue()).isEqualByComparingTo("-4000000.00");
        assertThat(whatIf.get("RESULT_AMT").decimalValue()).isEqualByComparingTo("116000000.00");
        assertThat(ok(post("auditor01", "/evaluations/comprehensive/what-if", "{\"MOF_DIV_CODE\":\"" + CITY
                + "\",\"FISCAL_YEAR\":2026,\"POLICY\":{\"result.transfer.action.GOOD\":\"CUT:2\"}}"), 200)
                .get("CHANGE_AMT").decimalValue()).isEqualByComparingTo("-5200000.00");
        assertThat(transfers.get(COUNTY_C)).as("what-if writes nothing").isEqualByComparingTo("20000000.00");
        // every attempt of the first run breaks after one new change (the host client tries twice)
        host.failAfterChanges.set(1);
        host.failingChangeCalls.set(2);
        String apply = "{\"MOF_DIV_CODE\":\"" + CITY + "\",\"FISCAL_YEAR\":2026}";
        assertThat(ok(post("finance01", "/evaluations/comprehensive/result-applications", apply), 503).get("code")
                .asText()).isEqualTo("PORT_UNAVAILABLE");
        assertThat(ok(get("finance01", "/evaluations/comprehensive/adjustments?MOF_DIV_CODE=" + CITY
                + "&FISCAL_YEAR=2026"), 200).get("ADJUSTMENTS")).hasSize(3)
                .allMatch(x -> x.get("STATUS").asText().equals("PENDING"));

        JsonNode run = ok(post("finance01", "/evaluations/comprehensive/result-applications", apply), 200);
        assertThat(run.get("TARGET_YEAR").asInt()).isEqualTo(2028);
        assertThat(run.get("RECORDED").asInt()).as("each evaluation recorded once").isZero();
        assertThat(run.get("APPLIED").asInt()).isEqualTo(3);
        // 良 KEEP; 中 CUT:5 of 40,000,000.00 = −2,000,000.00; 差 CUT:10 of 20,000,000.00 = −2,000,000.00
        assertThat(transfers).containsEntry(COUNTY_A, new BigDecimal("60000000.00"))
                .containsEntry(COUNTY_B, new BigDecimal("38000000.00"))
                .containsEntry(COUNTY_C, new BigDecimal("18000000.00"));
        assertThat(ok(post("finance01", "/evaluations/comprehensive/result-applications", apply), 200).get("APPLIED")
                .asInt()).isZero();
        assertThat(transfers.get(COUNTY_B)).as("nothing doubled").isEqualByComparingTo("38000000.00");

        JsonNode adjustments = ok(get("finance01", "/evaluations/comprehensive/adjustments?MOF_DIV_CODE=" + CITY
                + "&FISCAL_YEAR=2026"), 200).get("ADJUSTMENTS");
        assertThat(adjustments).hasSize(3).allMatch(x -> x.get("STATUS").asText().equals("APPLIED"));
        assertThat(adjustments.get(1).get("CHANGE_ID").asText()).isEqualTo("JX-CE-" + b);
        assertThat(adjustments.get(1).get("POLICY").asText()).startsWith("result.transfer.action.FAIR=CUT:5 @ ");
        assertThat(adjustments.get(1).get("ALLOCATED_AMT").decimalValue()).isEqualByComparingTo("40000000.00");
        assertThat(adjustments.get(1).get("CHANGE_AMT").decimalValue()).isEqualByComparingTo("-2000000.00");
        JsonNode audit = ok(get("auditor01", "/audit/entries?MOF_DIV_CODE=" + CITY), 200);
        assertThat(audit.toString()).contains("TRANSFER_CUT", "REGION_EVALUATION_SUBMITTED", "evaluator01");
    }

    @Test
    void theWholeChainRunsOverSoapToo() throws Exception {
        MonitoringIT.hostOver("SOAP");
        String city = "450900000";
        String county = "450901000";
        Map<String, BigDecimal> transfers = new ConcurrentHashMap<>(Map.of(county, new BigDecimal("12345678.90")));
        host.transfers.put(city + "/2028", transfers);
        ok(post("finance01", "/goal-rules", "{\"MOF_DIV_CODE\":\"" + city + "\",\"FROM_YEAR\":2026,"
                + "\"BASE_REVISION\":0,\"RULES\":{\"result.transfer.action.FAIR\":\"CUT:15\"},"
                + "\"REASON\":\"下级政府财政运行综合绩效与转移支付分配挂钩\"}"), 200);

        String opened = soap("finance01", "OpenComprehensiveEvaluations", "<pg:OpenComprehensiveEvaluationsRequest>"
                + Jixiao.elements("MOF_DIV_CODE", city, "FISCAL_YEAR", "2026", "SUBJECT_DIV_CODE", county, "DUE",
                        "2027-09-30") + "</pg:OpenComprehensiveEvaluationsRequest>");
        assertThat(opened).contains("<SUBJECT_DIV_CODE>" + county + "</SUBJECT_DIV_CODE>", "<STATUS>OPEN</STATUS>",
                "<DUE>2027-09-30");
        String id = between(opened, "EVALUATION_ID");
        assertThat(soap("finance01", "SubmitComprehensiveEvaluation", "<pg:SubmitComprehensiveEvaluationRequest>"
                + Jixiao.elements("EVALUATION_ID", id) + criterion("财政收入", "60", "50")
                + "</pg:SubmitComprehensiveEvaluationRequest>")).contains("<CODE>INVALID_INPUT</CODE>",
                        "<FIELD>CRITERION</FIELD>", "<RULE>sum</RULE>");
        // 50 + 25.125 = 75.125 → 75.13 中
        String card = soap("finance01", "SubmitComprehensiveEvaluation", "<pg:SubmitComprehensiveEvaluationRequest>"
                + Jixiao.elements("EVALUATION_ID", id) + criterion("财政收入", "60", "50")
                + criterion("债务风险", "40", "25.125") + "</pg:SubmitComprehensiveEvaluationRequest>");
        assertThat(card).contains("<TOTAL>75.13</TOTAL>", "<GRADE>FAIR</GRADE>", "<GRADE_ZH>中</GRADE_ZH>");
        assertThat(soap("finance01", "GetComprehensiveScorecard", "<pg:GetComprehensiveScorecardRequest>"
                + Jixiao.elements("EVALUATION_ID", id) + "</pg:GetComprehensiveScorecardRequest>"))
                .contains("<DIMENSION>债务风险</DIMENSION>", "<SCORE>25.125</SCORE>");
        assertThat(soap("finance01", "ListComprehensiveEvaluations", "<pg:ListComprehensiveEvaluationsRequest>"
                + Jixiao.elements("MOF_DIV_CODE", city, "FISCAL_YEAR", "2026")
                + "</pg:ListComprehensiveEvaluationsRequest>")).contains("<STATUS>SUBMITTED</STATUS>");

        assertThat(soap("auditor01", "TransferWhatIf", "<pg:TransferWhatIfRequest>" + Jixiao.elements("MOF_DIV_CODE",
                city, "FISCAL_YEAR", "2026") + "<pg:POLICY>" + Jixiao.elements("KEY", "result.transfer.action.FAIR",
                        "VALUE", "CUT:20") + "</pg:POLICY></pg:TransferWhatIfRequest>"))
                .contains("<CHANGE_AMT>-2469135.78</CHANGE_AMT>", "<CUT>1</CUT>");
        String run = soap("finance01", "ApplyTransferResults", "<pg:ApplyTransferResultsRequest>" + Jixiao.elements(
                "MOF_DIV_CODE", city, "FISCAL_YEAR", "2026") + "</pg:ApplyTransferResultsRequest>");
        // CUT:15 of 12,345,678.90 = 1,851,851.835 → −1,851,851.84
        assertThat(run).contains("<TARGET_YEAR>2028</TARGET_YEAR>", "<APPLIED>1</APPLIED>",
                "<CHANGE_AMT>-1851851.84</CHANGE_AMT>");
        assertThat(transfers.get(county)).isEqualByComparingTo("10493827.06");
        assertThat(soap("finance01", "ListTransferAdjustments", "<pg:ListTransferAdjustmentsRequest>"
                + Jixiao.elements("MOF_DIV_CODE", city, "FISCAL_YEAR", "2026") + "</pg:ListTransferAdjustmentsRequest>"))
                .contains("<CHANGE_ID>JX-CE-" + id + "</CHANGE_ID>", "<STATUS>APPLIED</STATUS>");
        assertThat(soap("finance02", "GetComprehensiveEvaluation", "<pg:GetComprehensiveEvaluationRequest>"
                + Jixiao.elements("EVALUATION_ID", id) + "</pg:GetComprehensiveEvaluationRequest>"))
                .contains("<CODE>NOT_FOUND</CODE>");
    }

    private static String criterion(String dimension, String points, String score) {
        return "<pg:CRITERION>" + Jixiao.elements("DIMENSION", dimension, "NAME", dimension + "指标", "POINTS", points,
                "SCORE", score) + "</pg:CRITERION>";
    }

    private static String soap(String account, String operation, String body) throws Exception {
        return Jixiao.soapAs(account, Jixiao.PASSWORD, Jixiao.EVALUATION_SOAP, operation, body).body();
    }

    private static String between(String xml, String element) {
        int from = xml.indexOf("<" + element + ">") + element.length() + 2;
        return xml.substring(from, xml.indexOf("</" + element + ">", from));
    }
}
