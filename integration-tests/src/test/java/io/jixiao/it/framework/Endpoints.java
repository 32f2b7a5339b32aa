package io.jixiao.it.framework;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one registry of Jixiao's remote endpoints. The malformed-request corpus runs against every entry, and
 * {@link EndpointRegistryIT} fails when the published contracts (OpenAPI, WSDL) and this list disagree — a new
 * endpoint joins the tests by being added here.
 */
final class Endpoints {
    private Endpoints() {
    }

    /**
     * @param adapter {@code rest} or {@code soap}
     * @param method HTTP method (REST) or operation (SOAP)
     * @param path path under the REST root with {@code {holdId}}, {@code {goalId}} and {@code {version}} for the
     *        addressed hold and goal, or the SOAP service's path under the base
     * @param account the test account a valid call is made as
     * @param validBody a valid request body, or {@code null} for a GET
     */
    record Endpoint(String adapter, String method, String path, String account, String validBody) {
        boolean hasBody() {
            return validBody != null;
        }

        /** Whether the body is an uploaded file (any bytes may be one; the file is judged by the import). */
        boolean fileBody() {
            return adapter.equals("rest") ? path.startsWith("/library/imports?") || path.startsWith("/goal-forms?")
                    || path.startsWith("/monitoring/reports/imports?")
                    : method.equals("ImportLibrary") || method.equals("ImportGoalForm")
                    || method.equals("ImportMonitoringReports");
        }

        /** The path without its query, as the published contract names it. */
        String contractPath() {
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }

        @Override
        public String toString() {
            return adapter + " " + method + " " + path;
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * Calls an endpoint as a test account: REST with HTTP Basic on the given path (query included), SOAP with a
     * fresh UsernameToken.
     *
     * @param body the request body, or {@code null} for a GET
     */
    static HttpResponse<String> call(Endpoint endpoint, String account, String path, String body) throws Exception {
        if (endpoint.adapter().equals("soap")) {
            return Jixiao.soapAs(account, Jixiao.PASSWORD, Jixiao.BASE + path, endpoint.method(), body);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Jixiao.REST + path))
                .header("Authorization", Jixiao.basic(account));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static final String PAYMENT_GUARD = "/soap/payment-guard";
    static final String GOALS = "/soap/goals";
    static final String LIBRARY = "/soap/library";
    static final String MONITORING = "/soap/monitoring";
    static final String EVALUATION = "/soap/evaluation";
    static final String RECTIFICATION = "/soap/rectification";
    /** The cut-off of the monitoring fixture round of region 440100000 ({roundId}, {alertId}). */
    static final String CUT_OFF = "2026-07-31";
    static final String CORPUS_PROJECT = "P-CORPUS";
    static final String CORPUS_APP = "CORPUS-1";
    /** A project of region 440100000 that the tests hold, addressed as {holdId} by the endpoints. */
    static final String HELD_PROJECT = "P-CORPUS-HELD";
    /** A project of region 440100000 with a published goal and an open adjustment, addressed as {goalId}. */
    static final String GOAL_PROJECT = "P-CORPUS-GOAL";

    /**
     * The library the registry's library requests address: another region than the state checks watch, since an
     * upload, even a refused one, is recorded (and 654300000 is outside the other district's scope).
     */
    static final String LIBRARY_REGION = "654300000";
    /** A library entry of that region, addressed as {code}. */
    static final String LIBRARY_CODE = "GX-CORPUS";

    /** Replaces the placeholders of a registered path or body with the addressed objects' ids. */
    static String resolve(String text, UnchangedState state) {
        return text == null ? null : text.replace("{holdId}", Long.toString(state.holdId()))
                .replace("{goalId}", Long.toString(state.goalId())).replace("{version}", "1")
                .replace("{code}", LIBRARY_CODE).replace("{jobId}", "1")
                .replace("{roundId}", Long.toString(state.roundId()))
                .replace("{bypassId}", Long.toString(state.bypassId()))
                .replace("{alertId}", Long.toString(state.alertId()))
                .replace("{taskId}", Long.toString(state.taskId()))
                .replace("{evaluationId}", Long.toString(state.evaluationId()))
                .replace("{caseId}", Long.toString(state.caseId()))
                .replace("{referralId}", Long.toString(state.referralId()));
    }

    /** A monitoring form (CSV) reporting every indicator of {@link #GOAL_PROJECT}'s goal. */
    static String monitoringForm() {
        StringBuilder csv = new StringBuilder("项目代码,三级指标,截至目前完成值,全年完成预计\n");
        UnchangedState.INDICATORS.forEach(n -> csv.append(GOAL_PROJECT).append(',').append(n).append(",1,确定能完成\n"));
        return csv.toString();
    }

    static List<Endpoint> all() {
        return List.of(
                new Endpoint("rest", "POST", "/payment-guard/checks", "pay-module",
                        "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,\"PAY_APP_NO\":\"" + CORPUS_APP + "\","
                                + "\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\"" + CORPUS_PROJECT + "\",\"BGT_ID\":\"B-1\","
                                + "\"PAY_APP_AMT\":100.00,\"EXP_KIND\":\"PROJECT\",\"OPERATOR\":\"zhang.san\"}"),
                new Endpoint("rest", "GET", "/payment-guard/status?MOF_DIV_CODE=440100000", "auditor01", null),
                // UNTIL beyond the 72 hours a bypass may last: no mutation of this body can ever open one
                new Endpoint("rest", "POST", "/payment-guard/bypasses", "finance01", "{\"MOF_DIV_CODE\":\"440100000\","
                        + "\"UNTIL\":\"2099-01-01T00:00:00+08:00\",\"REASON\":\"corpus\"}"),
                new Endpoint("rest", "POST", "/payment-guard/bypasses/{bypassId}/closing", "finance01",
                        "{\"REASON\":\"corpus\"}"),
                new Endpoint("rest", "POST", "/holds", "finance01",
                        "{\"MOF_DIV_CODE\":\"440100000\",\"TARGET_TYPE\":\"PROJECT\",\"PRO_CODE\":\"" + CORPUS_PROJECT
                                + "\",\"HOLD_KIND\":\"SUSPEND\",\"REASON\":\"corpus\"}"),
                new Endpoint("rest", "GET", "/holds?MOF_DIV_CODE=440100000&TARGET_TYPE=PROJECT&PRO_CODE=" + HELD_PROJECT,
                        "finance01", null),
                new Endpoint("rest", "GET", "/holds/{holdId}", "finance01", null),
                new Endpoint("rest", "POST", "/holds/{holdId}/release", "finance01", "{\"REASON\":\"corpus release\"}"),
                new Endpoint("rest", "POST", "/audit/verifications", "auditor01", "{\"MOF_DIV_CODE\":\"440100000\"}"),
                // an intact chain: a valid request answers 409 and changes nothing
                new Endpoint("rest", "POST", "/audit/chain-breaks", "auditor01",
                        "{\"MOF_DIV_CODE\":\"440100000\",\"REASON\":\"corpus\"}"),
                new Endpoint("rest", "GET", "/audit/entries?MOF_DIV_CODE=440100000&PRO_CODE=" + HELD_PROJECT,
                        "auditor01", null),
                new Endpoint("rest", "GET", "/audit/export?MOF_DIV_CODE=440100000", "auditor01", null),
                new Endpoint("rest", "GET", "/audit/head?MOF_DIV_CODE=440100000", "auditor01", null),
                new Endpoint("rest", "POST", "/goals", "unit01", "{" + Goals.project("440100000", CORPUS_PROJECT, "2000000.00", false) + "," + Goals.goal(1) + "}"),
                new Endpoint("rest", "POST", "/goals/checks", "unit01", "{" + Goals.project("440100000", CORPUS_PROJECT, "2000000.00", false) + "," + Goals.goal(1) + "}"),
                new Endpoint("rest", "GET", "/goals/{goalId}/versions", "finance01", null),
                new Endpoint("rest", "GET", "/goals/rechecks?MOF_DIV_CODE=440100000&FISCAL_YEAR=2026", "finance01", null),
                new Endpoint("rest", "GET", "/goal-rules?MOF_DIV_CODE=440100000&FISCAL_YEAR=2026", "finance01", null),
                // a rule set from 2099 on: should a mutation ever be accepted, no other test's rules change
                new Endpoint("rest", "POST", "/goal-rules", "finance01", "{\"MOF_DIV_CODE\":\"440100000\","
                        + "\"FROM_YEAR\":2099,\"BASE_REVISION\":0,\"RULES\":{\"indicators.min.DEVELOPMENT\":\"8\"},"
                        + "\"REASON\":\"corpus\"}"),
                new Endpoint("rest", "GET", "/goals/{goalId}/versions/{version}", "finance01", null),
                new Endpoint("rest", "POST", "/goals/{goalId}/versions/{version}/revision", "unit01",
                        "{" + Goals.project("440100000", GOAL_PROJECT, "2000000.00", false) + "," + Goals.goal(1) + "}"),
                new Endpoint("rest", "POST", "/goals/{goalId}/versions/{version}/submission", "pay-module", "{\"OPERATOR\":\"teller9\"}"),
                new Endpoint("rest", "POST", "/goals/{goalId}/versions/{version}/return", "finance01",
                        "{\"OPINION_CODES\":[1]}"),
                new Endpoint("rest", "POST", "/goals/{goalId}/versions/{version}/approval", "finance01",
                        "{\"OPERATOR\":\"finance01\"}"),
                new Endpoint("rest", "POST", "/goals/{goalId}/versions/{version}/publication", "finance01",
                        "{\"OPERATOR\":\"finance01\"}"),
                new Endpoint("rest", "POST", "/goals/{goalId}/versions/{version}/stage-reviews", "finance01",
                        "{\"STAGE\":\"ADMISSION\",\"OPINION\":\"corpus\"}"),
                new Endpoint("rest", "GET", "/goals/{goalId}/versions/{version}/stage-reviews", "finance01", null),
                new Endpoint("rest", "POST", "/goals/{goalId}/adjustments", "unit01", "{" + Goals.project("440100000",
                        GOAL_PROJECT, "2000000.00", false) + "," + Goals.goal(1) + ",\"ADJUST_BATCH\":\"TZ-CORPUS\"}"),
                new Endpoint("rest", "POST", "/assessments", "finance01", "{\"MOF_DIV_CODE\":\"440100000\","
                        + "\"FISCAL_YEAR\":2026,\"PRO_CODE\":\"" + CORPUS_PROJECT + "\",\"TIER\":\"KEY\",\"SCORES\":"
                        + "{\"necessity\":90,\"feasibility\":90,\"scale\":90,\"standard\":90,"
                        + "\"goalReasonableness\":90,\"effectiveness\":90},\"CONCLUSION\":\"SUPPORT\",\"ASSESSOR\":\"corpus\","
                        + "\"DOCUMENT_REF\":\"corpus-1\"}"),
                new Endpoint("rest", "POST", "/project-admissions", "pay-module",
                        "{" + Goals.project("440100000", CORPUS_PROJECT, "2000000.00", false) + ",\"OPERATOR\":\"teller9\"}"),
                new Endpoint("rest", "POST", "/compilation-checks", "pay-module",
                        "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,\"DRAFT_NO\":\"BZ-CORPUS\",\"LINES\":[{\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\"" + CORPUS_PROJECT + "\",\"PROJECT_CLASS\":\"DEVELOPMENT\",\"PROJECT_LEVEL\":\"FIRST\",\"BUDGET_KIND\":\"GENERAL_PUBLIC\",\"AMOUNT\":2000000.00,\"NEW_PROJECT\":false,\"RECURRING\":true}],\"OPERATOR\":\"teller9\"}"),
                new Endpoint("rest", "POST", "/adjustment-checks", "pay-module",
                        "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,\"DRAFT_NO\":\"BZ-CORPUS\",\"LINES\":[{\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\"" + CORPUS_PROJECT + "\",\"PROJECT_CLASS\":\"DEVELOPMENT\",\"PROJECT_LEVEL\":\"FIRST\",\"BUDGET_KIND\":\"GENERAL_PUBLIC\",\"AMOUNT\":2000000.00,\"NEW_PROJECT\":false,\"RECURRING\":true}],\"OPERATOR\":\"teller9\"}"),
                new Endpoint("rest", "GET", "/library/indicators?MOF_DIV_CODE=" + LIBRARY_REGION
                        + "&KPI_LV2=QUANTITY&LIMIT=10", "finance01", null),
                new Endpoint("rest", "POST", "/library/indicators", "finance01", "{\"MOF_DIV_CODE\":\"" + LIBRARY_REGION
                        + "\",\"IND_CODE\":\"" + LIBRARY_CODE + "\",\"KIND\":\"COMMON\",\"KPI_LV2\":\"QUANTITY\","
                        + "\"KPI_CONTENT\":\"corpus\",\"COMPUTESIGN\":1,\"VALID_FROM\":\"2026-01-01\"}"),
                new Endpoint("rest", "GET", "/library/indicators/{code}?MOF_DIV_CODE=" + LIBRARY_REGION, "finance01",
                        null),
                new Endpoint("rest", "POST", "/library/indicators/{code}/retirement", "finance01",
                        "{\"MOF_DIV_CODE\":\"" + LIBRARY_REGION + "\"}"),
                new Endpoint("rest", "POST", "/library/indicators/{code}/deletion", "finance01",
                        "{\"MOF_DIV_CODE\":\"" + LIBRARY_REGION + "\"}"),
                new Endpoint("rest", "POST", "/library/imports?MOF_DIV_CODE=" + LIBRARY_REGION
                        + "&FILE_NAME=corpus.csv",
                        "finance01", "指标编码,指标类型,二级指标,三级指标,计算符号,生效日期\n" + LIBRARY_CODE
                                + ",共性指标,数量指标,corpus,1,2026-01-01\n"),
                new Endpoint("rest", "GET", "/library/imports/{jobId}", "finance01", null),
                new Endpoint("rest", "GET", "/library/imports/{jobId}/problems", "finance01", null),
                new Endpoint("rest", "GET", "/library/exports?MOF_DIV_CODE=" + LIBRARY_REGION + "&FORMAT=CSV",
                        "finance01", null),
                new Endpoint("rest", "POST", "/goal-forms?MOF_DIV_CODE=" + LIBRARY_REGION, "unit01",
                        Goals.form(LIBRARY_REGION, "P-CORPUS-FORM")),
                new Endpoint("rest", "GET", "/goal-forms/{goalId}/versions/{version}?FORMAT=CSV", "finance01", null),
                // an agency with no ledger lines for the corpus: even a close that got through would open nothing
                new Endpoint("rest", "POST", "/evaluations/year-closings", "finance01", "{\"MOF_DIV_CODE\":\"440100000\","
                        + "\"FISCAL_YEAR\":2026,\"AGENCY_CODE\":\"101001\"}"),
                new Endpoint("rest", "GET", "/evaluations/tasks?MOF_DIV_CODE=440100000&FISCAL_YEAR=2026", "finance01",
                        null),
                new Endpoint("rest", "GET", "/evaluations/tasks/{taskId}", "finance01", null),
                // one line of the goal's eight: never a complete self-evaluation, whatever the mutation
                new Endpoint("rest", "POST", "/evaluations/tasks/{taskId}/self-evaluation", "unit01",
                        "{\"INDICATORS\":[{\"LINE\":1}]}"),
                new Endpoint("rest", "POST", "/evaluations/tasks/{taskId}/evaluation", "unit01",
                        "{\"INDICATORS\":[{\"LINE\":1}]}"),
                new Endpoint("rest", "GET", "/evaluations/tasks/{taskId}/scorecard", "finance01", null),
                // the region's only self-evaluation is open: a spot-check sample that got through would draw none
                new Endpoint("rest", "POST", "/evaluations/assignments", "finance01",
                        "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026,\"KIND\":\"SPOT_CHECK\"}"),
                // the region's only evaluation is open: even a run that got through would change nothing
                new Endpoint("rest", "POST", "/evaluations/result-applications", "finance01",
                        "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026}"),
                new Endpoint("rest", "GET", "/evaluations/adjustments?MOF_DIV_CODE=440100000&FISCAL_YEAR=2026",
                        "finance01", null),
                new Endpoint("rest", "POST", "/evaluations/what-if", "finance01",
                        "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026}"),
                // the county's evaluation of 2026 is open already: an opening that got through would write nothing
                new Endpoint("rest", "POST", "/evaluations/comprehensive", "finance01", "{\"MOF_DIV_CODE\":"
                        + "\"440100000\",\"FISCAL_YEAR\":2026,\"MOF_DIV_CODES\":[\"440199000\"]}"),
                new Endpoint("rest", "GET", "/evaluations/comprehensive?MOF_DIV_CODE=440100000&FISCAL_YEAR=2026",
                        "finance01", null),
                new Endpoint("rest", "GET", "/evaluations/comprehensive/{evaluationId}", "finance01", null),
                // a plan of 50 points: never a complete evaluation, whatever the mutation
                new Endpoint("rest", "POST", "/evaluations/comprehensive/{evaluationId}/evaluation", "finance01",
                        "{\"CRITERIA\":[{\"DIMENSION\":\"财政收入\",\"NAME\":\"corpus\",\"POINTS\":50,"
                                + "\"SCORE\":1}]}"),
                new Endpoint("rest", "GET", "/evaluations/comprehensive/{evaluationId}/scorecard", "finance01", null),
                // the region's only comprehensive evaluation is open: a run that got through would change nothing
                new Endpoint("rest", "POST", "/evaluations/comprehensive/result-applications", "finance01",
                        "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026}"),
                new Endpoint("rest", "GET", "/evaluations/comprehensive/adjustments?MOF_DIV_CODE=440100000"
                        + "&FISCAL_YEAR=2026", "finance01", null),
                new Endpoint("rest", "POST", "/evaluations/comprehensive/what-if", "finance01",
                        "{\"MOF_DIV_CODE\":\"440100000\",\"FISCAL_YEAR\":2026}"),
                new Endpoint("rest", "POST", "/monitoring/rounds", "finance01", "{\"MOF_DIV_CODE\":\"440100000\","
                        + "\"FISCAL_YEAR\":2026,\"CUT_OFF\":\"" + CUT_OFF + "\"}"),
                new Endpoint("rest", "GET", "/monitoring/rounds/{roundId}", "finance01", null),
                new Endpoint("rest", "POST", "/monitoring/rounds/{roundId}/cancel", "finance01",
                        "{\"OPERATOR\":\"finance01\"}"),
                new Endpoint("rest", "POST", "/monitoring/rounds/{roundId}/resume", "finance01",
                        "{\"OPERATOR\":\"finance01\"}"),
                new Endpoint("rest", "GET", "/monitoring/rounds/{roundId}/alerts?MIN_LEVEL=GREEN&LIMIT=10",
                        "finance01", null),
                new Endpoint("rest", "GET", "/monitoring/alerts/{alertId}", "finance01", null),
                new Endpoint("rest", "POST", "/monitoring/alerts/{alertId}/rectification", "unit01",
                        "{\"REASON\":\"corpus\"}"),
                new Endpoint("rest", "POST", "/monitoring/alerts/{alertId}/release", "finance01",
                        "{\"REASON\":\"corpus\"}"),
                // rectification: the addressed case is closed RECTIFIED, so a valid step is refused (409) and changes
                // nothing; an opening's fields are all required, so no mutation of its body opens a case
                new Endpoint("rest", "POST", "/rectification/cases", "finance01", "{\"MOF_DIV_CODE\":\"440100000\","
                        + "\"FISCAL_YEAR\":2026,\"SUBJECT\":\"PROJECT\",\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\""
                        + CORPUS_PROJECT + "\",\"PROBLEMS\":[{\"TEXT\":\"corpus\"}]}"),
                new Endpoint("rest", "GET", "/rectification/cases?MOF_DIV_CODE=440100000", "finance01", null),
                new Endpoint("rest", "GET", "/rectification/cases/{caseId}", "finance01", null),
                new Endpoint("rest", "GET", "/rectification/cases/{caseId}/steps", "auditor01", null),
                new Endpoint("rest", "GET", "/rectification/cases/{caseId}/letter", "unit01", null),
                new Endpoint("rest", "POST", "/rectification/cases/{caseId}/letter", "finance01",
                        "{\"OPERATOR\":\"finance01\"}"),
                new Endpoint("rest", "POST", "/rectification/cases/{caseId}/measures", "unit01",
                        "{\"MEASURES\":\"corpus\"}"),
                new Endpoint("rest", "POST", "/rectification/cases/{caseId}/report", "unit01", "{\"REPORT\":\"corpus\"}"),
                new Endpoint("rest", "POST", "/rectification/cases/{caseId}/return", "finance01",
                        "{\"REASON\":\"corpus\"}"),
                new Endpoint("rest", "POST", "/rectification/cases/{caseId}/close", "finance01",
                        "{\"OUTCOME\":\"NOT_RECTIFIED\",\"REASON\":\"corpus\"}"),
                new Endpoint("rest", "POST", "/rectification/cases/{caseId}/extension", "unit01",
                        "{\"UNTIL\":\"2099-01-01\",\"REASON\":\"corpus\"}"),
                new Endpoint("rest", "POST", "/rectification/cases/{caseId}/extension/decision", "finance01",
                        "{\"GRANT\":false,\"REASON\":\"corpus\"}"),
                new Endpoint("rest", "POST", "/rectification/overdue", "finance01", "{\"MOF_DIV_CODE\":\"440100000\"}"),
                // the addressed case is RECTIFIED: a referral on the ground OVERDUE is refused (409)
                new Endpoint("rest", "POST", "/rectification/cases/{caseId}/referrals", "finance01",
                        "{\"GROUND\":\"OVERDUE\",\"REFERRED_TO\":\"corpus\",\"REASON\":\"corpus\"}"),
                new Endpoint("rest", "GET", "/rectification/referrals?MOF_DIV_CODE=440100000", "finance01", null),
                new Endpoint("rest", "GET", "/rectification/referrals/{referralId}", "auditor01", null),
                new Endpoint("rest", "POST", "/rectification/referrals/{referralId}/outcomes", "finance01",
                        "{\"OUTCOME\":\"corpus\"}"),
                new Endpoint("rest", "POST", "/monitoring/reports", "unit01", "{\"MOF_DIV_CODE\":\"440100000\","
                        + "\"FISCAL_YEAR\":2026,\"CUT_OFF\":\"" + CUT_OFF + "\",\"PRO_CODE\":\"" + GOAL_PROJECT
                        + "\",\"INDICATORS\":[" + String.join(",", UnchangedState.INDICATORS.stream().map(
                                n -> "{\"KPI_CONTENT\":\"" + n + "\",\"KPI_VAL_TODATE\":\"1\","
                                        + "\"FORECAST\":\"WILL_COMPLETE\"}").toList()) + "]}"),
                new Endpoint("rest", "POST", "/monitoring/reports/imports?MOF_DIV_CODE=440100000&FISCAL_YEAR=2026"
                        + "&CUT_OFF=" + CUT_OFF, "unit01", monitoringForm()),
                new Endpoint("rest", "GET", "/monitoring/reports?MOF_DIV_CODE=440100000&FISCAL_YEAR=2026&CUT_OFF="
                        + CUT_OFF + "&PRO_CODE=" + GOAL_PROJECT, "finance01", null),
                new Endpoint("rest", "GET", "/openapi.json", null, null),
                new Endpoint("soap", "CheckPayment", PAYMENT_GUARD, "pay-module",
                        Jixiao.checkSoap(CORPUS_APP, CORPUS_PROJECT, "B-1", "100.00", "PROJECT")),
                new Endpoint("soap", "GetGuardStatus", PAYMENT_GUARD, "auditor01", "<pg:GetGuardStatusRequest>"
                        + Jixiao.elements("MOF_DIV_CODE", "440100000") + "</pg:GetGuardStatusRequest>"),
                new Endpoint("soap", "OpenBypass", PAYMENT_GUARD, "finance01", "<pg:OpenBypassRequest>"
                        + Jixiao.elements("MOF_DIV_CODE", "440100000", "UNTIL", "2099-01-01T00:00:00+08:00", "REASON",
                                "corpus") + "</pg:OpenBypassRequest>"),
                new Endpoint("soap", "CloseBypass", PAYMENT_GUARD, "finance01", "<pg:CloseBypassRequest>"
                        + Jixiao.elements("BYPASS_ID", "{bypassId}", "REASON", "corpus") + "</pg:CloseBypassRequest>"),
                new Endpoint("soap", "PlaceHold", PAYMENT_GUARD, "finance01", "<pg:PlaceHoldRequest>"
                        + Jixiao.elements("MOF_DIV_CODE", "440100000", "TARGET_TYPE", "PROJECT", "PRO_CODE",
                                CORPUS_PROJECT, "HOLD_KIND", "SUSPEND", "REASON", "corpus") + "</pg:PlaceHoldRequest>"),
                new Endpoint("soap", "ReleaseHold", PAYMENT_GUARD, "finance01", "<pg:ReleaseHoldRequest>"
                        + Jixiao.elements("HOLD_ID", "{holdId}", "REASON", "corpus release") + "</pg:ReleaseHoldRequest>"),
                new Endpoint("soap", "GetHold", PAYMENT_GUARD, "finance01",
                        "<pg:GetHoldRequest>" + Jixiao.elements("HOLD_ID", "{holdId}") + "</pg:GetHoldRequest>"),
                new Endpoint("soap", "DraftGoal", GOALS, "unit01", Goals.soap("DraftGoalRequest",
                        Goals.soapProject("440100000", CORPUS_PROJECT, "2000000.00", false), Goals.soapGoal(1))),
                new Endpoint("soap", "ReviseGoal", GOALS, "unit01", Goals.soap("ReviseGoalRequest",
                        Jixiao.elements("GOAL_ID", "{goalId}", "VERSION", "{version}"),
                        Goals.soapProject("440100000", GOAL_PROJECT, "2000000.00", false), Goals.soapGoal(1))),
                new Endpoint("soap", "SubmitGoal", GOALS, "pay-module", Goals.soap("SubmitGoalRequest",
                        Jixiao.elements("GOAL_ID", "{goalId}", "VERSION", "{version}", "OPERATOR", "teller9"))),
                new Endpoint("soap", "ReturnGoal", GOALS, "finance01", Goals.soap("ReturnGoalRequest",
                        Jixiao.elements("GOAL_ID", "{goalId}", "VERSION", "{version}", "OPINION_CODE", "1"))),
                new Endpoint("soap", "ApproveGoal", GOALS, "finance01", Goals.soap("ApproveGoalRequest",
                        Jixiao.elements("GOAL_ID", "{goalId}", "VERSION", "{version}"))),
                new Endpoint("soap", "PublishGoal", GOALS, "finance01", Goals.soap("PublishGoalRequest",
                        Jixiao.elements("GOAL_ID", "{goalId}", "VERSION", "{version}"))),
                new Endpoint("soap", "ReviewGoalStage", GOALS, "finance01", Goals.soap("ReviewGoalStageRequest",
                        Jixiao.elements("GOAL_ID", "{goalId}", "VERSION", "{version}", "STAGE", "ADMISSION",
                                "OPINION", "corpus"))),
                new Endpoint("soap", "ListGoalStageReviews", GOALS, "finance01", Goals.soap(
                        "ListGoalStageReviewsRequest", Jixiao.elements("GOAL_ID", "{goalId}", "VERSION", "{version}"))),
                new Endpoint("soap", "AdjustGoal", GOALS, "unit01", Goals.soap("AdjustGoalRequest",
                        Jixiao.elements("GOAL_ID", "{goalId}", "ADJUST_BATCH", "TZ-CORPUS"),
                        Goals.soapProject("440100000", GOAL_PROJECT, "2000000.00", false), Goals.soapGoal(1))),
                new Endpoint("soap", "GetGoal", GOALS, "finance01", Goals.soap("GetGoalRequest",
                        Jixiao.elements("GOAL_ID", "{goalId}", "VERSION", "{version}"))),
                new Endpoint("soap", "ListGoalVersions", GOALS, "finance01", Goals.soap("ListGoalVersionsRequest",
                        Jixiao.elements("GOAL_ID", "{goalId}"))),
                new Endpoint("soap", "RecheckGoals", GOALS, "finance01", Goals.soap("RecheckGoalsRequest",
                        Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR", "2026"))),
                new Endpoint("soap", "GetGoalRules", GOALS, "finance01", Goals.soap("GetGoalRulesRequest",
                        Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR", "2026"))),
                new Endpoint("soap", "ChangeGoalRules", GOALS, "finance01", Goals.soap("ChangeGoalRulesRequest",
                        Jixiao.elements("MOF_DIV_CODE", "440100000", "FROM_YEAR", "2099", "BASE_REVISION", "0"),
                        Goals.soap("RULE", Jixiao.elements("KEY", "indicators.min.DEVELOPMENT", "VALUE", "8")),
                        Jixiao.elements("REASON", "corpus"))),
                new Endpoint("soap", "CheckGoal", GOALS, "unit01", Goals.soap("CheckGoalRequest",
                        Goals.soapProject("440100000", CORPUS_PROJECT, "2000000.00", false), Goals.soapGoal(1))),
                new Endpoint("soap", "RecordAssessment", GOALS, "finance01", Goals.soap("RecordAssessmentRequest",
                        Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR", "2026", "PRO_CODE",
                                CORPUS_PROJECT, "TIER", "KEY"),
                        Goals.soap("SCORE", Jixiao.elements("DIMENSION", "necessity", "VALUE", "90")),
                        Jixiao.elements("CONCLUSION", "SUPPORT", "ASSESSOR", "corpus", "THIRD_PARTY", "false",
                                "DOCUMENT_REF", "corpus-1"))),
                new Endpoint("soap", "AdmitProject", GOALS, "pay-module", Goals.soap("AdmitProjectRequest",
                        Goals.soapProject("440100000", CORPUS_PROJECT, "2000000.00", false),
                        Jixiao.elements("OPERATOR", "teller9"))),
                new Endpoint("soap", "SearchLibrary", LIBRARY, "finance01", Goals.soap("SearchLibraryRequest",
                        Jixiao.elements("MOF_DIV_CODE", LIBRARY_REGION))),
                new Endpoint("soap", "GetLibraryIndicator", LIBRARY, "finance01", Goals.soap(
                        "GetLibraryIndicatorRequest", Jixiao.elements("MOF_DIV_CODE", LIBRARY_REGION, "IND_CODE",
                                LIBRARY_CODE))),
                new Endpoint("soap", "SaveLibraryIndicator", LIBRARY, "finance01", Goals.soap(
                        "SaveLibraryIndicatorRequest", Goals.soap("INDICATOR", Jixiao.elements("MOF_DIV_CODE",
                                LIBRARY_REGION, "IND_CODE", LIBRARY_CODE, "KIND", "COMMON", "KPI_LV2", "QUANTITY",
                                "KPI_CONTENT", "corpus", "COMPUTESIGN", "1", "VALID_FROM", "2026-01-01")))),
                new Endpoint("soap", "RetireLibraryIndicator", LIBRARY, "finance01", Goals.soap(
                        "RetireLibraryIndicatorRequest", Jixiao.elements("MOF_DIV_CODE", LIBRARY_REGION, "IND_CODE",
                                LIBRARY_CODE))),
                new Endpoint("soap", "DeleteLibraryIndicator", LIBRARY, "finance01", Goals.soap(
                        "DeleteLibraryIndicatorRequest", Jixiao.elements("MOF_DIV_CODE", LIBRARY_REGION, "IND_CODE",
                                LIBRARY_CODE))),
                new Endpoint("soap", "ImportLibrary", LIBRARY, "finance01", Goals.soap("ImportLibraryRequest",
                        Jixiao.elements("MOF_DIV_CODE", LIBRARY_REGION, "FILE_NAME", "corpus.csv", "FILE",
                                java.util.Base64.getEncoder().encodeToString(("指标编码,指标类型,二级指标,三级指标,计算符号,"
                                        + "生效日期\n" + LIBRARY_CODE + ",共性指标,数量指标,corpus,1,2026-01-01\n")
                                        .getBytes(StandardCharsets.UTF_8))))),
                new Endpoint("soap", "GetLibraryImport", LIBRARY, "finance01", Goals.soap("GetLibraryImportRequest",
                        Jixiao.elements("JOB_ID", "1"))),
                new Endpoint("soap", "ListLibraryImportProblems", LIBRARY, "finance01", Goals.soap(
                        "ListLibraryImportProblemsRequest", Jixiao.elements("JOB_ID", "1"))),
                new Endpoint("soap", "ExportLibrary", LIBRARY, "finance01", Goals.soap("ExportLibraryRequest",
                        Jixiao.elements("MOF_DIV_CODE", LIBRARY_REGION))),
                new Endpoint("soap", "ImportGoalForm", LIBRARY, "unit01", Goals.soap("ImportGoalFormRequest",
                        Jixiao.elements("MOF_DIV_CODE", LIBRARY_REGION, "FILE", java.util.Base64.getEncoder()
                                .encodeToString(Goals.form(LIBRARY_REGION, "P-CORPUS-FORM")
                                        .getBytes(StandardCharsets.UTF_8))))),
                new Endpoint("soap", "ExportGoalForm", LIBRARY, "finance01", Goals.soap("ExportGoalFormRequest",
                        Jixiao.elements("GOAL_ID", "{goalId}", "VERSION", "{version}"))),
                new Endpoint("soap", "CheckCompilation", GOALS, "pay-module",
                        Goals.soapDraft("CheckCompilationRequest", CORPUS_PROJECT, "teller9")),
                new Endpoint("soap", "CheckAdjustment", GOALS, "pay-module",
                        Goals.soapDraft("CheckAdjustmentRequest", CORPUS_PROJECT, "teller9")),
                new Endpoint("soap", "CloseEvaluationYear", EVALUATION, "finance01", Goals.soap(
                        "CloseEvaluationYearRequest", Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR",
                                "2026", "AGENCY_CODE", "101001"))),
                new Endpoint("soap", "ListEvaluationTasks", EVALUATION, "finance01", Goals.soap(
                        "ListEvaluationTasksRequest", Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR",
                                "2026"))),
                new Endpoint("soap", "GetEvaluationTask", EVALUATION, "finance01", Goals.soap(
                        "GetEvaluationTaskRequest", Jixiao.elements("TASK_ID", "{taskId}"))),
                new Endpoint("soap", "SubmitSelfEvaluation", EVALUATION, "unit01", Goals.soap(
                        "SubmitSelfEvaluationRequest", Jixiao.elements("TASK_ID", "{taskId}"), Goals.soap("INDICATOR",
                                Jixiao.elements("LINE", "1")))),
                new Endpoint("soap", "AssignEvaluations", EVALUATION, "finance01", Goals.soap(
                        "AssignEvaluationsRequest", Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR",
                                "2026", "KIND", "SPOT_CHECK"))),
                new Endpoint("soap", "GetScorecard", EVALUATION, "finance01", Goals.soap(
                        "GetScorecardRequest", Jixiao.elements("TASK_ID", "{taskId}"))),
                new Endpoint("soap", "ApplyEvaluationResults", EVALUATION, "finance01", Goals.soap(
                        "ApplyEvaluationResultsRequest", Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR",
                                "2026"))),
                new Endpoint("soap", "ListEvaluationAdjustments", EVALUATION, "finance01", Goals.soap(
                        "ListEvaluationAdjustmentsRequest", Jixiao.elements("MOF_DIV_CODE", "440100000",
                                "FISCAL_YEAR", "2026"))),
                new Endpoint("soap", "EvaluationWhatIf", EVALUATION, "finance01", Goals.soap(
                        "EvaluationWhatIfRequest", Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR",
                                "2026"))),
                new Endpoint("soap", "OpenComprehensiveEvaluations", EVALUATION, "finance01", Goals.soap(
                        "OpenComprehensiveEvaluationsRequest", Jixiao.elements("MOF_DIV_CODE", "440100000",
                                "FISCAL_YEAR", "2026", "SUBJECT_DIV_CODE", "440199000"))),
                new Endpoint("soap", "ListComprehensiveEvaluations", EVALUATION, "finance01", Goals.soap(
                        "ListComprehensiveEvaluationsRequest", Jixiao.elements("MOF_DIV_CODE", "440100000",
                                "FISCAL_YEAR", "2026"))),
                new Endpoint("soap", "GetComprehensiveEvaluation", EVALUATION, "finance01", Goals.soap(
                        "GetComprehensiveEvaluationRequest", Jixiao.elements("EVALUATION_ID", "{evaluationId}"))),
                new Endpoint("soap", "SubmitComprehensiveEvaluation", EVALUATION, "finance01", Goals.soap(
                        "SubmitComprehensiveEvaluationRequest", Jixiao.elements("EVALUATION_ID", "{evaluationId}"),
                        Goals.soap("CRITERION", Jixiao.elements("DIMENSION", "财政收入", "NAME", "corpus", "POINTS",
                                "50", "SCORE", "1")))),
                new Endpoint("soap", "GetComprehensiveScorecard", EVALUATION, "finance01", Goals.soap(
                        "GetComprehensiveScorecardRequest", Jixiao.elements("EVALUATION_ID", "{evaluationId}"))),
                new Endpoint("soap", "ApplyTransferResults", EVALUATION, "finance01", Goals.soap(
                        "ApplyTransferResultsRequest", Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR",
                                "2026"))),
                new Endpoint("soap", "ListTransferAdjustments", EVALUATION, "finance01", Goals.soap(
                        "ListTransferAdjustmentsRequest", Jixiao.elements("MOF_DIV_CODE", "440100000",
                                "FISCAL_YEAR", "2026"))),
                new Endpoint("soap", "TransferWhatIf", EVALUATION, "finance01", Goals.soap(
                        "TransferWhatIfRequest", Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR",
                                "2026"))),
                new Endpoint("soap", "StartMonitoringRound", MONITORING, "finance01", Goals.soap(
                        "StartMonitoringRoundRequest", Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR",
                                "2026", "CUT_OFF", CUT_OFF))),
                new Endpoint("soap", "GetMonitoringRound", MONITORING, "finance01", Goals.soap(
                        "GetMonitoringRoundRequest", Jixiao.elements("ROUND_ID", "{roundId}"))),
                new Endpoint("soap", "CancelMonitoringRound", MONITORING, "finance01", Goals.soap(
                        "CancelMonitoringRoundRequest", Jixiao.elements("ROUND_ID", "{roundId}"))),
                new Endpoint("soap", "ResumeMonitoringRound", MONITORING, "finance01", Goals.soap(
                        "ResumeMonitoringRoundRequest", Jixiao.elements("ROUND_ID", "{roundId}"))),
                new Endpoint("soap", "ListMonitoringAlerts", MONITORING, "finance01", Goals.soap(
                        "ListMonitoringAlertsRequest", Jixiao.elements("ROUND_ID", "{roundId}"))),
                new Endpoint("soap", "GetMonitoringAlert", MONITORING, "finance01", Goals.soap(
                        "GetMonitoringAlertRequest", Jixiao.elements("ALERT_ID", "{alertId}"))),
                new Endpoint("soap", "RectifyMonitoringAlert", MONITORING, "unit01", Goals.soap(
                        "RectifyMonitoringAlertRequest", Jixiao.elements("ALERT_ID", "{alertId}", "REASON", "corpus"))),
                new Endpoint("soap", "ReleaseMonitoringAlert", MONITORING, "finance01", Goals.soap(
                        "ReleaseMonitoringAlertRequest", Jixiao.elements("ALERT_ID", "{alertId}", "REASON", "corpus"))),
                new Endpoint("soap", "OpenRectificationCase", RECTIFICATION, "finance01", Goals.soap(
                        "OpenRectificationCaseRequest", Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR",
                                "2026", "SUBJECT", "PROJECT", "AGENCY_CODE", "101001", "PRO_CODE", CORPUS_PROJECT),
                        Goals.soap("PROBLEM", Jixiao.elements("TEXT", "corpus")))),
                new Endpoint("soap", "GetRectificationCase", RECTIFICATION, "finance01", Goals.soap(
                        "GetRectificationCaseRequest", Jixiao.elements("CASE_ID", "{caseId}"))),
                new Endpoint("soap", "ListRectificationCases", RECTIFICATION, "finance01", Goals.soap(
                        "ListRectificationCasesRequest", Jixiao.elements("MOF_DIV_CODE", "440100000"))),
                new Endpoint("soap", "ListRectificationSteps", RECTIFICATION, "auditor01", Goals.soap(
                        "ListRectificationStepsRequest", Jixiao.elements("CASE_ID", "{caseId}"))),
                new Endpoint("soap", "IssueFeedbackLetter", RECTIFICATION, "finance01", Goals.soap(
                        "IssueFeedbackLetterRequest", Jixiao.elements("CASE_ID", "{caseId}"))),
                new Endpoint("soap", "GetFeedbackLetter", RECTIFICATION, "unit01", Goals.soap(
                        "GetFeedbackLetterRequest", Jixiao.elements("CASE_ID", "{caseId}"))),
                new Endpoint("soap", "SubmitRectificationMeasures", RECTIFICATION, "unit01", Goals.soap(
                        "SubmitRectificationMeasuresRequest", Jixiao.elements("CASE_ID", "{caseId}", "MEASURES",
                                "corpus"))),
                new Endpoint("soap", "ReportRectification", RECTIFICATION, "unit01", Goals.soap(
                        "ReportRectificationRequest", Jixiao.elements("CASE_ID", "{caseId}", "REPORT", "corpus"))),
                new Endpoint("soap", "ReturnRectification", RECTIFICATION, "finance01", Goals.soap(
                        "ReturnRectificationRequest", Jixiao.elements("CASE_ID", "{caseId}", "REASON", "corpus"))),
                new Endpoint("soap", "CloseRectificationCase", RECTIFICATION, "finance01", Goals.soap(
                        "CloseRectificationCaseRequest", Jixiao.elements("CASE_ID", "{caseId}", "OUTCOME",
                                "NOT_RECTIFIED", "REASON", "corpus"))),
                new Endpoint("soap", "RequestRectificationExtension", RECTIFICATION, "unit01", Goals.soap(
                        "RequestRectificationExtensionRequest", Jixiao.elements("CASE_ID", "{caseId}", "UNTIL",
                                "2099-01-01", "REASON", "corpus"))),
                new Endpoint("soap", "DecideRectificationExtension", RECTIFICATION, "finance01", Goals.soap(
                        "DecideRectificationExtensionRequest", Jixiao.elements("CASE_ID", "{caseId}", "GRANT",
                                "false", "REASON", "corpus"))),
                new Endpoint("soap", "MarkRectificationOverdue", RECTIFICATION, "finance01", Goals.soap(
                        "MarkRectificationOverdueRequest", Jixiao.elements("MOF_DIV_CODE", "440100000"))),
                new Endpoint("soap", "ReferRectificationCase", RECTIFICATION, "finance01", Goals.soap(
                        "ReferRectificationCaseRequest", Jixiao.elements("CASE_ID", "{caseId}", "GROUND", "OVERDUE",
                                "REFERRED_TO", "corpus", "REASON", "corpus"))),
                new Endpoint("soap", "GetReferral", RECTIFICATION, "auditor01", Goals.soap(
                        "GetReferralRequest", Jixiao.elements("REFERRAL_ID", "{referralId}"))),
                new Endpoint("soap", "ListReferrals", RECTIFICATION, "finance01", Goals.soap(
                        "ListReferralsRequest", Jixiao.elements("MOF_DIV_CODE", "440100000"))),
                new Endpoint("soap", "AddReferralOutcome", RECTIFICATION, "finance01", Goals.soap(
                        "AddReferralOutcomeRequest", Jixiao.elements("REFERRAL_ID", "{referralId}", "OUTCOME",
                                "corpus"))),
                new Endpoint("soap", "ImportMonitoringReports", MONITORING, "unit01", Goals.soap(
                        "ImportMonitoringReportsRequest", Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR",
                                "2026", "CUT_OFF", CUT_OFF, "FILE", java.util.Base64.getEncoder().encodeToString(
                                        monitoringForm().getBytes(StandardCharsets.UTF_8))))),
                new Endpoint("soap", "SubmitMonitoringReport", MONITORING, "unit01", Goals.soap(
                        "SubmitMonitoringReportRequest", Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR",
                                "2026", "CUT_OFF", CUT_OFF, "PRO_CODE", GOAL_PROJECT), String.join("",
                                UnchangedState.INDICATORS.stream().map(n -> Goals.soap("INDICATOR", Jixiao.elements(
                                        "KPI_CONTENT", n, "KPI_VAL_TODATE", "1", "FORECAST", "WILL_COMPLETE")))
                                        .toList()))));
    }
}
