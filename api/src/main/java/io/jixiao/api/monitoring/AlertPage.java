package io.jixiao.api.monitoring;

import java.util.List;

/**
 * A page of a round's results.
 *
 * @param alerts the results, by id
 * @param next the id to continue after, or {@code null} after the last page
 */
public record AlertPage(List<Alert> alerts, Long next) {
    public AlertPage {
        alerts = List.copyOf(alerts);
    }
}
