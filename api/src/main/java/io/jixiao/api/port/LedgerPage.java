package io.jixiao.api.port;

import java.util.List;

/**
 * A page of the host's ledger.
 *
 * @param lines the budget lines, ordered by project code then budget line
 * @param next the token that continues after this page, {@code null} after the last page
 * @param total how many lines the whole ledger holds for the region and year, or -1 if the host does not say
 */
public record LedgerPage(List<LedgerLine> lines, String next, long total) {
    public LedgerPage {
        lines = List.copyOf(lines);
        if (next != null && next.isBlank()) {
            next = null;
        }
    }
}
