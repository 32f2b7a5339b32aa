package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One rule, two contracts: each request type reaches the API through its one {@code X.from} (or the service), so
 * the same bad value is refused over REST and SOAP by the same rule, at the same field in each contract's own
 * names (docs/api.md, "One rule, two contracts": JSON {@code INDICATORS[i]} is XML {@code INDICATOR[i]}, JSON
 * {@code LINES[i]} is XML {@code LINE[i]}). The values pass the SOAP schema, so that what answers is Jixiao's rule
 * and not the schema's.
 */
class SameRuleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VIOLATION = Pattern.compile(
            "<VIOLATION><FIELD>([^<]*)</FIELD><RULE>([^<]*)</RULE>");

    /**
     * @param jsonField the field REST names; {@code xmlField} the one SOAP names
     */
    record Case(String name, String account, String restPath, String json, String soapService, String operation,
            String xml, String jsonField, String xmlField, String rule) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    /** The first indicator of {@link Goals#goal} claims a level 1 its level 2 does not belong to. */
    private static String mismatchedJsonGoal() {
        return Goals.goal(8).replaceFirst("\\{\"KPI_LV2\":\"QUANTITY\"", "{\"KPI_LV1\":\"BENEFIT\",\"KPI_LV2\":\"QUANTITY\"");
    }

    private static String mismatchedSoapGoal() {
        return Goals.soapGoal(8).replaceFirst("<pg:INDICATOR><pg:KPI_LV2>QUANTITY",
                "<pg:INDICATOR><pg:KPI_LV1>BENEFIT</pg:KPI_LV1><pg:KPI_LV2>QUANTITY");
    }

    static Stream<Case> cases() {
        String project = Goals.project("440100000", "SAME-RULE-1", "2000000.00", false);
        String soapProject = Goals.soapProject("440100000", "SAME-RULE-1", "2000000.00", false);
        String goal = mismatchedJsonGoal();
        String soapGoal = mismatchedSoapGoal();
        String ids = Jixiao.elements("GOAL_ID", "1", "VERSION", "1");
        String draftLine = "\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\"SAME-RULE-1\",\"PROJECT_CLASS\":\"DEVELOPMENT\","
                + "\"PROJECT_LEVEL\":\"FIRST\",\"BUDGET_KIND\":\"GENERAL_PUBLIC\",\"AMOUNT\":2000000.00,"
                + "\"NEW_PROJECT\":false,\"RECURRING\":true";
        List<Case> all = new ArrayList<>();
        all.add(new Case("DraftGoal: an indicator's level 1 against its level 2", "unit01", "/goals",
                "{" + project + "," + goal + "}", Jixiao.GOALS_SOAP, "DraftGoal",
                Goals.soap("DraftGoalRequest", soapProject, soapGoal), "INDICATORS[0].KPI_LV1",
                "INDICATOR[0].KPI_LV1", "matches-level2"));
        all.add(new Case("ReviseGoal: an indicator's level 1 against its level 2", "unit01",
                "/goals/1/versions/1/revision", "{" + project + "," + goal + "}", Jixiao.GOALS_SOAP, "ReviseGoal",
                Goals.soap("ReviseGoalRequest", ids, soapProject, soapGoal), "INDICATORS[0].KPI_LV1",
                "INDICATOR[0].KPI_LV1", "matches-level2"));
        all.add(new Case("AdjustGoal: an indicator's level 1 against its level 2", "unit01", "/goals/1/adjustments",
                "{" + project + ",\"ADJUST_BATCH\":\"2026-1\"," + goal + "}", Jixiao.GOALS_SOAP, "AdjustGoal",
                Goals.soap("AdjustGoalRequest", Jixiao.elements("GOAL_ID", "1", "ADJUST_BATCH", "2026-1"),
                        soapProject, soapGoal), "INDICATORS[0].KPI_LV1", "INDICATOR[0].KPI_LV1", "matches-level2"));
        all.add(new Case("CheckGoal: an indicator's level 1 against its level 2", "unit01", "/goals/checks",
                "{" + project + "," + goal + "}", Jixiao.GOALS_SOAP, "CheckGoal",
                Goals.soap("CheckGoalRequest", soapProject, soapGoal), "INDICATORS[0].KPI_LV1",
                "INDICATOR[0].KPI_LV1", "matches-level2"));
        all.add(new Case("ReturnGoal: opinion 11 (other) without a text", "finance01", "/goals/1/versions/1/return",
                "{\"OPINION_CODES\":[2,11]}", Jixiao.GOALS_SOAP, "ReturnGoal",
                Goals.soap("ReturnGoalRequest", ids, Jixiao.elements("OPINION_CODE", "2", "OPINION_CODE", "11")),
                "OPINION_TEXT", "OPINION_TEXT", "required"));
        all.add(new Case("AdmitProject: a host system's call without its operator", "pay-module",
                "/project-admissions", "{" + project + "}", Jixiao.GOALS_SOAP, "AdmitProject",
                Goals.soap("AdmitProjectRequest", soapProject), "OPERATOR", "OPERATOR", "required"));
        all.add(new Case("CheckCompilation: a host system's call without its operator", "pay-module",
                "/compilation-checks", "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,\"DRAFT_NO\":\"BZ-SAME\","
                        + "\"LINES\":[{" + draftLine + "}]}", Jixiao.GOALS_SOAP, "CheckCompilation",
                Goals.soapDraft("CheckCompilationRequest", "SAME-RULE-1", "x").replaceAll(
                        "<pg:OPERATOR>[^<]*</pg:OPERATOR>", ""), "OPERATOR", "OPERATOR", "required"));
        all.add(new Case("RecordAssessment: dimensions other than the region's", "finance01", "/assessments",
                "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,\"PRO_CODE\":\"SAME-RULE-1\",\"TIER\":\"GENERAL\","
                        + "\"SCORES\":{\"NOT_A_DIMENSION\":50},\"CONCLUSION\":\"SUPPORT\",\"ASSESSOR\":\"评估中心\","
                        + "\"THIRD_PARTY\":true,\"DOCUMENT_REF\":\"穗财评〔2026〕1号\"}", Jixiao.GOALS_SOAP,
                "RecordAssessment", Goals.soap("RecordAssessmentRequest", Jixiao.elements("MOF_DIV_CODE",
                        "440100000", "FISCAL_YEAR", "2026", "PRO_CODE", "SAME-RULE-1", "TIER", "GENERAL"),
                        Goals.soap("SCORE", Jixiao.elements("DIMENSION", "NOT_A_DIMENSION", "VALUE", "50")),
                        Jixiao.elements("CONCLUSION", "SUPPORT", "ASSESSOR", "评估中心", "THIRD_PARTY", "true",
                                "DOCUMENT_REF", "穗财评〔2026〕1号")), "SCORES", "SCORE", "dimensions"));
        all.add(new Case("SaveLibraryIndicator: valid to before valid from", "finance01", "/library/indicators",
                "{\"MOF_DIV_CODE\":\"140400000\",\"IND_CODE\":\"SAME-RULE-1\",\"KIND\":\"COMMON\",\"KPI_LV2\":\"QUANTITY\","
                        + "\"KPI_CONTENT\":\"培训人次\",\"COMPUTESIGN\":1,\"VALID_FROM\":\"2026-06-01\","
                        + "\"VALID_TO\":\"2026-01-01\"}", Jixiao.LIBRARY_SOAP, "SaveLibraryIndicator",
                Goals.soap("SaveLibraryIndicatorRequest", Goals.soap("INDICATOR", Jixiao.elements("MOF_DIV_CODE",
                        "140400000", "IND_CODE", "SAME-RULE-1", "KIND", "COMMON", "KPI_LV2", "QUANTITY",
                        "KPI_CONTENT", "培训人次", "COMPUTESIGN", "1", "VALID_FROM", "2026-06-01", "VALID_TO",
                        "2026-01-01"))), "VALID_TO", "VALID_TO", "after-from"));
        all.add(new Case("SaveLibraryIndicator: an industry indicator without its department", "finance01",
                "/library/indicators", "{\"MOF_DIV_CODE\":\"140400000\",\"IND_CODE\":\"SAME-RULE-2\","
                        + "\"KIND\":\"INDUSTRY\",\"KPI_LV2\":\"QUANTITY\",\"KPI_CONTENT\":\"培训人次\",\"COMPUTESIGN\":1,"
                        + "\"VALID_FROM\":\"2026-01-01\"}", Jixiao.LIBRARY_SOAP, "SaveLibraryIndicator",
                Goals.soap("SaveLibraryIndicatorRequest", Goals.soap("INDICATOR", Jixiao.elements("MOF_DIV_CODE",
                        "140400000", "IND_CODE", "SAME-RULE-2", "KIND", "INDUSTRY", "KPI_LV2", "QUANTITY",
                        "KPI_CONTENT", "培训人次", "COMPUTESIGN", "1", "VALID_FROM", "2026-01-01"))), "AGENCY_CODE",
                "AGENCY_CODE", "required"));
        all.add(new Case("StartMonitoringRound: reports due before the cut-off", "finance01", "/monitoring/rounds",
                "{\"MOF_DIV_CODE\":\"120000000\",\"FISCAL_YEAR\":2026,\"CUT_OFF\":\"2026-07-31\",\"DUE\":\"2026-07-01\"}",
                Jixiao.MONITORING_SOAP, "StartMonitoringRound", Goals.soap("StartMonitoringRoundRequest",
                        Jixiao.elements("MOF_DIV_CODE", "120000000", "FISCAL_YEAR", "2026", "CUT_OFF", "2026-07-31",
                                "DUE", "2026-07-01")), "DUE", "DUE", "order"));
        all.add(new Case("SubmitMonitoringReport: a deviation without its reason", "unit01", "/monitoring/reports",
                "{\"MOF_DIV_CODE\":\"120000000\",\"FISCAL_YEAR\":2026,\"CUT_OFF\":\"2026-07-31\",\"PRO_CODE\":\"SAME-RULE-1\","
                        + "\"INDICATORS\":[{\"KPI_CONTENT\":\"指标0\",\"KPI_VAL_TODATE\":\"60\",\"FORECAST\":\"WILL_COMPLETE\"},"
                        + "{\"KPI_CONTENT\":\"指标1\",\"KPI_VAL_TODATE\":\"10\",\"FORECAST\":\"CANNOT_COMPLETE\"}]}",
                Jixiao.MONITORING_SOAP, "SubmitMonitoringReport", Goals.soap("SubmitMonitoringReportRequest",
                        Jixiao.elements("MOF_DIV_CODE", "120000000", "FISCAL_YEAR", "2026", "CUT_OFF", "2026-07-31",
                                "PRO_CODE", "SAME-RULE-1"),
                        Goals.soap("INDICATOR", Jixiao.elements("KPI_CONTENT", "指标0", "KPI_VAL_TODATE", "60",
                                "FORECAST", "WILL_COMPLETE")),
                        Goals.soap("INDICATOR", Jixiao.elements("KPI_CONTENT", "指标1", "KPI_VAL_TODATE", "10",
                                "FORECAST", "CANNOT_COMPLETE"))),
                "INDICATORS[1].DEVIATION_REASON", "INDICATOR[1].DEVIATION_REASON", "required"));
        all.add(new Case("SubmitMonitoringReport: a cut-off outside the fiscal year", "unit01", "/monitoring/reports",
                "{\"MOF_DIV_CODE\":\"120000000\",\"FISCAL_YEAR\":2026,\"CUT_OFF\":\"2025-12-31\",\"PRO_CODE\":\"SAME-RULE-1\","
                        + "\"INDICATORS\":[{\"KPI_CONTENT\":\"指标0\",\"KPI_VAL_TODATE\":\"60\",\"FORECAST\":\"WILL_COMPLETE\"}]}",
                Jixiao.MONITORING_SOAP, "SubmitMonitoringReport", Goals.soap("SubmitMonitoringReportRequest",
                        Jixiao.elements("MOF_DIV_CODE", "120000000", "FISCAL_YEAR", "2026", "CUT_OFF", "2025-12-31",
                                "PRO_CODE", "SAME-RULE-1"),
                        Goals.soap("INDICATOR", Jixiao.elements("KPI_CONTENT", "指标0", "KPI_VAL_TODATE", "60",
                                "FORECAST", "WILL_COMPLETE"))), "CUT_OFF", "CUT_OFF", "year"));
        all.add(new Case("AssignEvaluations: a key evaluation without its evaluator", "finance01",
                "/evaluations/assignments", "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2025,\"KIND\":\"KEY\","
                        + "\"PRO_CODES\":[\"SAME-RULE-1\"]}", Jixiao.EVALUATION_SOAP, "AssignEvaluations",
                Goals.soap("AssignEvaluationsRequest", Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR",
                        "2025", "KIND", "KEY", "PRO_CODE", "SAME-RULE-1")), "EVALUATOR", "EVALUATOR", "required"));
        all.add(new Case("CheckPayment: project expenditure without its project", "pay-module",
                "/payment-guard/checks", Jixiao.checkJson("SAME-RULE-1", null, "B-1", "100.00", "PROJECT"),
                Jixiao.SOAP, "CheckPayment", Jixiao.checkSoap("SAME-RULE-1", null, "B-1", "100.00", "PROJECT"),
                "PRO_CODE", "PRO_CODE", "required"));
        all.add(new Case("PlaceHold: a project and a budget line at once", "finance01", "/holds",
                "{\"MOF_DIV_CODE\":\"440100000\",\"TARGET_TYPE\":\"PROJECT\",\"PRO_CODE\":\"SAME-RULE-1\",\"BGT_ID\":\"B-1\","
                        + "\"HOLD_KIND\":\"SUSPEND\",\"REASON\":\"偏离\"}", Jixiao.SOAP, "PlaceHold",
                Goals.soap("PlaceHoldRequest", Jixiao.elements("MOF_DIV_CODE", "440100000", "TARGET_TYPE", "PROJECT",
                        "PRO_CODE", "SAME-RULE-1", "BGT_ID", "B-1", "HOLD_KIND", "SUSPEND", "REASON", "偏离")),
                "BGT_ID", "BGT_ID", "target"));
        all.add(new Case("OpenComprehensiveEvaluations: a government not below the region", "finance01",
                "/evaluations/comprehensive", "{\"MOF_DIV_CODE\":\"450800000\",\"FISCAL_YEAR\":2026,"
                        + "\"MOF_DIV_CODES\":[\"440100000\"]}", Jixiao.EVALUATION_SOAP, "OpenComprehensiveEvaluations",
                Goals.soap("OpenComprehensiveEvaluationsRequest", Jixiao.elements("MOF_DIV_CODE", "450800000",
                        "FISCAL_YEAR", "2026", "SUBJECT_DIV_CODE", "440100000")), "MOF_DIV_CODES[0]",
                "SUBJECT_DIV_CODE[0]", "lower"));
        all.add(new Case("ReleaseHold: a blank reason", "finance01", "/holds/999999/release",
                "{\"REASON\":\"   \"}", Jixiao.SOAP, "ReleaseHold", Goals.soap("ReleaseHoldRequest",
                        Jixiao.elements("HOLD_ID", "999999", "REASON", "   ")), "REASON", "REASON", "required"));
        all.add(new Case("OpenBypass: a blank reason", "finance01", "/payment-guard/bypasses",
                "{\"MOF_DIV_CODE\":\"440100000\",\"UNTIL\":\"2099-01-01T00:00:00Z\",\"REASON\":\"   \"}", Jixiao.SOAP,
                "OpenBypass", Goals.soap("OpenBypassRequest", Jixiao.elements("MOF_DIV_CODE", "440100000", "UNTIL",
                        "2099-01-01T00:00:00Z", "REASON", "   ")), "REASON", "REASON", "required"));
        all.add(new Case("CloseBypass: a blank reason", "finance01", "/payment-guard/bypasses/999999/closing",
                "{\"REASON\":\"   \"}", Jixiao.SOAP, "CloseBypass", Goals.soap("CloseBypassRequest",
                        Jixiao.elements("BYPASS_ID", "999999", "REASON", "   ")), "REASON", "REASON", "required"));
        all.add(new Case("RectifyMonitoringAlert: a blank reason", "finance01",
                "/monitoring/alerts/999999/rectification", "{\"REASON\":\"   \"}", Jixiao.MONITORING_SOAP,
                "RectifyMonitoringAlert", Goals.soap("RectifyMonitoringAlertRequest", Jixiao.elements("ALERT_ID",
                        "999999", "REASON", "   ")), "REASON", "REASON", "required"));
        all.add(new Case("ReleaseMonitoringAlert: a blank reason", "finance01", "/monitoring/alerts/999999/release",
                "{\"REASON\":\"   \"}", Jixiao.MONITORING_SOAP, "ReleaseMonitoringAlert",
                Goals.soap("ReleaseMonitoringAlertRequest", Jixiao.elements("ALERT_ID", "999999", "REASON", "   ")),
                "REASON", "REASON", "required"));
        all.add(new Case("CloseEvaluationYear: a host system's call without its operator", "pay-module",
                "/evaluations/year-closings", "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2025,"
                        + "\"AGENCY_CODE\":\"101001\"}", Jixiao.EVALUATION_SOAP, "CloseEvaluationYear",
                Goals.soap("CloseEvaluationYearRequest", Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR",
                        "2025", "AGENCY_CODE", "101001")), "OPERATOR", "OPERATOR", "required"));
        all.add(new Case("ApplyEvaluationResults: a host system's call without its operator", "pay-module",
                "/evaluations/result-applications", "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2025}",
                Jixiao.EVALUATION_SOAP, "ApplyEvaluationResults", Goals.soap("ApplyEvaluationResultsRequest",
                        Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR", "2025")), "OPERATOR", "OPERATOR",
                "required"));
        String soapLine = Goals.soapDraft("CheckAdjustmentRequest", "SAME-RULE-1", "x").replaceAll(
                "<pg:OPERATOR>[^<]*</pg:OPERATOR>", "");
        all.add(new Case("CheckAdjustment: a host system's call without its operator", "pay-module",
                "/adjustment-checks", "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,\"DRAFT_NO\":\"TZ-SAME\","
                        + "\"LINES\":[{" + draftLine + "}]}", Jixiao.GOALS_SOAP, "CheckAdjustment", soapLine,
                "OPERATOR", "OPERATOR", "required"));
        for (String[] step : new String[][] {{"SubmitGoal", "submission"}, {"ApproveGoal", "approval"},
            {"PublishGoal", "publication"}}) {
            all.add(new Case(step[0] + ": a host system's call without its operator", "pay-module",
                    "/goals/1/versions/1/" + step[1], "{}", Jixiao.GOALS_SOAP, step[0],
                    Goals.soap(step[0] + "Request", ids), "OPERATOR", "OPERATOR", "required"));
        }
        all.add(new Case("ReviewGoalStage: a host system's call without its operator", "pay-module",
                "/goals/1/versions/1/stage-reviews", "{\"STAGE\":\"COMPILATION\"}", Jixiao.GOALS_SOAP,
                "ReviewGoalStage", Goals.soap("ReviewGoalStageRequest", ids, Jixiao.elements("STAGE", "COMPILATION")),
                "OPERATOR", "OPERATOR", "required"));
        all.add(new Case("ChangeGoalRules: a key that is no rule", "finance01", "/goal-rules",
                "{\"MOF_DIV_CODE\":\"440100000\",\"FROM_YEAR\":2099,\"BASE_REVISION\":0,"
                        + "\"RULES\":{\"indicators.maximum\":\"9\"},\"REASON\":\"试行\"}", Jixiao.GOALS_SOAP,
                "ChangeGoalRules", Goals.soap("ChangeGoalRulesRequest", Jixiao.elements("MOF_DIV_CODE", "440100000",
                        "FROM_YEAR", "2099", "BASE_REVISION", "0"), Goals.soap("RULE", Jixiao.elements("KEY",
                        "indicators.maximum", "VALUE", "9")), Jixiao.elements("REASON", "试行")),
                "RULES.indicators.maximum", "RULE.indicators.maximum", "known-key"));
        for (String[] step : new String[][] {{"CancelMonitoringRound", "cancel"}, {"ResumeMonitoringRound", "resume"}}) {
            all.add(new Case(step[0] + ": a host system's call without its operator", "pay-module",
                    "/monitoring/rounds/999999/" + step[1], "{}", Jixiao.MONITORING_SOAP, step[0],
                    Goals.soap(step[0] + "Request", Jixiao.elements("ROUND_ID", "999999")), "OPERATOR", "OPERATOR",
                    "required"));
        }
        for (String[] step : new String[][] {{"RetireLibraryIndicator", "retirement"},
            {"DeleteLibraryIndicator", "deletion"}}) {
            all.add(new Case(step[0] + ": a host system's call without its operator", "pay-module",
                    "/library/indicators/SAME-RULE-1/" + step[1], "{\"MOF_DIV_CODE\":\"140400000\"}",
                    Jixiao.LIBRARY_SOAP, step[0], Goals.soap(step[0] + "Request", Jixiao.elements("MOF_DIV_CODE",
                            "140400000", "IND_CODE", "SAME-RULE-1")), "OPERATOR", "OPERATOR", "required"));
        }
        all.add(new Case("SubmitSelfEvaluation: a host system's call without its operator", "pay-module",
                "/evaluations/tasks/999999/evaluation", "{\"INDICATORS\":[{\"LINE\":1,\"ACTUAL\":100}]}",
                Jixiao.EVALUATION_SOAP, "SubmitSelfEvaluation", Goals.soap("SubmitSelfEvaluationRequest",
                        Jixiao.elements("TASK_ID", "999999"), Goals.soap("INDICATOR", Jixiao.elements("LINE", "1",
                                "ACTUAL", "100"))), "OPERATOR", "OPERATOR", "required"));
        all.add(new Case("SubmitComprehensiveEvaluation: a host system's call without its operator", "pay-module",
                "/evaluations/comprehensive/999999/evaluation", "{\"CRITERIA\":[{\"DIMENSION\":\"FISCAL\","
                        + "\"NAME\":\"收支\",\"POINTS\":100,\"SCORE\":90}]}", Jixiao.EVALUATION_SOAP,
                "SubmitComprehensiveEvaluation", Goals.soap("SubmitComprehensiveEvaluationRequest",
                        Jixiao.elements("EVALUATION_ID", "999999"), Goals.soap("CRITERION", Jixiao.elements(
                                "DIMENSION", "FISCAL", "NAME", "收支", "POINTS", "100", "SCORE", "90"))), "OPERATOR",
                "OPERATOR", "required"));
        for (String[] op : new String[][] {{"EvaluationWhatIf", "/evaluations/what-if"},
            {"TransferWhatIf", "/evaluations/comprehensive/what-if"},
            {"ApplyTransferResults", "/evaluations/comprehensive/result-applications"}}) {
            all.add(new Case(op[0] + ": a host system's call without its operator", "pay-module", op[1],
                    "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2025}", Jixiao.EVALUATION_SOAP, op[0],
                    Goals.soap(op[0] + "Request", Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR",
                            "2025")), "OPERATOR", "OPERATOR", "required"));
        }
        String opening = "\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,\"SUBJECT\":\"PROJECT\","
                + "\"AGENCY_CODE\":\"101001\"";
        String soapOpening = Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR", "2026", "SUBJECT",
                "PROJECT", "AGENCY_CODE", "101001");
        all.add(new Case("OpenRectificationCase: a project case without its project", "finance01",
                "/rectification/cases", "{" + opening + ",\"PROBLEMS\":[{\"TEXT\":\"x\"}]}", Jixiao.RECTIFICATION_SOAP,
                "OpenRectificationCase", Goals.soap("OpenRectificationCaseRequest", soapOpening,
                        Goals.soap("PROBLEM", Jixiao.elements("TEXT", "x"))), "PRO_CODE", "PRO_CODE", "required"));
        all.add(new Case("OpenRectificationCase: a blank problem", "finance01", "/rectification/cases",
                "{" + opening + ",\"PRO_CODE\":\"SAME-RULE-1\",\"PROBLEMS\":[{\"TEXT\":\"  \"}]}",
                Jixiao.RECTIFICATION_SOAP, "OpenRectificationCase", Goals.soap("OpenRectificationCaseRequest",
                        soapOpening, Jixiao.elements("PRO_CODE", "SAME-RULE-1"), Goals.soap("PROBLEM",
                                Jixiao.elements("TEXT", "  "))), "PROBLEMS[0].TEXT", "PROBLEM[0].TEXT", "required"));
        all.add(new Case("ReportRectification: a host system's call without its operator", "pay-module",
                "/rectification/cases/999999/report", "{\"REPORT\":\"已整改\"}", Jixiao.RECTIFICATION_SOAP,
                "ReportRectification", Goals.soap("ReportRectificationRequest", Jixiao.elements("CASE_ID", "999999",
                        "REPORT", "已整改")), "OPERATOR", "OPERATOR", "required"));
        all.add(new Case("MarkRectificationOverdue: a host system's call without its operator", "pay-module",
                "/rectification/overdue", "{\"MOF_DIV_CODE\":\"440100000\"}", Jixiao.RECTIFICATION_SOAP,
                "MarkRectificationOverdue", Goals.soap("MarkRectificationOverdueRequest", Jixiao.elements(
                        "MOF_DIV_CODE", "440100000")), "OPERATOR", "OPERATOR", "required"));
        all.add(new Case("ReferRectificationCase: a host system's call without its operator", "pay-module",
                "/rectification/cases/999999/referrals", "{\"GROUND\":\"FRAUD\",\"REFERRED_TO\":\"区纪委监委\","
                        + "\"REASON\":\"弄虚作假\"}", Jixiao.RECTIFICATION_SOAP, "ReferRectificationCase",
                Goals.soap("ReferRectificationCaseRequest", Jixiao.elements("CASE_ID", "999999", "GROUND", "FRAUD",
                        "REFERRED_TO", "区纪委监委", "REASON", "弄虚作假")), "OPERATOR", "OPERATOR", "required"));
        String file = java.util.Base64.getEncoder().encodeToString("x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        all.add(new Case("ImportLibrary: a file name with a path in it", "finance01",
                "/library/imports?MOF_DIV_CODE=140400000&FILE_NAME=a%2Fb.csv", "x", Jixiao.LIBRARY_SOAP,
                "ImportLibrary", Goals.soap("ImportLibraryRequest", Jixiao.elements("MOF_DIV_CODE", "140400000",
                        "FILE_NAME", "a/b.csv", "FILE", file)), "FILE_NAME", "FILE_NAME", "pattern"));
        all.add(new Case("ImportGoalForm: a host system's call without its operator", "pay-module",
                "/goal-forms?MOF_DIV_CODE=440100000", "x", Jixiao.LIBRARY_SOAP, "ImportGoalForm",
                Goals.soap("ImportGoalFormRequest", Jixiao.elements("MOF_DIV_CODE", "440100000", "FILE", file)),
                "OPERATOR", "OPERATOR", "required"));
        all.add(new Case("ImportMonitoringReports: a host system's call without its operator", "pay-module",
                "/monitoring/reports/imports?MOF_DIV_CODE=120000000&FISCAL_YEAR=2026&CUT_OFF=2026-07-31", "x",
                Jixiao.MONITORING_SOAP, "ImportMonitoringReports", Goals.soap("ImportMonitoringReportsRequest",
                        Jixiao.elements("MOF_DIV_CODE", "120000000", "FISCAL_YEAR", "2026", "CUT_OFF", "2026-07-31",
                                "FILE", file)), "OPERATOR", "OPERATOR", "required"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theSameBadValueBreaksTheSameRuleOverRestAndSoap(Case c) throws Exception {
        HttpResponse<String> rest = Jixiao.post(Jixiao.REST + c.restPath(), "application/json", c.json(),
                "Authorization", Jixiao.basic(c.account()));
        HttpResponse<String> soap = Jixiao.soapAs(c.account(), Jixiao.PASSWORD, c.soapService(), c.operation(),
                c.xml());

        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(rest.body());
        assertThat(problem.get("code").asText()).isEqualTo("INVALID_INPUT");
        List<String> restRules = new ArrayList<>();
        problem.get("errors").forEach(e -> restRules.add(e.get("field").asText() + " " + e.get("rule").asText()));
        assertThat(restRules).as(rest.body()).contains(c.jsonField() + " " + c.rule());

        assertThat(soap.statusCode()).as(soap.body()).isEqualTo(500);
        assertThat(soap.body()).contains("<faultcode>soap:Client</faultcode>", "<CODE>INVALID_INPUT</CODE>");
        List<String> soapRules = new ArrayList<>();
        Matcher m = VIOLATION.matcher(soap.body());
        while (m.find()) {
            soapRules.add(m.group(1) + " " + m.group(2));
        }
        assertThat(soapRules).as(soap.body()).contains(c.xmlField() + " " + c.rule());
        assertThat(soapRules).as("the same rules, each field in its contract's names")
                .hasSameSizeAs(restRules);
    }
}
