package io.jixiao.it.framework;

import static io.jixiao.it.framework.MonitoringIT.approvedGoal;
import static io.jixiao.it.framework.MonitoringIT.get;
import static io.jixiao.it.framework.MonitoringIT.ok;
import static io.jixiao.it.framework.MonitoringIT.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * Rectification end to end over REST in a district of Changzhi (seed 004: strict control enforced, SUSPEND holds): a red alert
 * opens a case; its deadline passes (a rehearsal clock, as a bureau's rehearsal environment would register); the case
 * is OVERDUE, the unit's next project is refused at admission with STRICT_CONTROL and the project's payments are
 * held; the unit reports, finance closes the case RECTIFIED, and block and holds are gone — every step audited and
 * the chain verifying.
 */
class RectificationIT {
    /** A district of Changzhi (its rules inherited): the rehearsal clock's overdue pass touches no other test's cases. */
    private static final String REGION = "140402000";
    private static MockHost host;

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
        host = MockHost.start();
        MonitoringIT.hostOver("REST");
    }

    private static String admission(String proCode) {
        return "{" + Goals.project(REGION, proCode, "2000000.00", false) + ",\"OPERATOR\":\"sun.library\"}";
    }

    /** The text of a .docx's main part (the unit test reads it with Apache POI; here the zip is enough). */
    static String documentXml(byte[] docx) throws java.io.IOException {
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no word/document.xml");
    }

    private static List<String> reasons(JsonNode decision) {
        return decision.get("REASONS").findValuesAsText("CODE");
    }

    @Test
    void anOverdueCaseBlocksTheUnitAndHoldsTheProjectUntilItIsClosedRectified() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String red = "CZ-RED-" + tag;
        String next = "CZ-NEXT-" + tag;
        host.ledgers.put(REGION, List.of(MockHost.line(red, "B-" + red, "PROJECT", "1000000.00", "30000.00")));
        approvedGoal(REGION, red);
        approvedGoal(REGION, next);
        JsonNode before = ok(post("pay-module", "/project-admissions", admission(next)), 200);
        assertThat(reasons(before)).doesNotContain("STRICT_CONTROL");

        JsonNode round = MonitoringIT.round(REGION, "2026-07-31");
        JsonNode alert = MonitoringIT.alertOf(MonitoringIT.alerts(round.get("ROUND_ID").asLong(), "RED"), red);
        JsonNode cases = ok(get("unit01", "/rectification/cases?MOF_DIV_CODE=" + REGION + "&LIMIT=1000"), 200);
        JsonNode opened = null;
        for (JsonNode c : cases.get("CASES")) {
            if (c.path("ORIGIN_ID").asText().equals(alert.get("ALERT_ID").asText())) {
                opened = c;
            }
        }
        assertThat(opened).as("the red alert opened a case: " + cases).isNotNull();
        long caseId = opened.get("CASE_ID").asLong();
        String path = "/rectification/cases/" + caseId;
        assertThat(opened.get("ORIGIN").asText()).isEqualTo("ALERT");
        assertThat(opened.get("STATUS").asText()).isEqualTo("OPEN");
        assertThat(opened.get("PROBLEMS").toString()).contains("预算执行进度滞后");

        // the organiser issues the letter, in Changzhi's wording (Art. 28-32)
        assertThat(post("unit01", path + "/letter", "{}").statusCode()).isEqualTo(403);
        assertThat(ok(post("finance01", path + "/letter", "{}"), 200).get("STATUS").asText()).isEqualTo("ISSUED");
        HttpResponse<String> html = get("unit01", path + "/letter");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.body()).contains("绩效评价结果反馈函", "第三十二条", "预算执行进度滞后");
        HttpResponse<byte[]> docx = Jixiao.getBytes(Jixiao.REST + path + "/letter?FORMAT=DOCX", "Authorization",
                Jixiao.basic("auditor01"));
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(documentXml(docx.body())).contains("绩效评价结果反馈函", "行文报告");

        // the deadline passes: the overdue pass marks the case, the unit goes under strict control
        BundleContext context = FrameworkUtil.getBundle(RectificationIT.class).getBundleContext();
        Hashtable<String, Object> marked = new Hashtable<>();
        marked.put("jixiao.clock", "rehearsal");
        ServiceRegistration<Clock> later = context.registerService(Clock.class,
                Clock.offset(Clock.systemUTC(), Duration.ofDays(45)), marked);
        JsonNode overdue;
        try {
            assertThat(post("unit01", "/rectification/overdue", "{\"MOF_DIV_CODE\":\"" + REGION + "\"}")
                    .statusCode()).isEqualTo(403);
            JsonNode pass = ok(post("finance01", "/rectification/overdue", "{\"MOF_DIV_CODE\":\"" + REGION + "\"}"),
                    200);
            assertThat(pass.get("MARKED").asInt()).isGreaterThanOrEqualTo(1);
            overdue = ok(get("auditor01", path), 200);
        } finally {
            later.unregister();
        }
        assertThat(overdue.get("STATUS").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.get("STRICT_CONTROL").asBoolean()).isTrue();
        long strictHold = overdue.get("HOLD_ID").asLong();
        JsonNode hold = ok(get("finance01", "/holds/" + strictHold), 200);
        assertThat(hold.get("STATUS").asText()).isEqualTo("ACTIVE");
        assertThat(hold.get("HOLD_KIND").asText()).isEqualTo("SUSPEND");
        assertThat(hold.get("REASON").asText()).startsWith("STRICT_CONTROL case " + caseId).contains("第三十二条");

        JsonNode refused = ok(post("pay-module", "/project-admissions", admission(next)), 200);
        assertThat(refused.get("ADMITTED").asBoolean()).isFalse();
        assertThat(reasons(refused)).contains("STRICT_CONTROL");
        assertThat(refused.get("REASONS").toString()).contains("长治市预算绩效管理实施细则 第三十二条")
                .containsPattern("case\\(s\\) [0-9, ]*\\b" + caseId + "\\b");
        JsonNode held = ok(Jixiao.postJson("/payment-guard/checks", MonitoringIT.payment(REGION, red, "PROJECT")),
                200);
        assertThat(held.get("DECISION").asText()).isEqualTo("HOLD");

        // the overdue case is referred for accountability: finance and auditors read it, with its audit rows; units never
        HttpResponse<String> referred = post("finance01", path + "/referrals",
                "{\"GROUND\":\"OVERDUE\",\"REFERRED_TO\":\"区纪委监委\",\"REASON\":\"逾期未整改，线索移送\"}");
        JsonNode referral = ok(referred, 201);
        String referralPath = "/rectification/referrals/" + referral.get("REFERRAL_ID").asLong();
        assertThat(referred.headers().firstValue("Location").orElseThrow()).endsWith(referralPath);
        JsonNode read = ok(get("auditor01", referralPath), 200);
        assertThat(read.get("AUDIT_IDS").size()).as("OPENED, LETTER_ISSUED, OVERDUE").isEqualTo(3);
        assertThat(get("unit01", referralPath).statusCode()).isEqualTo(404);
        assertThat(get("unit01", "/rectification/referrals?MOF_DIV_CODE=" + REGION).statusCode()).isEqualTo(403);
        JsonNode caseRows = ok(get("auditor01", "/audit/entries?MOF_DIV_CODE=" + REGION + "&PRO_CODE=" + red
                + "&LIMIT=1000"), 200);
        for (JsonNode id : read.get("AUDIT_IDS")) {
            assertThat(caseRows.toString()).as("the auditor reads row " + id).contains("\"AUDIT_ID\":" + id.asLong()
                    + ",");
        }
        assertThat(ok(post("finance01", referralPath + "/outcomes", "{\"OUTCOME\":\"诫勉谈话\"}"), 200)
                .get("OUTCOMES").get(0).get("OUTCOME").asText()).isEqualTo("诫勉谈话");
        assertThat(post("auditor01", referralPath + "/outcomes", "{\"OUTCOME\":\"x\"}").statusCode()).isEqualTo(403);

        // the unit reports; the organiser closes the case RECTIFIED: block and holds are gone
        ok(post("unit01", path + "/report", "{\"REPORT\":\"已完成支付，执行率达到 80%\"}"), 200);
        assertThat(post("auditor01", path + "/close", "{\"OUTCOME\":\"RECTIFIED\",\"REASON\":\"ok\"}").statusCode())
                .as("auditors read, never write").isEqualTo(403);
        JsonNode closed = ok(post("finance01", path + "/close",
                "{\"OUTCOME\":\"RECTIFIED\",\"REASON\":\"整改到位，予以销号\"}"), 200);
        assertThat(closed.get("STATUS").asText()).isEqualTo("RECTIFIED");
        assertThat(closed.get("STRICT_CONTROL").asBoolean()).isFalse();
        assertThat(ok(get("finance01", "/holds/" + strictHold), 200).get("STATUS").asText()).isEqualTo("RELEASED");
        assertThat(ok(get("finance01", "/monitoring/alerts/" + alert.get("ALERT_ID").asLong()), 200).get("STATUS")
                .asText()).as("the alert closes with its case").isEqualTo("CLOSED");
        JsonNode admitted = ok(post("pay-module", "/project-admissions", admission(next)), 200);
        assertThat(reasons(admitted)).doesNotContain("STRICT_CONTROL");
        assertThat(admitted.get("ADMITTED").asBoolean()).isEqualTo(before.get("ADMITTED").asBoolean());
        String decision = "HOLD";
        for (long until = System.currentTimeMillis() + 10_000; !decision.equals("PASS")
                && System.currentTimeMillis() < until; Thread.sleep(100)) {
            // the releases reach the guard's index within its bounded delay
            decision = ok(Jixiao.postJson("/payment-guard/checks", MonitoringIT.payment(REGION, red, "PROJECT")), 200)
                    .get("DECISION").asText();
        }
        assertThat(decision).isEqualTo("PASS");

        JsonNode steps = ok(get("auditor01", path + "/steps"), 200);
        assertThat(steps.get("STEPS").findValuesAsText("ACTION")).containsExactly("OPENED", "LETTER_ISSUED",
                "OVERDUE", "REPORTED", "RECTIFIED");
        JsonNode trail = ok(get("auditor01", "/audit/entries?MOF_DIV_CODE=" + REGION + "&PRO_CODE=" + red
                + "&LIMIT=1000"), 200);
        assertThat(trail.toString()).contains("RECTIFICATION_OPENED", "RECTIFICATION_OVERDUE",
                "RECTIFICATION_RECTIFIED", "HOLD_PLACED", "HOLD_RELEASED");
        JsonNode verified = ok(post("auditor01", "/audit/verifications", "{\"MOF_DIV_CODE\":\"" + REGION + "\"}"), 200);
        assertThat(verified.get("INTACT").asBoolean()).as(verified.toString()).isTrue();
    }

    private static String soap(String account, String operation, String... content) throws Exception {
        return Jixiao.soapAs(account, Jixiao.PASSWORD, Jixiao.RECTIFICATION_SOAP, operation,
                Goals.soap(operation + "Request", content)).body();
    }

    /** The same loop over SOAP: a case by hand, its letter, overdue on the rehearsal clock, reported and closed. */
    @Test
    void theSameLoopRunsThroughTheSoapService() throws Exception {
        String project = "CZ-SOAP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String opened = soap("finance01", "OpenRectificationCase", Jixiao.elements("MOF_DIV_CODE", REGION,
                "FISCAL_YEAR", "2026", "SUBJECT", "PROJECT", "AGENCY_CODE", "101001", "PRO_CODE", project),
                Goals.soap("PROBLEM", Jixiao.elements("TEXT", "绩效目标未完成", "INDICATOR", "开工率")));
        String caseId = MonitoringIT.first(opened, "CASE_ID");
        assertThat(caseId).as(opened).isNotNull();
        assertThat(MonitoringIT.first(opened, "STATUS")).isEqualTo("OPEN");
        String noProblem = soap("finance01", "OpenRectificationCase", Jixiao.elements("MOF_DIV_CODE", REGION,
                "FISCAL_YEAR", "2026", "SUBJECT", "PROJECT", "AGENCY_CODE", "101001"),
                Goals.soap("PROBLEM", Jixiao.elements("TEXT", "x")));
        assertThat(noProblem).as("the same rule as REST, named as the contract names it").contains("PRO_CODE",
                "required");

        assertThat(MonitoringIT.first(soap("finance01", "IssueFeedbackLetter", Jixiao.elements("CASE_ID", caseId)),
                "STATUS")).isEqualTo("ISSUED");
        String letter = soap("unit01", "GetFeedbackLetter", Jixiao.elements("CASE_ID", caseId));
        assertThat(letter).contains("绩效评价结果反馈函", "绩效目标未完成", "/api/v1/rectification/cases/" + caseId
                + "/letter?FORMAT=DOCX");

        BundleContext context = FrameworkUtil.getBundle(RectificationIT.class).getBundleContext();
        Hashtable<String, Object> marked = new Hashtable<>();
        marked.put("jixiao.clock", "rehearsal");
        ServiceRegistration<Clock> later = context.registerService(Clock.class,
                Clock.offset(Clock.systemUTC(), Duration.ofDays(45)), marked);
        try {
            String pass = soap("finance01", "MarkRectificationOverdue", Jixiao.elements("MOF_DIV_CODE", REGION));
            assertThat(Integer.parseInt(MonitoringIT.first(pass, "MARKED"))).as(pass).isGreaterThanOrEqualTo(1);
        } finally {
            later.unregister();
        }
        String overdue = soap("auditor01", "GetRectificationCase", Jixiao.elements("CASE_ID", caseId));
        assertThat(MonitoringIT.first(overdue, "STATUS")).isEqualTo("OVERDUE");
        assertThat(MonitoringIT.first(overdue, "STRICT_CONTROL")).isEqualTo("true");
        assertThat(soap("auditor01", "CloseRectificationCase", Jixiao.elements("CASE_ID", caseId, "OUTCOME",
                "RECTIFIED", "REASON", "ok"))).as("auditors read, never write").contains("FORBIDDEN");

        soap("unit01", "ReportRectification", Jixiao.elements("CASE_ID", caseId, "REPORT", "已完成整改"));
        String closed = soap("finance01", "CloseRectificationCase", Jixiao.elements("CASE_ID", caseId, "OUTCOME",
                "RECTIFIED", "REASON", "整改到位"));
        assertThat(MonitoringIT.first(closed, "STATUS")).as(closed).isEqualTo("RECTIFIED");
        assertThat(MonitoringIT.first(closed, "STRICT_CONTROL")).isEqualTo("false");
        String steps = soap("auditor01", "ListRectificationSteps", Jixiao.elements("CASE_ID", caseId));
        assertThat(steps.split("<(?:\\w+:)?ACTION>", -1)).hasSize(6); // OPENED, LETTER_ISSUED, OVERDUE, REPORTED, RECTIFIED
        JsonNode verified = ok(post("auditor01", "/audit/verifications", "{\"MOF_DIV_CODE\":\"" + REGION + "\"}"), 200);
        assertThat(verified.get("INTACT").asBoolean()).as(verified.toString()).isTrue();
    }

    /**
     * An evaluation graded 中 opens a case; its letter is issued and read back (HTML and .docx); an extension is
     * asked for and granted; at the application, the result not rectified takes the region's "not rectified" policy
     * and the one whose case was closed RECTIFIED before it the normal one, each written back once.
     */
    @Test
    void aPoorResultNotRectifiedByTheApplicationIsAppliedUnderTheNotRectifiedPolicy() throws Exception {
        String region = "450500000"; // the national rules, and a rule set of its own from this test
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String open = "EVO-" + tag;
        String fixed = "EVX-" + tag;
        host.ledgers.put(region, List.of(MockHost.line(open, "B-1-" + tag, "PROJECT", "1000000.00", "500000.00"),
                MockHost.line(fixed, "B-2-" + tag, "PROJECT", "1000000.00", "500000.00")));
        approvedGoal(region, open);
        approvedGoal(region, fixed);
        JsonNode tasks = ok(post("pay-module", "/evaluations/year-closings", "{\"MOF_DIV_CODE\":\"" + region
                + "\",\"FISCAL_YEAR\":2026,\"AGENCY_CODE\":\"101001\",\"OPERATOR\":\"juesuan.li\"}"), 200)
                .get("OPENED");
        // output lines 1, 2, 5, 6 at 60 → 30; benefit 30; satisfaction 10; execution 50 % → 5: 75.00 中
        String fair = "\"INDICATORS\":[{\"LINE\":1,\"ACTUAL\":60},{\"LINE\":2,\"ACTUAL\":60},{\"LINE\":3,\"ACTUAL\":100},"
                + "{\"LINE\":4,\"ACTUAL\":100},{\"LINE\":5,\"ACTUAL\":60},{\"LINE\":6,\"ACTUAL\":60},"
                + "{\"LINE\":7,\"ACTUAL\":100},{\"LINE\":8,\"ACTUAL\":100}]";
        java.util.Map<String, Long> taskOf = new java.util.HashMap<>();
        for (JsonNode task : tasks) {
            long taskId = task.get("TASK_ID").asLong();
            taskOf.put(task.get("PRO_CODE").asText(), taskId);
            assertThat(ok(post("unit01", "/evaluations/tasks/" + taskId + "/self-evaluation", "{" + fair + "}"), 200)
                    .get("GRADE").asText()).isEqualTo("FAIR");
        }
        java.util.Map<String, JsonNode> caseOf = new java.util.HashMap<>();
        for (JsonNode c : ok(get("finance01", "/rectification/cases?MOF_DIV_CODE=" + region + "&LIMIT=1000"), 200)
                .get("CASES")) {
            caseOf.put(c.get("PRO_CODE").asText(), c);
        }
        JsonNode openCase = caseOf.get(open);
        assertThat(openCase).as("中 opens a case").isNotNull();
        assertThat(openCase.get("ORIGIN").asText()).isEqualTo("EVALUATION");
        assertThat(openCase.get("ORIGIN_ID").asText()).isEqualTo(String.valueOf(taskOf.get(open)));
        assertThat(openCase.get("PROBLEMS").toString()).contains("单位自评得分 75.00，等级中", "指标未达成");
        String openPath = "/rectification/cases/" + openCase.get("CASE_ID").asLong();

        ok(post("finance01", openPath + "/letter", "{}"), 200);
        assertThat(get("unit01", openPath + "/letter").body()).contains("单位自评得分 75.00");
        HttpResponse<byte[]> docx = Jixiao.getBytes(Jixiao.REST + openPath + "/letter?FORMAT=DOCX", "Authorization",
                Jixiao.basic("unit01"));
        assertThat(documentXml(docx.body())).contains("单位自评得分 75.00");
        String until = java.time.LocalDate.parse(openCase.get("DEADLINE").asText()).plusYears(1).toString();
        assertThat(ok(post("unit01", openPath + "/extension", "{\"UNTIL\":\"" + until + "\",\"REASON\":\"项目延期验收\"}"),
                200).get("EXTENSION_UNTIL").asText()).isEqualTo(until);
        JsonNode granted = ok(post("finance01", openPath + "/extension/decision",
                "{\"GRANT\":true,\"REASON\":\"同意延期\"}"), 200);
        assertThat(granted.get("DEADLINE").asText()).isEqualTo(until);

        String fixedPath = "/rectification/cases/" + caseOf.get(fixed).get("CASE_ID").asLong();
        ok(post("unit01", fixedPath + "/report", "{\"REPORT\":\"已完成整改\"}"), 200);
        ok(post("finance01", fixedPath + "/close", "{\"OUTCOME\":\"RECTIFIED\",\"REASON\":\"销号\"}"), 200);

        ok(Jixiao.post(Jixiao.REST + "/goal-rules", "application/json", "{\"MOF_DIV_CODE\":\"" + region
                + "\",\"FROM_YEAR\":2026,\"BASE_REVISION\":0,\"RULES\":{\"result.notRectified.action.FAIR\":\"CUT:30\"},"
                + "\"REASON\":\"不整改的调减下年度预算\"}", "Authorization", Jixiao.basic("finance01")), 200);
        java.util.Map<String, java.math.BigDecimal> draft = new java.util.concurrent.ConcurrentHashMap<>(
                java.util.Map.of(open, new java.math.BigDecimal("500000.00"), fixed,
                        new java.math.BigDecimal("500000.00")));
        host.drafts.put(region + "/2028", draft);
        String apply = "{\"MOF_DIV_CODE\":\"" + region + "\",\"FISCAL_YEAR\":2026}";
        JsonNode whatIf = ok(post("finance01", "/evaluations/what-if", apply), 200);
        assertThat(whatIf.get("NOT_RECTIFIED").asInt()).as("the what-if shows both").isEqualTo(1);
        assertThat(whatIf.get("REGION").get("CHANGE_AMT").decimalValue()).isEqualByComparingTo("-200000.00");
        assertThat(whatIf.get("REGION_IF_RECTIFIED").get("CHANGE_AMT").decimalValue())
                .isEqualByComparingTo("-100000.00");
        assertThat(ok(post("finance01", "/evaluations/result-applications", apply), 200).get("APPLIED").asInt())
                .isEqualTo(2);
        assertThat(draft).containsEntry(open, new java.math.BigDecimal("350000.00"))
                .containsEntry(fixed, new java.math.BigDecimal("450000.00"));
        JsonNode adjustments = ok(get("finance01", "/evaluations/adjustments?MOF_DIV_CODE=" + region
                + "&FISCAL_YEAR=2026"), 200).get("ADJUSTMENTS");
        assertThat(adjustments.toString()).contains("result.notRectified.action.FAIR=CUT:30 (rectification case "
                + openCase.get("CASE_ID").asLong() + " ISSUED, not closed RECTIFIED)", "result.action.FAIR=CUT:10");
        assertThat(ok(post("finance01", "/evaluations/result-applications", apply), 200).get("APPLIED").asInt())
                .as("written back once").isZero();
    }
}
