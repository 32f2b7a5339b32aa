package io.jixiao.api.library;

import java.util.List;

/**
 * One page of a library search.
 *
 * @param total how many entries match the search
 * @param entries this page's entries, in code order
 * @param nextAfter the code to continue after, or {@code null} on the last page
 */
public record LibraryPage(long total, List<LibraryEntry> entries, String nextAfter) {
    public LibraryPage {
        entries = List.copyOf(entries);
    }
}
