package io.jixiao.api.library;

/**
 * A row the import did not take, or the reason a whole file was refused (row 0).
 *
 * @param row the row number in the file, as a spreadsheet program shows it (0: the whole file)
 * @param column the column's header, or {@code ""}
 * @param reason what is wrong
 */
public record ImportProblem(int row, String column, String reason) {
}
