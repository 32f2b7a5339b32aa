package io.jixiao.it.framework;

/** JSON bodies of the goal endpoints for the tests. */
final class Goals {
    private static final String[] CYCLE = {"QUANTITY", "COST", "SOCIAL", "SATISFACTION", "QUALITY", "TIMELINESS",
        "ECONOMIC", "ECOLOGICAL", "SUSTAINABLE"};

    private Goals() {
    }

    /** The project's facts: a continuing, recurring development project of 2,000,000 yuan in agency 101001. */
    static String project(String region, String proCode, String amount, boolean newProject) {
        return "\"MOF_DIV_CODE\":\"" + region + "\",\"FISCAL_YEAR\":2026,\"AGENCY_CODE\":\"101001\",\"PRO_CODE\":\""
                + proCode + "\",\"PROJECT_CLASS\":\"DEVELOPMENT\",\"PROJECT_LEVEL\":\"FIRST\","
                + "\"BUDGET_KIND\":\"GENERAL_PUBLIC\",\"AMOUNT\":" + amount + ",\"NEW_PROJECT\":" + newProject
                + ",\"RECURRING\":true";
    }

    /** A declaration with {@code n} quantitative indicators whose points add up to 90. */
    static String declaration(String region, String proCode, int n) {
        return "{" + project(region, proCode, "2000000.00", false) + "," + goal(n) + "}";
    }

    static String goal(int n) {
        StringBuilder indicators = new StringBuilder();
        long hundredths = 9000;
        for (int i = 0; i < n; i++) {
            long points = i == n - 1 ? hundredths - (9000 / n) * (n - 1) : 9000 / n;
            indicators.append(i == 0 ? "" : ",").append("{\"KPI_LV2\":\"").append(CYCLE[i % CYCLE.length])
                    .append("\",\"KPI_CONTENT\":\"指标").append(i).append("\",\"COMPUTESIGN\":1,\"KPI_VAL\":\"100\",")
                    .append("\"METERUNIT\":\"人\",\"WEIGHT\":").append(points / 100).append('.')
                    .append(String.format("%02d", points % 100)).append('}');
        }
        return "\"KPI_TARGET\":\"年度目标\",\"INDICATORS\":[" + indicators + "]";
    }

    /** The same project's facts as a SOAP {@code PROJECT} element (prefix {@code pg:}), optional elements left out. */
    static String soapProject(String region, String proCode, String amount, boolean newProject) {
        return "<pg:PROJECT>" + Jixiao.elements("MOF_DIV_CODE", region, "FISCAL_YEAR", "2026", "AGENCY_CODE",
                "101001", "PRO_CODE", proCode, "PROJECT_CLASS", "DEVELOPMENT", "PROJECT_LEVEL", "FIRST",
                "BUDGET_KIND", "GENERAL_PUBLIC", "AMOUNT", amount, "NEW_PROJECT", Boolean.toString(newProject),
                "RECURRING", "true") + "</pg:PROJECT>";
    }

    /** The same goal as a SOAP {@code GOAL} element: {@code n} quantitative indicators worth 90 points. */
    static String soapGoal(int n) {
        StringBuilder goal = new StringBuilder("<pg:GOAL>").append(Jixiao.elements("KPI_TARGET", "年度目标"));
        long hundredths = 9000;
        for (int i = 0; i < n; i++) {
            long points = i == n - 1 ? hundredths - (9000 / n) * (n - 1) : 9000 / n;
            goal.append("<pg:INDICATOR>").append(Jixiao.elements("KPI_LV2", CYCLE[i % CYCLE.length], "KPI_CONTENT",
                    "指标" + i, "COMPUTESIGN", "1", "KPI_VAL", "100", "WEIGHT", points / 100 + "."
                            + String.format("%02d", points % 100))).append("</pg:INDICATOR>");
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
