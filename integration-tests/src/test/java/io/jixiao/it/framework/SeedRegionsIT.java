package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seed regions' rules through both ways in from outside — REST {@code POST /goals/checks} and SOAP
 * {@code CheckGoal} — against the shipped presets: the same cases as the in-process table (GoalRulesTest), the
 * same answers on both adapters, and a prefecture inheriting what its region sets through the API. (The framework
 * tests configure a smaller region hierarchy than the distribution's, without Guangzhou's districts, so a district
 * inheriting Guangzhou's presets stays in process.)
 */
class SeedRegionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    private record Answer(List<String> codes, String exAnte, boolean review) {
    }

    private static Answer rest(String project, String goal) throws Exception {
        HttpResponse<String> r = Jixiao.post(Jixiao.REST + "/goals/checks", "application/json",
                "{" + project + "," + goal + "}", "Authorization", Jixiao.basic("unit01"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(r.body());
        List<String> codes = new ArrayList<>();
        report.get("VIOLATIONS").forEach(v -> codes.add(v.get("CODE").asText()));
        return new Answer(codes, report.get("EX_ANTE").asText(), report.get("REVIEW_REQUIRED").asBoolean());
    }

    private static Answer soap(String project, String goal) throws Exception {
        HttpResponse<String> r = Jixiao.soapAs("unit01", Jixiao.PASSWORD, Jixiao.GOALS_SOAP, "CheckGoal",
                Goals.soap("CheckGoalRequest", project, goal));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        Matcher m = Pattern.compile("<VIOLATION><CODE>([^<]+)</CODE>").matcher(r.body());
        while (m.find()) {
            codes.add(m.group(1));
        }
        return new Answer(codes, value(r.body(), "EX_ANTE"), Boolean.parseBoolean(value(r.body(), "REVIEW_REQUIRED")));
    }

    private static String value(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        assertThat(m.find()).as(element + " in " + xml).isTrue();
        return m.group(1);
    }

    /** Expected: the codes of the rules broken, in order, space-separated. */
    @ParameterizedTest(name = "{0} {1}: {2} indicators, {3} quantitative → {4}")
    @CsvSource({
        // Guangzhou: development ≥ 8, running ≥ 4, quantitative ≥ 50 % inclusive
        "440100000, DEVELOPMENT,       7, 7, INDICATORS_MIN",
        "440100000, DEVELOPMENT,       8, 8, ''",
        "440100000, RUNNING_GUARANTEE, 3, 3, INDICATORS_MIN LEVEL1_REQUIRED_SATISFACTION",
        "440100000, RUNNING_GUARANTEE, 4, 4, ''",
        "440100000, DEVELOPMENT,       8, 4, ''",
        "440100000, DEVELOPMENT,       8, 3, QUANTITATIVE_SHARE_MIN",
        // Yunxi sets no counts: the national default (3, illustrative) applies, no quantitative share
        "430603000, DEVELOPMENT,       3, 0, ''",
        "430603000, DEVELOPMENT,       2, 2, INDICATORS_MIN LEVEL1_REQUIRED_BENEFIT",
        // Changzhi requires benefit, satisfaction and cost indicators: a single quantity indicator has none (listed
        // in the categories' order)
        "140400000, DEVELOPMENT,       1, 1, INDICATORS_MIN LEVEL1_REQUIRED_BENEFIT LEVEL1_REQUIRED_SATISFACTION LEVEL2_REQUIRED_COST",
    })
    void indicatorRulesAnswerTheSameOnBothAdapters(String region, String projectClass, int total, int quantitative,
            String expected) throws Exception {
        List<String> codes = expected.isEmpty() ? List.of() : List.of(expected.split(" "));
        String project = "SEED-" + region;

        Answer rest = rest(Goals.project(region, project, projectClass, "100000", false, true, null),
                Goals.goal(total, quantitative));
        Answer soap = soap(Goals.soapProject(region, project, projectClass, "100000", false, true, null),
                Goals.soapGoal(total, quantitative));

        assertThat(rest.codes()).containsExactlyElementsOf(codes);
        assertThat(soap).isEqualTo(rest);
    }

    @ParameterizedTest(name = "{0} {1} new={2} recurring={3} last year {4} → {5}, review {6}")
    @CsvSource({
        // Aletai: every new project; key from 1,000,000 inclusive
        "654300000, 1000000.00, true,  true,  ,            KEY,     false",
        "654300000, 999999.99,  true,  false, ,            GENERAL, false",
        // Guangzhou: new recurring ≥ 10,000,000 / one-off ≥ 30,000,000; review ≥ 5,000,000 / 10,000,000
        "440100000, 10000000,   true,  true,  ,            KEY,     true",
        "440100000, 9999999.99, true,  true,  ,            NONE,    true",
        "440100000, 4999999.99, true,  true,  ,            NONE,    false",
        "440100000, 30000000,   true,  false, ,            KEY,     true",
        // a continuing project growing ≥ 30 % over last year (national, illustrative)
        "430603000, 1300000,    false, true,  1000000,     KEY,     false",
        "430603000, 1299999.99, false, true,  1000000,     NONE,    false",
    })
    void exAnteAndReviewThresholdsAnswerTheSameOnBothAdapters(String region, String amount, boolean newProject,
            boolean recurring, String lastYear, String tier, boolean review) throws Exception {
        String project = "SEED-EX-" + region;

        Answer rest = rest(Goals.project(region, project, "DEVELOPMENT", amount, newProject, recurring, lastYear),
                Goals.goal(8, 8));
        Answer soap = soap(Goals.soapProject(region, project, "DEVELOPMENT", amount, newProject, recurring,
                lastYear), Goals.soapGoal(8, 8));

        assertThat(rest.exAnte()).isEqualTo(tier);
        assertThat(rest.review()).isEqualTo(review);
        assertThat(soap).isEqualTo(rest);
    }

    @Test
    void aPrefectureInheritsWhatItsRegionSetsAndItDoesNot() throws Exception {
        // Ili (654000000, Aletai's parent in the configured hierarchy) sets a minimum Aletai's own set does not;
        // from 2098 on, so no other test's rules change
        HttpResponse<String> set = Jixiao.post(Jixiao.REST + "/goal-rules", "application/json",
                "{\"MOF_DIV_CODE\":\"654000000\",\"FROM_YEAR\":2098,\"BASE_REVISION\":0,\"RULES\":{"
                        + "\"indicators.min.DEVELOPMENT\":\"6\",\"source.indicators.min.DEVELOPMENT\":\"伊犁州(示例)\"},"
                        + "\"REASON\":\"州级规则由地区继承\"}",
                "Authorization", Jixiao.basic("finance01"));
        assertThat(set.statusCode()).as(set.body()).isIn(200, 409); // 409: set by an earlier run of this framework
        JsonNode aletai = JSON.readTree(Jixiao.get(Jixiao.REST
                + "/goal-rules?MOF_DIV_CODE=654300000&FISCAL_YEAR=2098").body());
        assertThat(aletai.get("RULE_VERSION").asText()).isEqualTo("654300000/2018#2 < 654000000/2098#1 < national/2019#3");
        assertThat(aletai.get("RULES").get("indicators.min.DEVELOPMENT").asText()).isEqualTo("6");
        assertThat(aletai.get("RULES").get("exAnte.keyFrom").asText()).as("its own key").isEqualTo("1000000");

        String project = Goals.project("654300000", "AL-2098", "DEVELOPMENT", "100000", false, true, null)
                .replace("\"FISCAL_YEAR\":2026", "\"FISCAL_YEAR\":2098");
        String soapProject = Goals.soapProject("654300000", "AL-2098", "DEVELOPMENT", "100000", false, true, null)
                .replace("<pg:FISCAL_YEAR>2026<", "<pg:FISCAL_YEAR>2098<");
        assertThat(rest(project, Goals.goal(5, 5)).codes()).containsExactly("INDICATORS_MIN");
        assertThat(soap(soapProject, Goals.soapGoal(5, 5)).codes()).containsExactly("INDICATORS_MIN");
        assertThat(rest(project, Goals.goal(6, 6)).codes()).isEmpty();
    }

    @Test
    void eachGateDecidesInItsModeOffWarnOrEnforce() throws Exception {
        // Changzhi pilots: admission and compilation in WARN, adjustments OFF, from 2026 (set through the API)
        HttpResponse<String> set = Jixiao.post(Jixiao.REST + "/goal-rules", "application/json",
                "{\"MOF_DIV_CODE\":\"140400000\",\"FROM_YEAR\":2026,\"BASE_REVISION\":0,\"RULES\":{"
                        + "\"gate.ADMISSION.mode\":\"WARN\",\"gate.COMPILATION.mode\":\"WARN\","
                        + "\"gate.ADJUSTMENT.mode\":\"OFF\"},\"REASON\":\"长治市2026年试点\"}",
                "Authorization", Jixiao.basic("finance01"));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        JsonNode warned = JSON.readTree(Jixiao.post(Jixiao.REST + "/project-admissions", "application/json",
                "{" + Goals.project("140400000", "CZ-NO-GOAL", "100000", false) + ",\"OPERATOR\":\"li\"}",
                "Authorization", Jixiao.basic("pay-module")).body());
        assertThat(warned.get("MODE").asText()).isEqualTo("WARN");
        assertThat(warned.get("ADMITTED").asBoolean()).as("warn reports, never blocks").isTrue();
        assertThat(warned.get("REASONS").get(0).get("CODE").asText()).isEqualTo("GOAL_MISSING");

        String draft = "{\"MOF_DIV_CODE\":\"140400000\",\"FISCAL_YEAR\":2026,\"DRAFT_NO\":\"CZ-1\",\"LINES\":[{"
                + "\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\"CZ-NO-GOAL\",\"PROJECT_CLASS\":\"DEVELOPMENT\","
                + "\"PROJECT_LEVEL\":\"FIRST\",\"BUDGET_KIND\":\"GENERAL_PUBLIC\",\"AMOUNT\":100000.00,"
                + "\"NEW_PROJECT\":false,\"RECURRING\":true}],\"OPERATOR\":\"li\"}";
        JsonNode compiled = JSON.readTree(Jixiao.post(Jixiao.REST + "/compilation-checks", "application/json", draft,
                "Authorization", Jixiao.basic("pay-module")).body());
        assertThat(compiled.get("MODE").asText()).isEqualTo("WARN");
        assertThat(compiled.get("BLOCKED").asInt()).isZero();
        assertThat(compiled.get("FLAGGED").asInt()).isEqualTo(1);
        JsonNode off = JSON.readTree(Jixiao.post(Jixiao.REST + "/adjustment-checks", "application/json", draft,
                "Authorization", Jixiao.basic("pay-module")).body());
        assertThat(off.get("MODE").asText()).isEqualTo("OFF");
        assertThat(off.get("FLAGGED").asInt()).as("off decides nothing").isZero();
        JsonNode enforced = JSON.readTree(Jixiao.post(Jixiao.REST + "/project-admissions", "application/json",
                "{" + Goals.project("440100000", "GZ-NO-GOAL", "100000", false) + ",\"OPERATOR\":\"li\"}",
                "Authorization", Jixiao.basic("pay-module")).body());
        assertThat(enforced.get("MODE").asText()).isEqualTo("ENFORCE");
        assertThat(enforced.get("ADMITTED").asBoolean()).isFalse();

        // an enforcement date that has come makes the pilot enforce
        HttpResponse<String> due = Jixiao.post(Jixiao.REST + "/goal-rules", "application/json",
                "{\"MOF_DIV_CODE\":\"140400000\",\"FROM_YEAR\":2026,\"BASE_REVISION\":1,\"RULES\":{"
                        + "\"gate.ADMISSION.enforceFrom\":\"2026-01-01\"},\"REASON\":\"试点结束\"}",
                "Authorization", Jixiao.basic("finance01"));
        assertThat(due.statusCode()).as(due.body()).isEqualTo(200);
        JsonNode now = JSON.readTree(Jixiao.post(Jixiao.REST + "/project-admissions", "application/json",
                "{" + Goals.project("140400000", "CZ-NO-GOAL", "100000", false) + ",\"OPERATOR\":\"li\"}",
                "Authorization", Jixiao.basic("pay-module")).body());
        assertThat(now.get("MODE").asText()).isEqualTo("ENFORCE");
        assertThat(now.get("ADMITTED").asBoolean()).isFalse();
    }
}
