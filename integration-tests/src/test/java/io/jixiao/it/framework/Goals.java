package io.jixiao.it.framework;

/** JSON bodies of the goal endpoints for the tests. */
final class Goals {
    private static final String[] CYCLE = {"QUANTITY", "COST", "SOCIAL", "SATISFACTION", "QUALITY", "TIMELINESS",
        "ECONOMIC", "ECOLOGICAL", "SUSTAINABLE"};

    private Goals() {
    }

    /** The project's facts: a continuing, recurring development project of 2,000,000 yuan in agency 101001. */
    static String project(String region, String proCode, String amount, boolean newProject) {
        return project(region, proCode, "DEVELOPMENT", amount, newProject, true, null);
    }

    /** A project's facts with its class, recurrence and last year's amount (or null). */
    static String project(String region, String proCode, String projectClass, String amount, boolean newProject,
            boolean recurring, String lastYear) {
        return "\"MOF_DIV_CODE\":\"" + region + "\",\"FISCAL_YEAR\":2026,\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\""
                + proCode + "\",\"PROJECT_CLASS\":\"" + projectClass + "\",\"PROJECT_LEVEL\":\"FIRST\","
                + "\"BUDGET_KIND\":\"GENERAL_PUBLIC\",\"AMOUNT\":" + amount + ",\"NEW_PROJECT\":" + newProject
                + ",\"RECURRING\":" + recurring + (lastYear == null ? "" : ",\"PREV_AMOUNT\":" + lastYear);
    }

    /**
     * A declaration form 项目支出绩效目标申报表 as CSV: a continuing development project of 500,000 yuan in agency
     * 101001 with three indicators (output, benefit, satisfaction) worth 90 points.
     */
    static String form(String region, String proCode) {
        return String.join("\n", "项目支出绩效目标申报表", "财政区划," + region, "预算年度,2026", "单位编码,101001",
                "项目编码," + proCode, "项目类别,经济和社会发展类", "项目级次,一级项目", "预算类型,一般公共预算",
                "项目属性,延续", "资金性质,经常性", "年度资金总额(元),500000.00", "上年资金(元),", "目标类型,项目",
                "年度绩效目标,\"新建学校3所,入学率达到95%\"", "中期绩效目标,",
                "一级指标,二级指标,三级指标,计算符号,指标值,计量单位,分值,评分标准,指标库编码",
                "产出指标,数量指标,新建学校数,1,3,所,40,完成得满分,",
                "效益指标,社会效益指标,适龄儿童入学率,1,95,%,40,,",
                "满意度指标,服务对象满意度指标,家长满意度,1,90,%,10,,") + "\n";
    }

    /** A declaration with {@code n} quantitative indicators whose points add up to 90. */
    static String declaration(String region, String proCode, int n) {
        return "{" + project(region, proCode, "2000000.00", false) + "," + goal(n) + "}";
    }

    static String goal(int n) {
        return goal(n, n);
    }

    /** {@code total} indicators worth 90 points, the first {@code quantitative} of them quantitative. */
    static String goal(int total, int quantitative) {
        StringBuilder indicators = new StringBuilder();
        for (int i = 0; i < total; i++) {
            indicators.append(i == 0 ? "" : ",").append("{\"KPI_LV2\":\"").append(CYCLE[i % CYCLE.length])
                    .append("\",\"KPI_CONTENT\":\"指标").append(i).append(i < quantitative
                            ? "\",\"COMPUTESIGN\":1,\"KPI_VAL\":\"100\",\"METERUNIT\":\"人\""
                            : "\",\"COMPUTESIGN\":6,\"KPI_VAL\":\"明显改善\"")
                    .append(",\"WEIGHT\":").append(points(i, total)).append('}');
        }
        return "\"KPI_TARGET\":\"年度目标\",\"INDICATORS\":[" + indicators + "]";
    }

    /** The points of indicator {@code i} of {@code total}: 90 shared out, the last taking the remainder. */
    private static String points(int i, int total) {
        long hundredths = i == total - 1 ? 9000 - (9000 / total) * (total - 1) : 9000 / total;
        return hundredths / 100 + "." + String.format("%02d", hundredths % 100);
    }

    /** The same project's facts as a SOAP {@code PROJECT} element (prefix {@code pg:}), optional elements left out. */
    static String soapProject(String region, String proCode, String amount, boolean newProject) {
        return soapProject(region, proCode, "DEVELOPMENT", amount, newProject, true, null);
    }

    /** A project's facts as a SOAP {@code PROJECT} element, with its class, recurrence and last year's amount. */
    static String soapProject(String region, String proCode, String projectClass, String amount,
            boolean newProject, boolean recurring, String lastYear) {
        return "<pg:PROJECT>" + Jixiao.elements("MOF_DIV_CODE", region, "FISCAL_YEAR", "2026", "AGENCY_CODE",
                "101001", "PRO_CODE", proCode, "PROJECT_CLASS", projectClass, "PROJECT_LEVEL", "FIRST",
                "BUDGET_KIND", "GENERAL_PUBLIC", "AMOUNT", amount, "NEW_PROJECT", Boolean.toString(newProject),
                "RECURRING", Boolean.toString(recurring), "PREV_AMOUNT", lastYear) + "</pg:PROJECT>";
    }

    /** The same goal as a SOAP {@code GOAL} element: {@code n} quantitative indicators worth 90 points. */
    static String soapGoal(int n) {
        return soapGoal(n, n);
    }

    /** The same goal as {@link #goal(int, int)}, as a SOAP {@code GOAL} element. */
    static String soapGoal(int total, int quantitative) {
        StringBuilder goal = new StringBuilder("<pg:GOAL>").append(Jixiao.elements("KPI_TARGET", "年度目标"));
        for (int i = 0; i < total; i++) {
            boolean q = i < quantitative;
            goal.append("<pg:INDICATOR>").append(Jixiao.elements("KPI_LV2", CYCLE[i % CYCLE.length], "KPI_CONTENT",
                    "指标" + i, "COMPUTESIGN", q ? "1" : "6", "KPI_VAL", q ? "100" : "明显改善", "WEIGHT",
                    points(i, total))).append("</pg:INDICATOR>");
        }
        return goal.append("</pg:GOAL>").toString();
    }

    /** A SOAP request element: {@code <pg:NAME>content</pg:NAME>}. */
    static String soap(String name, String... content) {
        return "<pg:" + name + ">" + String.join("", content) + "</pg:" + name + ">";
    }

    /** A one-line draft for the compilation or adjustment gate over SOAP. */
    static String soapDraft(String request, String proCode, String operator) {
        return soap(request, Jixiao.elements("MOF_DIV_CODE", "440100000", "FISCAL_YEAR", "2026", "DRAFT_NO",
                "BZ-CORPUS"), soap("LINE", Jixiao.elements("AGENCY_CODE", "101001", "PRO_CODE", proCode,
                "PROJECT_CLASS", "DEVELOPMENT", "PROJECT_LEVEL", "FIRST", "BUDGET_KIND", "GENERAL_PUBLIC", "AMOUNT",
                "2000000.00", "NEW_PROJECT", "false", "RECURRING", "true")), Jixiao.elements("OPERATOR", operator));
    }
}
