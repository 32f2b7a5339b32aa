package io.jixiao.sheets;

/**
 * What an uploaded file may be, at most.
 *
 * @param maxFileBytes the file's size
 * @param maxInflatedBytes what all parts of an .xlsx inflate to, together
 * @param maxRatio how many times its compressed size one .xlsx part may inflate to (a zip bomb inflates
 *        thousands of times; real sheets 5–30)
 * @param maxParts how many parts an .xlsx may have
 * @param maxRows data rows (the header not counted)
 * @param maxColumns columns
 * @param maxCellChars characters in one cell
 */
public record SheetLimits(long maxFileBytes, long maxInflatedBytes, int maxRatio, int maxParts, int maxRows,
        int maxColumns, int maxCellChars) {
    /** Enough for a province's indicator library (several hundred thousand rows), bounded for safety. */
    public static final SheetLimits DEFAULT = new SheetLimits(64L << 20, 1L << 30, 200, 1_000, 1_000_000, 100, 4_000);

    public SheetLimits {
        if (maxFileBytes < 1 || maxInflatedBytes < 1 || maxRatio < 1 || maxParts < 1 || maxRows < 1
                || maxColumns < 1 || maxCellChars < 1) {
            throw new IllegalArgumentException("every limit is at least 1");
        }
    }
}
