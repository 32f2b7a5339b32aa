package io.jixiao.api.rectification;

import java.util.List;

/**
 * A page of cases, in id order.
 *
 * @param cases the cases
 * @param next the last id of this page to ask after, or {@code null} on the last page
 */
public record CasePage(List<RectificationCase> cases, Long next) {
    public CasePage {
        cases = List.copyOf(cases);
    }
}
