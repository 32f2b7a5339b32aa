package io.jixiao.sheets;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.CSVParserBuilder;
import com.opencsv.ICSVParser;
import com.opencsv.exceptions.CsvException;
import io.jixiao.sheets.SheetRejectedException.Reason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads a spreadsheet row by row, never holding more than a row (and, for .xlsx, the file's shared strings), after
 * checking that the file is what it claims and within the limits. A file that fails a check is refused whole with
 * a {@link SheetRejectedException}; a row the caller does not like is the caller's to report.
 */
public final class SheetReader {
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    /** Parts smaller than this are not judged by their ratio (a tiny XML part compresses very well). */
    private static final long RATIO_FROM_BYTES = 1L << 20;

    private SheetReader() {
    }

    /**
     * @param file the file
     * @return what its first bytes say it is: .xlsx (a zip), else CSV text
     * @throws SheetRejectedException NOT_A_SPREADSHEET for an .xls of Excel 97–2003 or a file that is binary
     */
    public static SheetFormat detect(Path file) {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (startsWith(head, n, ZIP)) {
            return SheetFormat.XLSX;
        }
        if (startsWith(head, n, OLE2)) {
            throw new SheetRejectedException(Reason.NOT_A_SPREADSHEET, 0, null,
                    "an Excel 97–2003 (.xls) file: save it as .xlsx (Excel Workbook) or CSV and upload it again");
        }
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                throw new SheetRejectedException(Reason.NOT_A_SPREADSHEET, 0, null,
                        "neither an .xlsx workbook nor CSV text");
            }
        }
        return SheetFormat.CSV;
    }

    /**
     * Reads every row of the file (of an .xlsx, its first sheet), the header row included, skipping rows that are
     * entirely empty.
     *
     * @param file the file
     * @param csvCharset the encoding of a CSV file (UTF-8, with or without a byte-order mark, or GB18030 as Excel
     *        on Chinese Windows saves); ignored for .xlsx
     * @param limits what the file may be
     * @param each receives every row in order
     * @return the file's kind
     * @throws SheetRejectedException if the file must be refused whole; rows already handed on are then void
     */
    public static SheetFormat read(Path file, Charset csvCharset, SheetLimits limits, Consumer<SheetRow> each) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size > limits.maxFileBytes()) {
            throw new SheetRejectedException(Reason.TOO_LARGE, 0, null,
                    "the file has " + size + " bytes; at most " + limits.maxFileBytes() + " are taken");
        }
        SheetFormat format = detect(file);
        if (format == SheetFormat.XLSX) {
            inflatesWithinLimits(file, size, limits);
            readXlsx(file, limits, each);
        } else {
            readCsv(file, csvCharset, limits, each);
        }
        return format;
    }

    private static boolean startsWith(byte[] head, int n, byte[] magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Inflates every part once, counting, before the workbook reader trusts the archive. */
    static void inflatesWithinLimits(Path file, long fileSize, SheetLimits limits) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int parts = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                if (++parts > limits.maxParts()) {
                    throw new SheetRejectedException(Reason.ZIP_BOMB, 0, null,
                            "the workbook has more than " + limits.maxParts() + " parts");
                }
                long compressed = Math.min(Math.max(entry.getCompressedSize(), 1), fileSize);
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        inflated += n;
                        total += n;
                        if (inflated > RATIO_FROM_BYTES && inflated > compressed * limits.maxRatio()) {
                            throw new SheetRejectedException(Reason.ZIP_BOMB, 0, null, "part " + entry.getName()
                                    + " inflates more than " + limits.maxRatio() + " times its size: a zip bomb");
                        }
                        if (total > limits.maxInflatedBytes()) {
                            throw new SheetRejectedException(Reason.ZIP_BOMB, 0, null, "the workbook inflates to "
                                    + "more than " + limits.maxInflatedBytes() + " bytes");
                        }
                    }
                }
            }
        } catch (ZipException e) {
            throw new SheetRejectedException(Reason.CORRUPT, 0, null, "a damaged .xlsx (zip) file: " + e.getMessage());
        } catch (IOException e) {
            throw new SheetRejectedException(Reason.CORRUPT, 0, null, "a damaged .xlsx file: " + e.getMessage());
        }
    }

    private static void readXlsx(Path file, SheetLimits limits, Consumer<SheetRow> each) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            int count = 0;
            for (Iterator<Row> it = rows.iterator(); it.hasNext();) {
                Row row = it.next();
                if (row.getCellCount() > limits.maxColumns()) {
                    throw new SheetRejectedException(Reason.TOO_MANY_COLUMNS, row.getRowNum(), null,
                            "more than " + limits.maxColumns() + " columns");
                }
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int c = 0; c < row.getCellCount(); c++) {
                    cells.add(text(row.getRowNum(), c, row.getCell(c), limits));
                }
                SheetRow read = new SheetRow(row.getRowNum(), cells);
                if (read.blank()) {
                    continue;
                }
                if (++count > limits.maxRows() + 1) {
                    throw new SheetRejectedException(Reason.TOO_MANY_ROWS, row.getRowNum(), null,
                            "more than " + limits.maxRows() + " rows");
                }
                each.accept(read);
            }
        } catch (SheetRejectedException e) {
            throw e;
        } catch (IOException | UncheckedIOException e) {
            throw new SheetRejectedException(Reason.CORRUPT, 0, null, "a damaged .xlsx file: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e.getClass().getName().startsWith("org.dhatim")) {
                throw new SheetRejectedException(Reason.CORRUPT, 0, null, "a damaged .xlsx file: " + e.getMessage());
            }
            throw e;
        }
    }

    private static String text(int row, int column, Cell cell, SheetLimits limits) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        String text = switch (cell.getType()) {
            case FORMULA, ERROR -> throw new SheetRejectedException(Reason.FORMULA, row, letters(column),
                    "cell " + letters(column) + row + " holds a formula (" + cell.getFormula() + "): imports take "
                            + "values only; paste the values (选择性粘贴 → 数值) and upload again");
            case NUMBER -> number(cell);
            case BOOLEAN -> Boolean.TRUE.equals(cell.asBoolean()) ? "TRUE" : "FALSE";
            default -> cell.getText();
        };
        if (text.length() > limits.maxCellChars()) {
            throw new SheetRejectedException(Reason.CELL_TOO_LONG, row, letters(column), "cell " + letters(column)
                    + row + " has more than " + limits.maxCellChars() + " characters");
        }
        return text;
    }

    private static String number(Cell cell) {
        if (isDate(cell.getDataFormatId(), cell.getDataFormatString())) {
            LocalDateTime at = cell.asDate();
            return at.toLocalTime().toSecondOfDay() == 0 ? at.toLocalDate().toString() : at.toString();
        }
        BigDecimal n = cell.asNumber();
        return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
    }

    /** Excel's built-in date formats (14–22, 45–47) and custom formats with day, month-and-year or hour parts. */
    static boolean isDate(Integer formatId, String format) {
        if (formatId != null && (formatId >= 14 && formatId <= 22 || formatId >= 45 && formatId <= 47)) {
            return true;
        }
        if (format == null) {
            return false;
        }
        String bare = format.replaceAll("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.", "").toLowerCase(java.util.Locale.ROOT);
        return bare.contains("y") || bare.contains("d") || bare.contains("h") || bare.contains("年")
                || bare.contains("日");
    }

    /** @return the column's letters, A for 0 */
    static String letters(int column) {
        StringBuilder s = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            s.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return s.toString();
    }

    private static void readCsv(Path file, Charset charset, SheetLimits limits, Consumer<SheetRow> each) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int record = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
                CSVReader csv = new CSVReaderBuilder(new InputStreamReader(withoutBom(raw), decoder))
                        // opencsv's RFC4180Parser ends the file at a blank line; CSVParser without its backslash
                        // escape reads RFC 4180 (doubled quotes, quoted commas and line breaks) and blank lines
                        .withCSVParser(new CSVParserBuilder().withEscapeChar(ICSVParser.NULL_CHARACTER).build())
                        .withMultilineLimit(50).build()) {
            int count = 0;
            for (String[] fields = next(csv, record + 1); fields != null; fields = next(csv, record + 1)) {
                record++;
                if (fields.length > limits.maxColumns()) {
                    throw new SheetRejectedException(Reason.TOO_MANY_COLUMNS, record, null,
                            "more than " + limits.maxColumns() + " columns");
                }
                List<String> cells = new ArrayList<>(fields.length);
                for (int c = 0; c < fields.length; c++) {
                    String value = fields[c];
                    if (value.length() > limits.maxCellChars()) {
                        throw new SheetRejectedException(Reason.CELL_TOO_LONG, record, letters(c), "cell "
                                + letters(c) + record + " has more than " + limits.maxCellChars() + " characters");
                    }
                    if (value.startsWith("=")) {
                        throw new SheetRejectedException(Reason.FORMULA, record, letters(c), "cell " + letters(c)
                                + record + " starts with '=': a formula; imports take values only");
                    }
                    cells.add(value);
                }
                SheetRow row = new SheetRow(record, cells);
                if (row.blank()) {
                    continue;
                }
                if (++count > limits.maxRows() + 1) {
                    throw new SheetRejectedException(Reason.TOO_MANY_ROWS, record, null,
                            "more than " + limits.maxRows() + " rows");
                }
                each.accept(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] next(CSVReader csv, int record) throws IOException {
        try {
            return csv.readNext();
        } catch (CsvException e) {
            throw new SheetRejectedException(Reason.CORRUPT, record, null, "row " + record + " is not CSV: "
                    + e.getMessage());
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CharacterCodingException) {
                    throw new SheetRejectedException(Reason.ENCODING, record, null, "row " + record
                            + " is not text in the declared encoding (UTF-8 unless told GB18030): save the file "
                            + "as \"CSV UTF-8\" and upload it again");
                }
            }
            throw e;
        }
    }

    private static InputStream withoutBom(InputStream in) throws IOException {
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (bom.length < 3 || bom[0] != (byte) 0xEF || bom[1] != (byte) 0xBB || bom[2] != (byte) 0xBF) {
            in.reset();
        }
        return in;
    }
}
