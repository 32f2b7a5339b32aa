package io.jixiao.sheets;

import java.util.List;

/**
 * One row as read: its number in the file (1-based, as a spreadsheet program shows it) and its cells as text —
 * numbers in plain notation ({@code 12000}, {@code 0.5}), dates as ISO dates ({@code 2026-01-31}), booleans as
 * {@code TRUE}/{@code FALSE}, empty cells as {@code ""}.
 *
 * @param number the row number in the file
 * @param cells the cells, left to right
 */
public record SheetRow(int number, List<String> cells) {
    public SheetRow {
        cells = List.copyOf(cells);
    }

    /**
     * @param column 0-based
     * @return the cell's text, {@code ""} beyond the row's last cell
     */
    public String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }

    /** @return whether every cell is blank */
    public boolean blank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
