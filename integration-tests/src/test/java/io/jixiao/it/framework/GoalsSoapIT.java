package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The goals service over SOAP inside Felix, with the shipped presets: the REST walkthrough's twin — a goal refused
 * by Guangzhou's rules with every broken rule in the fault, revised, returned, approved, admitted, published and
 * adjusted; the compilation gate's blocked line; an assessment; bad input refused by the schema.
 */
class GoalsSoapIT {

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    private static HttpResponse<String> call(String account, String operation, String body) throws Exception {
        return Jixiao.soapAs(account, Jixiao.PASSWORD, Jixiao.GOALS_SOAP, operation, body);
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String first(String xml, String element) {
        Matcher m = Pattern.compile("<(?:\\w+:)?" + element + ">([^<]*)</").matcher(xml);
        assertThat(m.find()).as(element + " in " + xml).isTrue();
        return m.group(1);
    }

    private static String step(String request, String goalId, String version, String... more) {
        return Goals.soap(request, Jixiao.elements("GOAL_ID", goalId, "VERSION", version), String.join("", more));
    }

    private static String stage(String goalId, String stage, String amount) {
        return step("ReviewGoalStageRequest", goalId, "1", Jixiao.elements("STAGE", stage),
                amount == null ? "" : Jixiao.elements("AMOUNT", amount));
    }

    @Test
    void aGoalFromDraftToPublicationThroughSoap() throws Exception {
        String project = "GZ-WS-" + UUID.randomUUID().toString().substring(0, 8);
        String facts = Goals.soapProject("440100000", project, "2000000.00", false);
        String refused = ok(call("pay-module", "AdmitProject", Goals.soap("AdmitProjectRequest", facts,
                Jixiao.elements("OPERATOR", "sun.library"))));
        assertThat(first(refused, "ADMITTED")).isEqualTo("false");
        assertThat(first(refused, "CODE")).isEqualTo("GOAL_MISSING");

        String draft = ok(call("unit01", "DraftGoal", Goals.soap("DraftGoalRequest", facts, Goals.soapGoal(7))));
        String goalId = first(draft, "GOAL_ID");
        assertThat(first(draft, "STATUS")).isEqualTo("DRAFT");

        HttpResponse<String> tooFew = call("unit01", "SubmitGoal", step("SubmitGoalRequest", goalId, "1"));
        assertThat(tooFew.statusCode()).isEqualTo(500);
        assertThat(tooFew.body()).contains("<faultcode>soap:Client</faultcode>", "<CODE>RULES_VIOLATED</CODE>",
                "<RULE_VERSION>440100000/2020#1", "<CODE>INDICATORS_MIN</CODE>", "至少需要 8 个", "seed 002");

        ok(call("unit01", "ReviseGoal", Goals.soap("ReviseGoalRequest", Jixiao.elements("GOAL_ID", goalId,
                "VERSION", "1"), facts, Goals.soapGoal(8))));
        ok(call("unit01", "SubmitGoal", step("SubmitGoalRequest", goalId, "1")));
        String returned = ok(call("finance01", "ReturnGoal", step("ReturnGoalRequest", goalId, "1",
                Jixiao.elements("OPINION_CODE", "2", "OPINION_CODE", "8", "OPINION_TEXT", "效益指标需细化"))));
        assertThat(first(returned, "STATUS")).isEqualTo("RETURNED");
        assertThat(returned).contains("<OPINION_CODE>2</OPINION_CODE><OPINION_CODE>8</OPINION_CODE>");
        ok(call("unit01", "SubmitGoal", step("SubmitGoalRequest", goalId, "1")));
        HttpResponse<String> byUnit = call("unit01", "ApproveGoal", step("ApproveGoalRequest", goalId, "1"));
        assertThat(byUnit.body()).as("units do not approve").contains("<CODE>FORBIDDEN</CODE>");
        String approved = ok(call("finance01", "ApproveGoal", step("ApproveGoalRequest", goalId, "1")));
        assertThat(first(approved, "RULE_VERSION")).isEqualTo("440100000/2020#1 &lt; national/2019#3");

        String unreviewed = ok(call("pay-module", "AdmitProject", Goals.soap("AdmitProjectRequest", facts,
                Jixiao.elements("OPERATOR", "sun.library"))));
        assertThat(first(unreviewed, "ADMITTED")).isEqualTo("false");
        assertThat(unreviewed).contains("<CODE>REVIEW_STAGE_MISSING</CODE>");
        String reviewed = ok(call("finance01", "ReviewGoalStage", stage(goalId, "ADMISSION", null)));
        assertThat(first(reviewed, "STAGE")).isEqualTo("ADMISSION");
        String admitted = ok(call("pay-module", "AdmitProject", Goals.soap("AdmitProjectRequest", facts,
                Jixiao.elements("OPERATOR", "sun.library"))));
        assertThat(first(admitted, "ADMITTED")).isEqualTo("true");
        assertThat(first(admitted, "GOAL_ID")).isEqualTo(goalId);

        HttpResponse<String> unsettled = call("finance01", "PublishGoal", step("PublishGoalRequest", goalId, "1"));
        assertThat(unsettled.body()).contains("<CODE>RULES_VIOLATED</CODE>").contains("REVIEW_STAGE_MISSING");
        HttpResponse<String> noAmount = call("finance01", "ReviewGoalStage", stage(goalId, "COMPILATION", null));
        assertThat(noAmount.body()).contains("<CODE>INVALID_INPUT</CODE>").contains("AMOUNT");
        ok(call("finance01", "ReviewGoalStage", stage(goalId, "COMPILATION", "1900000.00")));
        ok(call("finance01", "ReviewGoalStage", stage(goalId, "FINAL", null)));
        String stages = ok(call("auditor01", "ListGoalStageReviews", step("ListGoalStageReviewsRequest", goalId,
                "1")));
        assertThat(stages).contains("<STAGE>ADMISSION</STAGE>", "<STAGE>COMPILATION</STAGE>",
                "<AMOUNT>1900000.00</AMOUNT>", "<STAGE>FINAL</STAGE>");
        ok(call("finance01", "PublishGoal", step("PublishGoalRequest", goalId, "1")));
        String adjusted = ok(call("unit01", "AdjustGoal", Goals.soap("AdjustGoalRequest", Jixiao.elements(
                "GOAL_ID", goalId, "ADJUST_BATCH", "TZ2026-WS"), facts, Goals.soapGoal(9))));
        assertThat(first(adjusted, "VERSION")).isEqualTo("2");
        assertThat(first(adjusted, "ADJUST_BATCH")).isEqualTo("TZ2026-WS");
        String versions = ok(call("auditor01", "ListGoalVersions", Goals.soap("ListGoalVersionsRequest",
                Jixiao.elements("GOAL_ID", goalId))));
        assertThat(versions).contains("<VERSION>1</VERSION><VERSION>2</VERSION>");
        String old = ok(call("auditor01", "GetGoal", step("GetGoalRequest", goalId, "1")));
        assertThat(first(old, "STATUS")).isEqualTo("PUBLISHED");
        assertThat(old.split("<INDICATOR>", -1)).hasSize(9);
    }

    @Test
    void theCompilationGateBlocksALineWithoutAGoalAndAssessmentsAreRecorded() throws Exception {
        String approved = "BZ-WS-" + UUID.randomUUID().toString().substring(0, 6);
        String goalId = first(ok(call("unit01", "DraftGoal", Goals.soap("DraftGoalRequest",
                Goals.soapProject("440100000", approved, "2000000.00", false), Goals.soapGoal(8)))), "GOAL_ID");
        ok(call("unit01", "SubmitGoal", step("SubmitGoalRequest", goalId, "1")));
        ok(call("finance01", "ApproveGoal", step("ApproveGoalRequest", goalId, "1")));
        ok(call("finance01", "ReviewGoalStage", stage(goalId, "ADMISSION", null)));
        ok(call("finance01", "ReviewGoalStage", stage(goalId, "COMPILATION", "2000000.00")));
        String twoLines = Goals.soapDraft("CheckCompilationRequest", approved, "qian").replace("</pg:LINE>",
                "</pg:LINE>" + Goals.soapDraft("X", "BZ-WS-NO-GOAL", "qian").replaceAll(".*(<pg:LINE>.*</pg:LINE>).*",
                        "$1"));

        String decision = ok(call("pay-module", "CheckCompilation", twoLines));
        assertThat(first(decision, "BLOCKED")).isEqualTo("1");
        assertThat(decision).contains("<PRO_CODE>" + approved + "</PRO_CODE><ADMITTED>true</ADMITTED>",
                "<PRO_CODE>BZ-WS-NO-GOAL</PRO_CODE><ADMITTED>false</ADMITTED><REASON><CODE>GOAL_MISSING</CODE>");
        String adjustment = ok(call("pay-module", "CheckAdjustment", twoLines.replace("CheckCompilationRequest",
                "CheckAdjustmentRequest")));
        assertThat(first(adjustment, "GATE")).isEqualTo("ADJUSTMENT");

        String recorded = ok(call("finance01", "RecordAssessment", Goals.soap("RecordAssessmentRequest",
                Jixiao.elements("MOF_DIV_CODE", "654300000", "FISCAL_YEAR", "2026", "PRO_CODE", "AL-WS-1", "TIER",
                        "KEY"),
                Goals.soap("SCORE", Jixiao.elements("DIMENSION", "necessity", "VALUE", "90")),
                Goals.soap("SCORE", Jixiao.elements("DIMENSION", "inputEconomy", "VALUE", "85")),
                Goals.soap("SCORE", Jixiao.elements("DIMENSION", "goalReasonableness", "VALUE", "80")),
                Goals.soap("SCORE", Jixiao.elements("DIMENSION", "feasibility", "VALUE", "88")),
                Goals.soap("SCORE", Jixiao.elements("DIMENSION", "fundingCompliance", "VALUE", "92")),
                Jixiao.elements("CONCLUSION", "SUPPORT", "ASSESSOR", "阿勒泰地区财政局", "THIRD_PARTY", "true",
                        "DOCUMENT_REF", "阿财评〔2026〕4号"))));
        assertThat(Long.parseLong(first(recorded, "ASSESSMENT_ID"))).isPositive();
    }

    @Test
    void badInputIsRefusedByTheSchemaAndACheckStoresNothing() throws Exception {
        HttpResponse<String> negative = call("unit01", "DraftGoal", Goals.soap("DraftGoalRequest",
                Goals.soapProject("440100000", "GZ-WS-BAD", "-5.00", false), Goals.soapGoal(8)));
        assertThat(negative.statusCode()).isEqualTo(500);
        assertThat(negative.body()).contains("<faultcode>soap:Client</faultcode>", "-5.00", "Amount");

        String report = ok(call("unit01", "CheckGoal", Goals.soap("CheckGoalRequest",
                Goals.soapProject("440100000", "GZ-WS-CHECK", "2000000.00", false), Goals.soapGoal(7))));
        assertThat(first(report, "COMPLIES")).isEqualTo("false");
        assertThat(first(report, "CODE")).isEqualTo("INDICATORS_MIN");
        HttpResponse<String> missing = call("finance01", "ListGoalVersions", Goals.soap("ListGoalVersionsRequest",
                Jixiao.elements("GOAL_ID", "999999")));
        assertThat(missing.body()).contains("<CODE>NOT_FOUND</CODE>");
    }

    @Test
    void theRulesAreReadAndChangedThroughSoap() throws Exception {
        String rules = ok(call("unit01", "GetGoalRules", Goals.soap("GetGoalRulesRequest",
                Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR", "2026"))));
        assertThat(first(rules, "RULE_SET")).isEqualTo("440100000/2020#1");
        assertThat(rules).contains("<KEY>indicators.min.DEVELOPMENT</KEY><VALUE>8</VALUE><SOURCE>seed 002");

        String change = Goals.soap("ChangeGoalRulesRequest", Jixiao.elements("MOF_DIV_CODE", "440100000",
                "FROM_YEAR", "2035", "BASE_REVISION", "0"), Goals.soap("RULE", Jixiao.elements("KEY",
                "gate.COMPILATION.mode", "VALUE", "WARN")), Jixiao.elements("REASON", "2035年编制闸门试点"));
        assertThat(call("unit01", "ChangeGoalRules", change).body()).contains("<CODE>FORBIDDEN</CODE>");
        String changed = ok(call("finance01", "ChangeGoalRules", change));
        assertThat(first(changed, "RULE_SET")).isEqualTo("440100000/2035#1");
        assertThat(changed).contains("<KEY>gate.COMPILATION.mode</KEY><VALUE>WARN</VALUE>");
        assertThat(call("finance01", "ChangeGoalRules", change).body()).as("made against an old revision")
                .contains("<CODE>CONFLICT</CODE>");
    }
}
