package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The indicator library over REST on the running framework: a spreadsheet imported with its report, searched in
 * Chinese, exported and imported back unchanged; malformed files refused whole with nothing stored.
 */
class LibraryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Yunxi's library: no other test watches its audit chain. */
    private static final String REGION = "430603000";
    private static final String HEADER = "指标编码,指标类型,部门编码,一级指标,二级指标,三级指标,功能分类,计算符号,计量单位,指标值,评分标准,生效日期,失效日期,状态\n";

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> upload(String account, String fileName, byte[] file, String charset)
            throws Exception {
        String url = Jixiao.REST + "/library/imports?MOF_DIV_CODE=" + REGION + "&FILE_NAME=" + q(fileName)
                + (charset == null ? "" : "&CHARSET=" + charset);
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", Jixiao.basic(account))
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(file))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> getBytes(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(Jixiao.REST + path))
                .header("Authorization", Jixiao.basic("finance01")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<byte[]> r = getBytes(path);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Uploads and waits until the import has ended. */
    private static JsonNode imported(String fileName, byte[] file, String charset) throws Exception {
        HttpResponse<String> started = upload("finance01", fileName, file, charset);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/library/imports/");
        String path = location.substring(location.indexOf("/library/"));
        for (int i = 0; i < 300; i++) {
            JsonNode job = get(path);
            String status = job.get("STATUS").asText();
            if (status.equals("DONE") || status.equals("REJECTED") || status.equals("FAILED")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + path + " did not end in 30 s");
    }

    private static long total() throws Exception {
        return get("/library/indicators?MOF_DIV_CODE=" + REGION + "&LIMIT=1").get("TOTAL").asLong();
    }

    @Test
    void aSpreadsheetImportsWithItsReportIsSearchableAndExportsBackUnchanged() throws Exception {
        String csv = HEADER
                + "YX-GX-001,共性指标,,产出指标,数量指标,培训人次,,1,人次,500,完成得满分,2026-01-01,,在用\n"
                + "YX-GX-002,共性指标,,满意度指标,服务对象满意度指标,培训对象满意度,205,1,%,90,,2026-01-01,,\n"
                + "YX-GX-003,共性指标,,,数量指标,缺日期,,1,,,,,,\n"
                + "YX-HY-001,行业核心指标,118001,,数量指标,新建学校数,20502,1,所,3,,2026-01-01,2028-12-31,\n";

        JsonNode job = imported("郧西县指标库.csv", csv.getBytes(StandardCharsets.UTF_8), null);

        assertThat(job.get("STATUS").asText()).isEqualTo("DONE");
        assertThat(job.get("FORMAT").asText()).isEqualTo("CSV");
        assertThat(job.get("FILE_NAME").asText()).isEqualTo("郧西县指标库.csv");
        assertThat(job.get("INSERTED").asLong()).isEqualTo(3);
        assertThat(job.get("REJECTED").asLong()).isEqualTo(1);
        JsonNode problems = get("/library/imports/" + job.get("JOB_ID").asLong() + "/problems");
        assertThat(problems.get("PROBLEMS").get(0).get("ROW").asInt()).isEqualTo(4);
        assertThat(problems.get("PROBLEMS").get(0).get("COLUMN").asText()).isEqualTo("生效日期");

        JsonNode found = get("/library/indicators?MOF_DIV_CODE=" + REGION + "&KEYWORD=" + q("培训"));
        assertThat(found.get("TOTAL").asLong()).isEqualTo(2);
        assertThat(found.get("INDICATORS").get(1).get("KPI_CONTENT").asText()).isEqualTo("培训对象满意度");
        assertThat(get("/library/indicators?MOF_DIV_CODE=" + REGION + "&AGENCY_CODE=118001").get("TOTAL").asLong())
                .isEqualTo(1);

        HttpResponse<byte[]> xlsx = getBytes("/library/exports?MOF_DIV_CODE=" + REGION);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        JsonNode back = imported("export.xlsx", xlsx.body(), null);
        assertThat(back.get("FORMAT").asText()).isEqualTo("XLSX");
        assertThat(back.get("UNCHANGED").asLong()).as("an export imports back unchanged").isEqualTo(3);
        assertThat(back.get("INSERTED").asLong() + back.get("UPDATED").asLong()).isZero();
        JsonNode again = imported("郧西县指标库.csv", csv.getBytes(StandardCharsets.UTF_8), null);
        assertThat(again.get("UNCHANGED").asLong()).as("the same file again changes nothing").isEqualTo(3);
    }

    @Test
    void malformedFilesAreRefusedWholeAndStoreNothing() throws Exception {
        long before = total();
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        byte[] gbk = (HEADER + "YX-GBK-1,共性指标,,,数量指标,培训人次,,1,,,,2026-01-01,,\n").getBytes(Charset.forName("GB18030"));

        String[][] cases = {
            {"wrong-columns.csv", "WRONG_COLUMNS"}, {"formula.csv", "FORMULA"}, {"bomb.xlsx", "ZIP_BOMB"},
            {"gbk.csv", "ENCODING"}, {"old.xls", "NOT_A_SPREADSHEET"}};
        byte[][] files = {
            "编码,名称\nYX-1,培训\n".getBytes(StandardCharsets.UTF_8),
            (HEADER + "YX-F-1,共性指标,,,数量指标,培训人次,,1,,,,2026-01-01,,\nYX-F-2,共性指标,,,数量指标,=HYPERLINK(\"x\"),,1,,,,2026-01-01,,\n")
                    .getBytes(StandardCharsets.UTF_8),
            bomb.toByteArray(), gbk,
            new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}};
        for (int i = 0; i < cases.length; i++) {
            JsonNode job = imported(cases[i][0], files[i], null);
            assertThat(job.get("STATUS").asText()).as(cases[i][0]).isEqualTo("REJECTED");
            assertThat(job.get("MESSAGE").asText()).as(cases[i][0]).startsWith(cases[i][1]);
        }
        assertThat(total()).as("nothing stored from a refused file").isEqualTo(before);
        assertThat(imported("gbk.csv", gbk, "GB18030").get("INSERTED").asLong()).as("in its encoding").isEqualTo(1);

        assertThat(upload("unit01", "x.csv", HEADER.getBytes(StandardCharsets.UTF_8), null).statusCode())
                .as("units do not import").isEqualTo(403);
        assertThat(upload("finance01", "bad'name.csv", HEADER.getBytes(StandardCharsets.UTF_8), null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aGoalDeclaredInTheStandardFormImportsPassesTheGatesAndExportsBack() throws Exception {
        String project = "YX-FORM-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        byte[] form = Goals.form(REGION, project).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> drafted = HTTP.send(HttpRequest.newBuilder(URI.create(Jixiao.REST
                + "/goal-forms?MOF_DIV_CODE=" + REGION)).header("Authorization", Jixiao.basic("unit01"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        JsonNode goal = JSON.readTree(drafted.body());
        assertThat(goal.get("STATUS").asText()).isEqualTo("DRAFT");
        assertThat(goal.get("INDICATORS")).hasSize(3);
        long goalId = goal.get("GOAL_ID").asLong();
        String version = "/goals/" + goalId + "/versions/1";
        assertThat(Jixiao.post(Jixiao.REST + version + "/submission", "application/json", "{}", "Authorization",
                Jixiao.basic("unit01")).statusCode()).isEqualTo(200);
        assertThat(Jixiao.post(Jixiao.REST + version + "/approval", "application/json", "{}", "Authorization",
                Jixiao.basic("finance01")).statusCode()).isEqualTo(200);
        JsonNode admitted = JSON.readTree(Jixiao.post(Jixiao.REST + "/project-admissions", "application/json",
                "{" + Goals.project(REGION, project, "500000.00", false) + ",\"OPERATOR\":\"li\"}", "Authorization",
                Jixiao.basic("pay-module")).body());
        assertThat(admitted.get("ADMITTED").asBoolean()).as(admitted.toString()).isTrue();
        assertThat(admitted.get("GOAL_ID").asLong()).isEqualTo(goalId);

        HttpResponse<byte[]> exported = getBytes("/goal-forms/" + goalId + "/versions/1?FORMAT=CSV");
        assertThat(exported.statusCode()).isEqualTo(200);
        String csv = new String(exported.body(), StandardCharsets.UTF_8);
        assertThat(csv).contains("项目支出绩效目标申报表", "适龄儿童入学率", project);
        HttpResponse<byte[]> xlsx = getBytes("/goal-forms/" + goalId + "/versions/1");
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create(Jixiao.REST
                + "/goal-forms?MOF_DIV_CODE=" + REGION)).header("Authorization", Jixiao.basic("unit01"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(xlsx.body())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(JSON.readTree(again.body()).get("INDICATORS")).isEqualTo(goal.get("INDICATORS"));

        HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(URI.create(Jixiao.REST
                + "/goal-forms?MOF_DIV_CODE=" + REGION)).header("Authorization", Jixiao.basic("unit01"))
                .POST(HttpRequest.BodyPublishers.ofString(Goals.form(REGION, "YX-BAD").replace("经济和社会发展类", "其他类")
                        .replace("家长满意度,1,90", "家长满意度,9,90"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("ROW 6 项目类别", "ROW 19 计算符号");
        HttpResponse<String> elsewhere = HTTP.send(HttpRequest.newBuilder(URI.create(Jixiao.REST
                + "/goal-forms?MOF_DIV_CODE=440100000")).header("Authorization", Jixiao.basic("unit01"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(elsewhere.statusCode()).as("a form of another region").isEqualTo(400);
    }
}
