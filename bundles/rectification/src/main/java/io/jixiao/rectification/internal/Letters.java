package io.jixiao.rectification.internal;

import io.jixiao.api.rectification.FeedbackLetter;
import io.jixiao.api.rectification.Problem;
import io.jixiao.api.rectification.RectificationCase;
import io.jixiao.api.rectification.RectificationRules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Renders a case's feedback letter 反馈函 in the region's wording: a complete HTML page (every entered text escaped,
 * no script, a Content-Security-Policy that allows none) and a WordprocessingML document (.docx) of the same
 * paragraphs. Pure text work: no I/O but the byte buffer.
 */
final class Letters {
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private Letters() {
    }

    /**
     * @param c the case
     * @param rules the region's rules in force (the wording)
     * @param issuedOn the day the letter is dated
     * @return the letter
     */
    static FeedbackLetter render(RectificationCase c, RectificationRules rules, LocalDate issuedOn) {
        List<String> paragraphs = paragraphs(c, rules, issuedOn);
        String title = rules.letterTitle();
        return new FeedbackLetter(c.id(), title, html(title, paragraphs), docx(title, paragraphs));
    }

    /** The letter's paragraphs after its title, as plain text. */
    static List<String> paragraphs(RectificationCase c, RectificationRules rules, LocalDate issuedOn) {
        List<String> p = new ArrayList<>();
        p.add("编号：整改〔" + c.fiscalYear().value() + "〕" + c.id() + "号");
        p.add("被评价方：" + subject(c));
        p.add(rules.letterOpening());
        int n = 1;
        for (Problem problem : c.problems()) {
            p.add(n++ + ". " + problem.text() + (problem.indicator() == null ? "" : "（指标：" + problem.indicator() + "）"));
        }
        p.add(rules.letterClosing().replace("{deadline}", CHINESE_DATE.format(c.deadline())));
        if (c.responsible() != null) {
            p.add("整改责任人：" + c.responsible().name());
        }
        p.add("依据：" + rules.article());
        p.add(CHINESE_DATE.format(issuedOn));
        return p;
    }

    private static String subject(RectificationCase c) {
        return switch (c.subject()) {
            case PROJECT -> "单位 " + c.agencyCode().value() + "，项目 " + c.proCode().value();
            case DEPARTMENT -> "单位 " + c.agencyCode().value() + "（部门整体支出）";
            case LOWER_GOVERNMENT -> "区划 " + c.subjectDivCode().value() + "（财政运行综合绩效）";
        };
    }

    static String html(String title, List<String> paragraphs) {
        StringBuilder b = new StringBuilder(2048);
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>body{font-family:serif;max-width:40em;margin:2em auto;line-height:1.8}"
                        + "h1{text-align:center;font-size:1.5em}</style>\n</head>\n<body>\n<h1>")
                .append(escape(title)).append("</h1>\n");
        for (String p : paragraphs) {
            b.append("<p>").append(escape(p)).append("</p>\n");
        }
        return b.append("</body>\n</html>\n").toString();
    }

    static byte[] docx(String title, List<String> paragraphs) {
        StringBuilder body = new StringBuilder(4096);
        body.append("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val=\"36\"/></w:rPr><w:t>")
                .append(escape(title)).append("</w:t></w:r></w:p>");
        for (String p : paragraphs) {
            body.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(escape(p)).append("</w:t></w:r></w:p>");
        }
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + body + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            entry(zip, "word/document.xml", document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Escapes text for HTML and XML alike; characters XML 1.0 cannot carry are left out. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }
}
