package io.jixiao.sheets;

/**
 * A file that cannot be taken as a whole: nothing of it may be stored. Names what is wrong and, where one cell or
 * row is to blame, where.
 */
public final class SheetRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a file is refused. */
    public enum Reason {
        /** Neither .xlsx nor CSV text (e.g. an .xls of Excel 97–2003, a PDF, an image). */
        NOT_A_SPREADSHEET,
        /** An .xlsx whose parts inflate beyond the limits: a zip bomb, or simply too big. */
        ZIP_BOMB,
        /** The file is larger than the limit. */
        TOO_LARGE,
        /** A cell holds a formula (or, in CSV, text starting with '='): imports take values only. */
        FORMULA,
        /** CSV bytes that are not text in the declared encoding. */
        ENCODING,
        /** More rows than the limit. */
        TOO_MANY_ROWS,
        /** More columns than the limit. */
        TOO_MANY_COLUMNS,
        /** A cell longer than the limit. */
        CELL_TOO_LONG,
        /** The header row is not the layout's. */
        WRONG_COLUMNS,
        /** The file is damaged or not what its first bytes say. */
        CORRUPT
    }

    private final Reason reason;
    private final int row;
    private final String column;

    /**
     * @param reason why
     * @param row the 1-based row to blame, or 0
     * @param column the column to blame (its header or letter), or {@code null}
     * @param message what is wrong, for the person who made the file
     */
    public SheetRejectedException(Reason reason, int row, String column, String message) {
        super(message);
        this.reason = reason;
        this.row = row;
        this.column = column;
    }

    /** @return why the file is refused */
    public Reason reason() {
        return reason;
    }

    /** @return the 1-based row to blame, or 0 for the whole file */
    public int row() {
        return row;
    }

    /** @return the column to blame, or {@code null} */
    public String column() {
        return column;
    }
}
