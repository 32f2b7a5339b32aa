package io.jixiao.api.monitoring;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A request to run a monitoring round on demand (临时监控).
 *
 * @param mofDivCode the fiscal region
 * @param fiscalYear the budget year
 * @param cutOff the last day of the data to judge, within the year
 * @param due the day units' reports were due, or {@code null}: the scheduled round with this cut-off sets it, and
 *        without one no report counts as overdue
 */
public record RoundRequest(MofDivCode mofDivCode, FiscalYear fiscalYear, LocalDate cutOff, LocalDate due) {
    public RoundRequest {
        Objects.requireNonNull(mofDivCode, "mofDivCode");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        checkCutOff(cutOff, fiscalYear);
        if (due != null && due.isBefore(cutOff)) {
            throw InvalidInputException.of("DUE", "order", "must not come before CUT_OFF");
        }
    }

    /**
     * The check every cut-off gets (a round's, a report's, a form's).
     *
     * @param cutOff a cut-off day
     * @param fiscalYear the budget year it belongs to
     * @throws InvalidInputException if it is missing or outside the year
     */
    public static void checkCutOff(LocalDate cutOff, FiscalYear fiscalYear) {
        if (cutOff == null) {
            throw InvalidInputException.of("CUT_OFF", "required", "is required (yyyy-MM-dd)");
        }
        if (cutOff.getYear() != fiscalYear.value()) {
            throw InvalidInputException.of("CUT_OFF", "year", "must lie in FISCAL_YEAR " + fiscalYear.value());
        }
    }
}
