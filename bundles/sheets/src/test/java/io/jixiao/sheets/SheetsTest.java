package io.jixiao.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.sheets.SheetRejectedException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the sheets bundle writes opens in Apache POI; what it reads is checked before it is believed. */
class SheetsTest {
    private static final Charset GB18030 = Charset.forName("GB18030");

    @TempDir
    Path dir;

    private List<SheetRow> read(Path file, Charset charset, SheetLimits limits) {
        List<SheetRow> rows = new ArrayList<>();
        SheetReader.read(file, charset, limits, rows::add);
        return rows;
    }

    private List<SheetRow> read(Path file) {
        return read(file, StandardCharsets.UTF_8, SheetLimits.DEFAULT);
    }

    private Path write(SheetFormat format, int rows) throws IOException {
        Path file = dir.resolve("out" + format.extension());
        try (OutputStream out = Files.newOutputStream(file); SheetWriter w = SheetWriter.of(format, out, "指标库")) {
            w.row("指标编码", "三级指标", "指标值", "生效日期", "定量", "备注");
            for (int i = 1; i <= rows; i++) {
                w.row("GX-" + i, "新建学校数 \"一期\",\n第" + i + "所", new BigDecimal("12000.50"), LocalDate.of(2026, 1, 31),
                        i % 2 == 0, i == 1 ? "=SUM(A1:A2)" : null);
            }
        }
        return file;
    }

    @Test
    void anXlsxWrittenHereOpensInPoiAndReadsBackTheSame() throws Exception {
        Path file = write(SheetFormat.XLSX, 2_500);

        try (XSSFWorkbook poi = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = poi.getSheet("指标库");
            assertThat(sheet.getLastRowNum()).isEqualTo(2_500);
            XSSFRow first = sheet.getRow(1);
            DataFormatter shown = new DataFormatter();
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("新建学校数 \"一期\",\n第1所");
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(12000.5);
            assertThat(shown.formatCellValue(first.getCell(3))).isEqualTo("2026-01-31");
            assertThat(first.getCell(5).getCellType()).as("text that looks like a formula stays text")
                    .isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
        }
        List<SheetRow> rows = read(file);
        assertThat(rows).hasSize(2_501);
        assertThat(rows.get(1).cells()).containsExactly("GX-1", "新建学校数 \"一期\",\n第1所", "12000.5", "2026-01-31",
                "FALSE", "=SUM(A1:A2)");
        assertThat(rows.get(2_500).number()).isEqualTo(2_501);
        assertThat(rows.get(2_500).cell(0)).isEqualTo("GX-2500");
    }

    @Test
    void aCsvWrittenHereIsUtf8WithABomAndReadsBack() throws IOException {
        Path file = write(SheetFormat.CSV, 3);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        List<SheetRow> rows = read(file);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).cells()).containsExactly("GX-1", "新建学校数 \"一期\",\n第1所", "12000.50", "2026-01-31",
                "FALSE", "'=SUM(A1:A2)");
    }

    @Test
    void aFormulaRefusesTheFileNamingTheCell() throws IOException {
        Path file = dir.resolve("formula.xlsx");
        try (XSSFWorkbook poi = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = poi.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("指标值");
            sheet.createRow(1).createCell(0).setCellValue(5);
            XSSFCell f = sheet.createRow(2).createCell(1);
            f.setCellFormula("A2*2");
            poi.write(out);
        }

        assertThatThrownBy(() -> read(file)).isInstanceOfSatisfying(SheetRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.FORMULA);
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.column()).isEqualTo("B");
        });
        Path csv = dir.resolve("formula.csv");
        Files.writeString(csv, "a,b\n1,=HYPERLINK(\"http://x\")\n");
        assertThatThrownBy(() -> read(csv)).isInstanceOfSatisfying(SheetRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.FORMULA));
    }

    @Test
    void datesFromASpreadsheetProgramReadAsIsoDates() throws IOException {
        Path file = dir.resolve("dates.xlsx");
        try (XSSFWorkbook poi = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = poi.createSheet();
            CellStyle date = poi.createCellStyle();
            date.setDataFormat(poi.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            XSSFRow row = sheet.createRow(0);
            row.createCell(0).setCellValue(LocalDate.of(2027, 12, 31));
            row.getCell(0).setCellStyle(date);
            row.createCell(1).setCellValue(0.1);
            row.createCell(2).setCellValue(true);
            row.createCell(4).setCellValue("隔一列");
            poi.write(out);
        }

        assertThat(read(file).get(0).cells()).containsExactly("2027-12-31", "0.1", "TRUE", "", "隔一列");
    }

    @Test
    void aZipBombIsRefusedBeforeItIsRead() throws IOException {
        Path bomb = dir.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 32; i++) {
                zip.write(zeros); // 32 MB of zeros, ~32 KB compressed
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(100_000);

        assertThatThrownBy(() -> read(bomb)).isInstanceOfSatisfying(SheetRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.ZIP_BOMB));
        SheetLimits small = new SheetLimits(1 << 20, 4 << 20, 100_000, 10, 10, 10, 10);
        assertThatThrownBy(() -> read(bomb, StandardCharsets.UTF_8, small)).as("the total, whatever the ratio")
                .isInstanceOfSatisfying(SheetRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ZIP_BOMB));
    }

    @Test
    void filesThatAreNotSpreadsheetsAreNamedForWhatTheyAre() throws IOException {
        Path xls = dir.resolve("old.xls");
        Files.write(xls, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1, 0, 0});
        assertThatThrownBy(() -> read(xls)).isInstanceOfSatisfying(SheetRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.NOT_A_SPREADSHEET);
            assertThat(e.getMessage()).contains(".xls");
        });
        Path png = dir.resolve("image.csv");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        assertThatThrownBy(() -> read(png)).isInstanceOfSatisfying(SheetRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_SPREADSHEET));
        Path broken = dir.resolve("broken.xlsx");
        Files.write(broken, new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> read(broken)).isInstanceOfSatisfying(SheetRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT));
    }

    @Test
    void csvInTheWrongEncodingIsRefusedAndReadInTheRightOne() throws IOException {
        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, "指标编码,三级指标\nGX-1,新建学校数\n".getBytes(GB18030));

        assertThatThrownBy(() -> read(gbk)).isInstanceOfSatisfying(SheetRejectedException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.ENCODING);
            assertThat(e.row()).isEqualTo(1);
        });
        assertThat(read(gbk, GB18030, SheetLimits.DEFAULT).get(1).cells()).containsExactly("GX-1", "新建学校数");
    }

    @Test
    void limitsOnRowsColumnsCellsAndSizeHold() throws IOException {
        SheetLimits small = new SheetLimits(1 << 20, 1 << 20, 100, 10, 2, 3, 5);
        Path rows = dir.resolve("rows.csv");
        Files.writeString(rows, "h\n1\n2\n3\n");
        assertThatThrownBy(() -> read(rows, StandardCharsets.UTF_8, small)).isInstanceOfSatisfying(
                SheetRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ROWS));
        Path columns = dir.resolve("columns.csv");
        Files.writeString(columns, "a,b,c,d\n");
        assertThatThrownBy(() -> read(columns, StandardCharsets.UTF_8, small)).isInstanceOfSatisfying(
                SheetRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_COLUMNS));
        Path cell = dir.resolve("cell.csv");
        Files.writeString(cell, "abcdef\n");
        assertThatThrownBy(() -> read(cell, StandardCharsets.UTF_8, small)).isInstanceOfSatisfying(
                SheetRejectedException.class, e -> assertThat(e.column()).isEqualTo("A"));
        Path big = dir.resolve("big.csv");
        Files.write(big, new byte[(1 << 20) + 1]);
        assertThatThrownBy(() -> read(big, StandardCharsets.UTF_8, small)).isInstanceOfSatisfying(
                SheetRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        Path blankRows = dir.resolve("blank.csv");
        Files.writeString(blankRows, "h\n\n,\n1\n");
        assertThat(read(blankRows, StandardCharsets.UTF_8, small)).extracting(SheetRow::number).containsExactly(1, 4);
    }

    @Test
    void columnLettersGoPastZ() {
        assertThat(SheetReader.letters(0)).isEqualTo("A");
        assertThat(SheetReader.letters(25)).isEqualTo("Z");
        assertThat(SheetReader.letters(26)).isEqualTo("AA");
        assertThat(SheetReader.letters(701)).isEqualTo("ZZ");
    }

    /** The dimension streaming readers trust covers every cell written, not "A1" (dhatim/fastexcel#452). */
    @Test
    void anXlsxSaysTheRangeItsCellsCover() throws IOException {
        Path file = dir.resolve("dimension.xlsx");
        try (OutputStream out = Files.newOutputStream(file); SheetWriter w = SheetWriter.xlsx(out, "指标")) {
            w.row("代码", "名称", "金额");
            for (int i = 0; i < 2_500; i++) { // past two flushes of fastexcel's stream
                w.row("C" + i, "指标" + i, new BigDecimal("1.50"), null);
            }
            w.row(null, null, null, "末");
        }
        assertThat(dimensionOf(file)).isEqualTo("A1:D2502");
        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2501);
            assertThat(sheet.getRow(2501).getCell(3).getStringCellValue()).isEqualTo("末");
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }

        Path empty = dir.resolve("empty.xlsx");
        try (OutputStream out = Files.newOutputStream(empty); SheetWriter w = SheetWriter.xlsx(out, "空")) {
            w.row((Object) null);
        }
        assertThat(dimensionOf(empty)).isEqualTo("A1");
    }

    private static String dimensionOf(Path xlsx) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(xlsx.toFile())) {
            String sheet = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<dimension ref=\"([^\"]+)\"/>").matcher(sheet);
            assertThat(m.find()).as("a dimension element").isTrue();
            return m.group(1);
        }
    }
}
