package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The library over SOAP, the REST walkthrough's twin: import with its report, search, export and import back. */
class LibrarySoapIT {
    /** Changzhi's library: no other test uses it. */
    private static final String REGION = "140400000";

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    private static String call(String account, String operation, String body) throws Exception {
        HttpResponse<String> r = Jixiao.soapAs(account, Jixiao.PASSWORD, Jixiao.LIBRARY_SOAP, operation, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private static String first(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        assertThat(m.find()).as(element + " in " + xml).isTrue();
        return m.group(1);
    }

    private static String imported(String fileName, byte[] file) throws Exception {
        String started = call("finance01", "ImportLibrary", Goals.soap("ImportLibraryRequest", Jixiao.elements(
                "MOF_DIV_CODE", REGION, "FILE_NAME", fileName, "FILE", Base64.getEncoder().encodeToString(file))));
        String jobId = first(started, "JOB_ID");
        for (int i = 0; i < 300; i++) {
            String job = call("finance01", "GetLibraryImport", Goals.soap("GetLibraryImportRequest",
                    Jixiao.elements("JOB_ID", jobId)));
            if (job.matches("(?s).*<STATUS>(DONE|REJECTED|FAILED)</STATUS>.*")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + jobId + " did not end in 30 s");
    }

    @Test
    void aSpreadsheetImportsSearchesAndExportsBackThroughSoap() throws Exception {
        String csv = "指标编码,指标类型,部门编码,二级指标,三级指标,功能分类,计算符号,计量单位,生效日期\n"
                + "CZ-GX-1,共性指标,,数量指标,培训人次,,1,人次,2026-01-01\n"
                + "CZ-GX-2,共性指标,,质量指标,验收合格率,,9,%,2026-01-01\n"
                + "CZ-HY-1,行业核心指标,118001,数量指标,新建学校数,20502,1,所,2026-01-01\n";

        String job = imported("长治市指标库.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(first(job, "STATUS")).isEqualTo("DONE");
        assertThat(first(job, "INSERTED")).isEqualTo("2");
        assertThat(first(job, "REJECTED")).isEqualTo("1");
        String problems = call("auditor01", "ListLibraryImportProblems", Goals.soap(
                "ListLibraryImportProblemsRequest", Jixiao.elements("JOB_ID", first(job, "JOB_ID"))));
        assertThat(problems).contains("<ROW>3</ROW><COLUMN>计算符号</COLUMN>");

        String found = call("unit01", "SearchLibrary", Goals.soap("SearchLibraryRequest", Jixiao.elements(
                "MOF_DIV_CODE", REGION, "KEYWORD", "学校")));
        assertThat(first(found, "TOTAL")).isEqualTo("1");
        assertThat(first(found, "IND_CODE")).isEqualTo("CZ-HY-1");
        String one = call("unit01", "GetLibraryIndicator", Goals.soap("GetLibraryIndicatorRequest",
                Jixiao.elements("MOF_DIV_CODE", REGION, "IND_CODE", "CZ-GX-1")));
        assertThat(first(one, "KPI_LV1")).isEqualTo("OUTPUT");
        assertThat(first(one, "VALID_FROM")).isEqualTo("2026-01-01");

        String export = call("finance01", "ExportLibrary", Goals.soap("ExportLibraryRequest",
                Jixiao.elements("MOF_DIV_CODE", REGION)));
        byte[] xlsx = Base64.getDecoder().decode(first(export, "FILE"));
        assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        String back = imported("export.xlsx", xlsx);
        assertThat(first(back, "FORMAT")).isEqualTo("XLSX");
        assertThat(first(back, "UNCHANGED")).as("an export imports back unchanged").isEqualTo("2");

        String saved = call("finance01", "SaveLibraryIndicator", Goals.soap("SaveLibraryIndicatorRequest",
                Goals.soap("INDICATOR", Jixiao.elements("MOF_DIV_CODE", REGION, "IND_CODE", "CZ-GX-1", "KIND",
                        "COMMON", "KPI_LV2", "QUANTITY", "KPI_CONTENT", "培训人次(人次)", "COMPUTESIGN", "1",
                        "VALID_FROM", "2026-01-01"))));
        assertThat(first(saved, "REVISION")).isEqualTo("2");
        assertThat(call("finance01", "RetireLibraryIndicator", Goals.soap("RetireLibraryIndicatorRequest",
                Jixiao.elements("MOF_DIV_CODE", REGION, "IND_CODE", "CZ-GX-1")))).contains("<STATUS>RETIRED</STATUS>");
        HttpResponse<String> byUnit = Jixiao.soapAs("unit01", Jixiao.PASSWORD, Jixiao.LIBRARY_SOAP,
                "DeleteLibraryIndicator", Goals.soap("DeleteLibraryIndicatorRequest", Jixiao.elements("MOF_DIV_CODE",
                        REGION, "IND_CODE", "CZ-GX-1")));
        assertThat(byUnit.body()).contains("<CODE>FORBIDDEN</CODE>");
        assertThat(call("finance01", "DeleteLibraryIndicator", Goals.soap("DeleteLibraryIndicatorRequest",
                Jixiao.elements("MOF_DIV_CODE", REGION, "IND_CODE", "CZ-GX-1")))).contains("<DELETED>true</DELETED>");
    }

    @Test
    void aDeclarationFormDraftsItsGoalAndExportsBackThroughSoap() throws Exception {
        String form = Goals.form(REGION, "CZ-FORM-1");
        String drafted = call("unit01", "ImportGoalForm", Goals.soap("ImportGoalFormRequest", Jixiao.elements(
                "MOF_DIV_CODE", REGION, "FILE", Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)))));
        assertThat(first(drafted, "STATUS")).isEqualTo("DRAFT");
        assertThat(first(drafted, "PRO_CODE")).isEqualTo("CZ-FORM-1");

        String exported = call("unit01", "ExportGoalForm", Goals.soap("ExportGoalFormRequest", Jixiao.elements(
                "GOAL_ID", first(drafted, "GOAL_ID"), "VERSION", "1", "FORMAT", "CSV")));
        String csv = new String(Base64.getDecoder().decode(first(exported, "FILE")), StandardCharsets.UTF_8);
        assertThat(csv).contains("项目支出绩效目标申报表", "CZ-FORM-1", "适龄儿童入学率");

        HttpResponse<String> bad = Jixiao.soapAs("unit01", Jixiao.PASSWORD, Jixiao.LIBRARY_SOAP, "ImportGoalForm",
                Goals.soap("ImportGoalFormRequest", Jixiao.elements("MOF_DIV_CODE", REGION, "FILE", Base64.getEncoder()
                        .encodeToString(form.replace("一级项目", "三级项目").getBytes(StandardCharsets.UTF_8)))));
        assertThat(bad.body()).contains("<CODE>INVALID_INPUT</CODE>", "ROW 7 项目级次");
    }
}
