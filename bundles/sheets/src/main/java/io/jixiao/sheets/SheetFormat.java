package io.jixiao.sheets;

/** The spreadsheet kinds Jixiao reads and writes. */
public enum SheetFormat {
    /** Office Open XML workbook (.xlsx); the first sheet is read. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    /** RFC 4180 comma-separated text; written as UTF-8 with a byte-order mark so that Excel shows Chinese. */
    CSV("text/csv; charset=UTF-8", ".csv");

    private final String mediaType;
    private final String extension;

    SheetFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** @return the HTTP media type of a file of this kind */
    public String mediaType() {
        return mediaType;
    }

    /** @return the file name extension, with its dot */
    public String extension() {
        return extension;
    }
}
