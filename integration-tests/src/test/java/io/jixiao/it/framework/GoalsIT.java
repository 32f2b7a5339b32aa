package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * "No goal, no budget" over REST inside Felix, with the shipped presets: a goal drafted, refused by Guangzhou's
 * rules, revised, returned with opinion codes, approved, published and adjusted; the project-library admission
 * gate before and after; an Aletai project that needs a key assessment.
 */
class GoalsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    private static HttpResponse<String> post(String account, String path, String body) throws Exception {
        return Jixiao.post(Jixiao.REST + path, "application/json", body, "Authorization", Jixiao.basic(account),
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    private static JsonNode ok(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String account, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Jixiao.REST + path))
                .header("Authorization", Jixiao.basic(account)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Guangzhou's library review and joint compilation review of version 1, at the given amount. */
    static void throughCompilationReview(long goalId, String amount) throws Exception {
        String stages = "/goals/" + goalId + "/versions/1/stage-reviews";
        ok(post("finance01", stages, "{\"STAGE\":\"ADMISSION\"}"), 201);
        ok(post("finance01", stages, "{\"STAGE\":\"COMPILATION\",\"AMOUNT\":" + amount + "}"), 201);
    }

    private static String admission(String region, String project, String amount, boolean newProject) {
        return "{" + Goals.project(region, project, amount, newProject) + ",\"OPERATOR\":\"sun.library\"}";
    }

    @Test
    void aGoalFromDraftToPublicationGatesAdmission() throws Exception {
        String project = "GZ-IT-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode refusedAdmission = ok(post("pay-module", "/project-admissions",
                admission("440100000", project, "2000000.00", false)), 200);
        assertThat(refusedAdmission.get("ADMITTED").asBoolean()).isFalse();
        assertThat(refusedAdmission.get("REASONS").get(0).get("CODE").asText()).isEqualTo("GOAL_MISSING");

        HttpResponse<String> drafted = post("unit01", "/goals", Goals.declaration("440100000", project, 7));
        JsonNode draft = ok(drafted, 201);
        long goalId = draft.get("GOAL_ID").asLong();
        assertThat(drafted.headers().firstValue("Location").orElseThrow()).endsWith("/goals/" + goalId + "/versions/1");
        assertThat(draft.get("STATUS").asText()).isEqualTo("DRAFT");
        String version = "/goals/" + goalId + "/versions/1";

        HttpResponse<String> tooFew = post("unit01", version + "/submission", "{}");
        assertThat(tooFew.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(tooFew.body());
        assertThat(problem.get("code").asText()).isEqualTo("RULES_VIOLATED");
        assertThat(problem.get("ruleVersion").asText()).startsWith("440100000/2020#1");
        assertThat(problem.get("errors").get(0).get("rule").asText()).isEqualTo("INDICATORS_MIN");
        assertThat(problem.get("errors").get(0).get("messageZh").asText()).contains("至少需要 8 个");
        assertThat(problem.get("errors").get(0).get("source").asText()).contains("seed 002");

        ok(post("unit01", version + "/revision", Goals.declaration("440100000", project, 8)), 200);
        ok(post("unit01", version + "/submission", "{}"), 200);
        JsonNode returned = ok(post("finance01", version + "/return",
                "{\"OPINION_CODES\":[2,8],\"OPINION_TEXT\":\"效益指标需细化\"}"), 200);
        assertThat(returned.get("STATUS").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("OPINION_CODES").toString()).isEqualTo("[2,8]");
        ok(post("unit01", version + "/submission", "{}"), 200);
        assertThat(post("unit01", version + "/approval", "{}").statusCode()).as("units do not approve").isEqualTo(403);
        JsonNode approved = ok(post("finance01", version + "/approval", "{}"), 200);
        assertThat(approved.get("RULE_VERSION").asText()).isEqualTo("440100000/2020#1 < national/2019#3");

        // Guangzhou reviews the goal in three stages (seed 002 ¶22): the library asks for the first
        JsonNode unreviewed = ok(post("pay-module", "/project-admissions",
                admission("440100000", project, "2000000.00", false)), 200);
        assertThat(unreviewed.get("ADMITTED").asBoolean()).isFalse();
        assertThat(unreviewed.get("REASONS").get(0).get("CODE").asText()).isEqualTo("REVIEW_STAGE_MISSING");
        String stages = version + "/stage-reviews";
        assertThat(post("unit01", stages, "{\"STAGE\":\"ADMISSION\"}").statusCode()).as("finance reviews")
                .isEqualTo(403);
        HttpResponse<String> first = post("finance01", stages, "{\"STAGE\":\"ADMISSION\",\"OPINION\":\"总体评审通过\"}");
        assertThat(ok(first, 201).get("STAGE").asText()).isEqualTo("ADMISSION");
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith(stages);

        JsonNode admitted = ok(post("pay-module", "/project-admissions",
                admission("440100000", project, "2000000.00", false)), 200);
        assertThat(admitted.get("ADMITTED").asBoolean()).isTrue();
        assertThat(admitted.get("GOAL_ID").asLong()).isEqualTo(goalId);

        HttpResponse<String> unsettled = post("finance01", version + "/publication", "{}");
        assertThat(unsettled.statusCode()).as("published once settled after sealing").isEqualTo(422);
        assertThat(unsettled.body()).contains("REVIEW_STAGE_MISSING");
        HttpResponse<String> over = post("finance01", stages, "{\"STAGE\":\"COMPILATION\",\"AMOUNT\":2000000.01}");
        assertThat(over.statusCode()).isEqualTo(400);
        assertThat(over.body()).contains("AMOUNT").contains("at-most-declared");
        ok(post("finance01", stages, "{\"STAGE\":\"COMPILATION\",\"AMOUNT\":1800000.00,\"OPINION\":\"联合评审核减\"}"),
                201);
        ok(post("finance01", stages, "{\"STAGE\":\"FINAL\",\"OPINION\":\"按财政评审意见确定\"}"), 201);
        JsonNode passed = ok(get("auditor01", stages), 200);
        assertThat(passed.get("STAGE_REVIEWS").findValues("STAGE")).extracting(JsonNode::asText)
                .containsExactly("ADMISSION", "COMPILATION", "FINAL");
        assertThat(passed.get("STAGE_REVIEWS").get(1).get("AMOUNT").decimalValue()).isEqualByComparingTo("1800000");

        ok(post("finance01", version + "/publication", "{}"), 200);
        JsonNode adjusted = ok(post("unit01", "/goals/" + goalId + "/adjustments", "{" + Goals.project("440100000",
                project, "2000000.00", false) + "," + Goals.goal(9) + ",\"ADJUST_BATCH\":\"TZ2026-07\"}"), 201);
        assertThat(adjusted.get("VERSION").asInt()).isEqualTo(2);
        assertThat(adjusted.get("ADJUST_BATCH").asText()).isEqualTo("TZ2026-07");
        assertThat(ok(get("auditor01", "/goals/" + goalId + "/versions"), 200).get("VERSIONS").toString())
                .isEqualTo("[1,2]");
        JsonNode old = ok(get("auditor01", version), 200);
        assertThat(old.get("STATUS").asText()).isEqualTo("PUBLISHED");
        assertThat(old.get("INDICATORS")).hasSize(8);
    }

    @Test
    void anAletaiProjectOfOneMillionNeedsASupportingKeyAssessment() throws Exception {
        String project = "AL-IT-" + UUID.randomUUID().toString().substring(0, 8);
        long goalId = ok(post("unit01", "/goals", "{" + Goals.project("654300000", project, "1000000.00", true) + ","
                + Goals.goal(3) + "}"), 201).get("GOAL_ID").asLong();
        ok(post("unit01", "/goals/" + goalId + "/versions/1/submission", "{}"), 200);
        ok(post("finance01", "/goals/" + goalId + "/versions/1/approval", "{}"), 200);

        JsonNode needs = ok(post("pay-module", "/project-admissions",
                admission("654300000", project, "1000000.00", true)), 200);
        assertThat(needs.get("ADMITTED").asBoolean()).isFalse();
        assertThat(needs.get("EX_ANTE").asText()).isEqualTo("KEY");
        assertThat(needs.get("REASONS").get(0).get("CODE").asText()).isEqualTo("EX_ANTE_REQUIRED");

        ok(post("finance01", "/assessments", "{\"MOF_DIV_CODE\":\"654300000\",\"FISCAL_YEAR\":2026,\"PRO_CODE\":\""
                + project + "\",\"TIER\":\"KEY\",\"SCORES\":{\"necessity\":90,\"inputEconomy\":85,"
                + "\"goalReasonableness\":80,\"feasibility\":88,\"fundingCompliance\":92},\"CONCLUSION\":\"SUPPORT\","
                + "\"ASSESSOR\":\"阿勒泰地区财政局\",\"THIRD_PARTY\":true,\"DOCUMENT_REF\":\"阿财评〔2026〕3号\"}"), 201);

        assertThat(ok(post("pay-module", "/project-admissions",
                admission("654300000", project, "1000000.00", true)), 200).get("ADMITTED").asBoolean()).isTrue();
    }

    @Test
    void aCheckReportsWithoutStoring() throws Exception {
        JsonNode report = ok(post("unit01", "/goals/checks", Goals.declaration("440100000", "GZ-CHECK", 8)
                .replace("\"COMPUTESIGN\":1,\"KPI_VAL\":\"100\"", "\"COMPUTESIGN\":6,\"KPI_VAL\":\"良好\"")), 200);

        assertThat(report.get("COMPLIES").asBoolean()).isFalse();
        assertThat(report.get("VIOLATIONS").get(0).get("CODE").asText()).isEqualTo("QUANTITATIVE_SHARE_MIN");
        assertThat(get("finance01", "/goals/999999/versions").statusCode()).isEqualTo(404);
    }

    @Test
    void aDepartmentsDraftListsItsBlockedLines() throws Exception {
        String approved = "BZ-IT-" + UUID.randomUUID().toString().substring(0, 6);
        long goalId = ok(post("unit01", "/goals", Goals.declaration("440100000", approved, 8)), 201)
                .get("GOAL_ID").asLong();
        ok(post("unit01", "/goals/" + goalId + "/versions/1/submission", "{}"), 200);
        ok(post("finance01", "/goals/" + goalId + "/versions/1/approval", "{}"), 200);
        throughCompilationReview(goalId, "2000000.00");
        String line = "{\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\"%s\",\"PROJECT_CLASS\":\"DEVELOPMENT\","
                + "\"PROJECT_LEVEL\":\"FIRST\",\"BUDGET_KIND\":\"GENERAL_PUBLIC\",\"AMOUNT\":2000000.00,"
                + "\"NEW_PROJECT\":false,\"RECURRING\":true}";
        String draft = "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,\"DRAFT_NO\":\"BZ2026-IT\",\"LINES\":["
                + String.format(line, approved) + "," + String.format(line, "BZ-NO-GOAL") + "],\"OPERATOR\":\"qian\"}";

        JsonNode decision = ok(post("pay-module", "/compilation-checks", draft), 200);

        assertThat(decision.get("BLOCKED").asInt()).isEqualTo(1);
        assertThat(decision.get("LINES").get(0).get("ADMITTED").asBoolean()).isTrue();
        assertThat(decision.get("LINES").get(0).get("GOAL_ID").asLong()).isEqualTo(goalId);
        assertThat(decision.get("LINES").get(1).get("PRO_CODE").asText()).isEqualTo("BZ-NO-GOAL");
        assertThat(decision.get("LINES").get(1).get("REASONS").get(0).get("CODE").asText())
                .isEqualTo("GOAL_MISSING");
        JsonNode adjustment = ok(post("pay-module", "/adjustment-checks", draft), 200);
        assertThat(adjustment.get("GATE").asText()).isEqualTo("ADJUSTMENT");
        HttpResponse<String> badLine = post("pay-module", "/compilation-checks", draft.replace("\"AMOUNT\":2000000.00,"
                + "\"NEW_PROJECT\":false,\"RECURRING\":true}]", "\"AMOUNT\":-1,\"NEW_PROJECT\":false,\"RECURRING\":true}]"));
        assertThat(badLine.statusCode()).isEqualTo(400);
        assertThat(badLine.body()).contains("LINES[1].AMOUNT");
    }

    @Test
    void aRuleTightenedAtRuntimeListsTheGoalsThatNoLongerComplyAndAdmissionStillHonoursThem() throws Exception {
        String project = "RC-IT-" + UUID.randomUUID().toString().substring(0, 8);
        long goalId = ok(post("unit01", "/goals", Goals.declaration("440100000", project, 8)), 201)
                .get("GOAL_ID").asLong();
        ok(post("unit01", "/goals/" + goalId + "/versions/1/submission", "{}"), 200);
        ok(post("finance01", "/goals/" + goalId + "/versions/1/approval", "{}"), 200);
        throughCompilationReview(goalId, "2000000.00");
        String recheck = "/goals/rechecks?MOF_DIV_CODE=440100000&FISCAL_YEAR=2026&LIMIT=1000";
        assertThat(ok(get("finance01", recheck), 200).get("GOALS").findValues("GOAL_ID"))
                .extracting(JsonNode::asLong).doesNotContain(goalId);

        ConfigurationAdmin cm = Jixiao.service(ConfigurationAdmin.class);
        Configuration guangzhou = cm.getFactoryConfiguration("io.jixiao.goals.rules", "guangzhou", "?");
        Dictionary<String, Object> shipped = guangzhou.getProperties();
        Dictionary<String, Object> tightened = new Hashtable<>();
        for (Enumeration<String> keys = shipped.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            tightened.put(key, shipped.get(key));
        }
        tightened.put("indicators.min.DEVELOPMENT", "9");
        tightened.put("revision", "2");
        try {
            guangzhou.update(tightened);
            JsonNode report = null;
            for (int i = 0; i < 100; i++) {
                report = ok(get("auditor01", recheck), 200);
                if (report.get("RULE_VERSION").asText().startsWith("440100000/2020#2")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(report.get("RULE_VERSION").asText()).as("applied without a restart").startsWith("440100000/2020#2");
            JsonNode listed = null;
            for (JsonNode g : report.get("GOALS")) {
                if (g.get("GOAL_ID").asLong() == goalId) {
                    listed = g;
                }
            }
            assertThat(listed).as("the approved goal with 8 indicators is listed").isNotNull();
            assertThat(listed.get("APPROVED_UNDER").asText()).startsWith("440100000/2020#1");
            assertThat(listed.get("VIOLATIONS").get(0).get("CODE").asText()).isEqualTo("INDICATORS_MIN");
            assertThat(ok(post("pay-module", "/project-admissions", admission("440100000", project, "2000000.00",
                    false)), 200).get("ADMITTED").asBoolean()).as("not silently invalidated").isTrue();
            assertThat(get("unit01", recheck).statusCode()).as("units do not read the report").isEqualTo(403);
        } finally {
            guangzhou.update(shipped);
            for (int i = 0; i < 100 && !ok(get("finance01", recheck), 200).get("RULE_VERSION").asText()
                    .startsWith("440100000/2020#1"); i++) {
                Thread.sleep(100);
            }
        }
    }

    @Test
    void financeChangesARegionsRulesThroughTheApiAndEveryDecisionAfterUsesThem() throws Exception {
        JsonNode now = ok(get("unit01", "/goal-rules?MOF_DIV_CODE=440100000&FISCAL_YEAR=2026"), 200);
        assertThat(now.get("RULE_SET").asText()).isEqualTo("440100000/2020#1");
        assertThat(now.get("RULES").get("indicators.min.DEVELOPMENT").asText()).isEqualTo("8");
        assertThat(now.get("SOURCES").get("indicators.min.DEVELOPMENT").asText()).contains("seed 002");

        String change = "{\"MOF_DIV_CODE\":\"440100000\",\"FROM_YEAR\":2031,\"BASE_REVISION\":0,"
                + "\"RULES\":{\"indicators.min.DEVELOPMENT\":\"10\",\"source.indicators.min.DEVELOPMENT\":"
                + "\"穗财绩〔2030〕2号\"},\"REASON\":\"穗财绩〔2030〕2号: 2031年起发展类项目至少10个指标\"}";
        String before = java.time.Instant.now().minusSeconds(1).toString();
        assertThat(post("unit01", "/goal-rules", change).statusCode()).as("units do not set rules").isEqualTo(403);
        JsonNode changed = ok(post("finance01", "/goal-rules", change), 200);
        assertThat(changed.get("RULE_SET").asText()).isEqualTo("440100000/2031#1");
        assertThat(changed.get("RULE_VERSION").asText()).isEqualTo("440100000/2031#1 < national/2019#3");
        assertThat(changed.get("RULES").get("indicators.min.DEVELOPMENT").asText()).isEqualTo("10");
        assertThat(changed.get("RULES").get("indicators.quantitativeMinPercent").asText())
                .as("the rest carried over from the set in force").isEqualTo("50");

        HttpResponse<String> stale = post("finance01", "/goal-rules", change);
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        HttpResponse<String> typo = post("finance01", "/goal-rules", change.replace("\"BASE_REVISION\":0",
                "\"BASE_REVISION\":1").replace("indicators.min.DEVELOPMENT\":\"10", "indicators.min.DEVELOPMENTS\":\"10"));
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(typo.body()).contains("RULES.indicators.min.DEVELOPMENTS");

        String project = "GZ-2031-" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode report = ok(post("unit01", "/goals/checks", Goals.declaration("440100000", project, 9)
                .replace("\"FISCAL_YEAR\":2026", "\"FISCAL_YEAR\":2031")), 200);
        assertThat(report.get("RULE_VERSION").asText()).startsWith("440100000/2031#1");
        assertThat(report.get("VIOLATIONS").get(0).get("CODE").asText()).isEqualTo("INDICATORS_MIN");
        assertThat(report.get("VIOLATIONS").get(0).get("SOURCE").asText()).contains("穗财绩〔2030〕2号");
        assertThat(ok(get("finance01", "/goal-rules?MOF_DIV_CODE=440100000&FISCAL_YEAR=2026"), 200)
                .get("RULE_SET").asText()).as("2026 keeps its rules").isEqualTo("440100000/2020#1");
        assertThat(get("auditor01", "/audit/entries?MOF_DIV_CODE=440100000&ACTOR=finance01&FROM=" + before).body())
                .contains("GOAL_RULES_CHANGED", "440100000/2031#1");
    }
}
