package io.jixiao.sheets;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a spreadsheet row by row with flat memory: .xlsx rows are flushed to the stream every
 * {@value #FLUSH_EVERY} rows and strings are written inline (no shared-strings table growing with the file).
 * Cells are text, numbers ({@link BigDecimal}, integers), dates ({@link LocalDate}), booleans or {@code null}.
 * Text that a spreadsheet program would take for a formula is written as text.
 */
public abstract class SheetWriter implements AutoCloseable {
    /** Rows between flushes of an .xlsx sheet. */
    public static final int FLUSH_EVERY = 1_000;

    private SheetWriter() {
    }

    /**
     * @param out where the workbook goes (not closed by this writer)
     * @param sheetName the one sheet's name
     * @return a writer of an .xlsx workbook with one sheet
     */
    public static SheetWriter xlsx(OutputStream out, String sheetName) {
        return new Xlsx(out, sheetName);
    }

    /**
     * @param out where the text goes (not closed by this writer)
     * @return a writer of RFC 4180 CSV in UTF-8 with a byte-order mark
     */
    public static SheetWriter csv(OutputStream out) {
        return new Csv(out);
    }

    /**
     * @param format the kind
     * @param out where it goes
     * @param sheetName the sheet's name (.xlsx)
     * @return a writer of that kind
     */
    public static SheetWriter of(SheetFormat format, OutputStream out, String sheetName) {
        return format == SheetFormat.XLSX ? xlsx(out, sheetName) : csv(out);
    }

    /** @param cells the next row's cells */
    public final void row(Object... cells) {
        row(Arrays.asList(cells));
    }

    /** @param cells the next row's cells */
    public abstract void row(List<?> cells);

    /** Finishes the file; the stream stays open. */
    @Override
    public abstract void close();

    /** Text that starts like a formula (=, +, -, @) gets a leading apostrophe in CSV, as OWASP advises. */
    static String safeCsvText(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /**
     * fastexcel streams a sheet and writes its {@code <dimension ref="A1"/>} before the first row, whatever the sheet
     * holds (dhatim/fastexcel#452), so readers that trust the dimension (streaming readers, openpyxl's read-only
     * mode) see one cell. The workbook is therefore written to a temporary file first and copied to the caller's
     * stream entry by entry, the sheet's dimension replaced by the range its cells cover: memory stays flat, the
     * file costs its size once on disk.
     */
    private static final class Xlsx extends SheetWriter {
        private static final String SHEET_ENTRY = "xl/worksheets/sheet1.xml";
        private static final String WRITTEN_DIMENSION = "<dimension ref=\"A1\"/>";
        /** How far into the sheet's XML the dimension is looked for; fastexcel writes it within its first 300 bytes. */
        private static final int HEADER_BYTES = 8 * 1024;

        private final OutputStream out;
        private final Path file;
        private final OutputStream fileOut;
        private final Workbook workbook;
        private final Worksheet sheet;
        private int row;
        private int firstRow = -1;
        private int lastRow = -1;
        private int firstColumn = Integer.MAX_VALUE;
        private int lastColumn = -1;

        Xlsx(OutputStream out, String sheetName) {
            this.out = out;
            try {
                file = Files.createTempFile("jixiao-sheet-", ".xlsx");
                fileOut = new BufferedOutputStream(Files.newOutputStream(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            workbook = new Workbook(new NonClosing(fileOut), "Jixiao", "1.0");
            sheet = workbook.newWorksheet(sheetName);
        }

        @Override
        public void row(List<?> cells) {
            for (int c = 0; c < cells.size(); c++) {
                Object v = cells.get(c);
                if (v == null) {
                    continue;
                } else if (v instanceof String s) {
                    sheet.inlineString(row, c, s); // always text: a leading '=' stays text in .xlsx
                } else if (v instanceof BigDecimal n) {
                    sheet.value(row, c, n);
                } else if (v instanceof Integer || v instanceof Long) {
                    sheet.value(row, c, (Number) v);
                } else if (v instanceof LocalDate d) {
                    sheet.value(row, c, d);
                    sheet.style(row, c).format("yyyy-mm-dd").set();
                } else if (v instanceof Boolean b) {
                    sheet.value(row, c, b);
                } else {
                    sheet.inlineString(row, c, v.toString());
                }
                if (firstRow < 0) {
                    firstRow = row;
                }
                lastRow = row;
                firstColumn = Math.min(firstColumn, c);
                lastColumn = Math.max(lastColumn, c);
            }
            row++;
            if (row % FLUSH_EVERY == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        /** @return the range the written cells cover, as the sheet's dimension says it ("A1" when there are none) */
        String dimension() {
            if (lastRow < 0) {
                return "A1";
            }
            String first = SheetReader.letters(firstColumn) + (firstRow + 1);
            String last = SheetReader.letters(lastColumn) + (lastRow + 1);
            return first.equals(last) ? first : first + ":" + last;
        }

        @Override
        public void close() {
            try {
                sheet.finish();
                workbook.finish();
                fileOut.close();
                copyWithDimension();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }

        private void copyWithDimension() throws IOException {
            ZipOutputStream zip = new ZipOutputStream(new NonClosing(out));
            try (ZipFile written = new ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(written.entries())) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream in = written.getInputStream(entry)) {
                        if (entry.getName().equals(SHEET_ENTRY)) {
                            byte[] head = in.readNBytes(HEADER_BYTES);
                            String text = new String(head, StandardCharsets.ISO_8859_1);
                            int at = text.indexOf(WRITTEN_DIMENSION);
                            if (at < 0) {
                                throw new IOException("the sheet's dimension was not where fastexcel writes it");
                            }
                            zip.write(head, 0, at);
                            zip.write(("<dimension ref=\"" + dimension() + "\"/>").getBytes(StandardCharsets.US_ASCII));
                            int after = at + WRITTEN_DIMENSION.length();
                            zip.write(head, after, head.length - after);
                        }
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
            zip.finish();
            zip.flush();
        }
    }

    private static final class Csv extends SheetWriter {
        private final Writer text;
        private final ICSVWriter csv;

        Csv(OutputStream out) {
            text = new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8);
            try {
                text.write('\uFEFF');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            csv = new CSVWriter(text, ICSVWriter.DEFAULT_SEPARATOR, ICSVWriter.DEFAULT_QUOTE_CHARACTER,
                    ICSVWriter.DEFAULT_QUOTE_CHARACTER, "\r\n");
        }

        @Override
        public void row(List<?> cells) {
            String[] fields = new String[cells.size()];
            for (int c = 0; c < fields.length; c++) {
                Object v = cells.get(c);
                fields[c] = v == null ? "" : v instanceof String s ? safeCsvText(s)
                        : v instanceof BigDecimal n ? n.toPlainString()
                        : v instanceof Boolean b ? (b ? "TRUE" : "FALSE") : v.toString();
            }
            csv.writeNext(fields, false);
        }

        @Override
        public void close() {
            try {
                csv.flush();
                text.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Leaves the caller's stream open when the library closes what it wraps. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
