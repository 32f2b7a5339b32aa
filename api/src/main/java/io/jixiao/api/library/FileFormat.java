package io.jixiao.api.library;

/** The spreadsheet kinds imports take and exports write. */
public enum FileFormat {
    /** Office Open XML workbook (.xlsx), first sheet. */
    XLSX,
    /** RFC 4180 comma-separated text, UTF-8 (exports carry a byte-order mark). */
    CSV
}
