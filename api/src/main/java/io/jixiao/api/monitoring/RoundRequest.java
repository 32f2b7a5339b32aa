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

    /**
     * Builds a round's request from the fields of a remote request ({@code MOF_DIV_CODE}, {@code FISCAL_YEAR},
     * {@code CUT_OFF}, {@code DUE}); the days come parsed, each contract having its own date syntax.
     *
     * @param v collects every broken rule
     * @param cutOff the cut-off day, or {@code null} when the request has none
     * @param due when units' reports are due, or {@code null}
     * @return the request, or {@code null} if a rule was broken
     * @since 2.0.0
     */
    public static RoundRequest from(io.jixiao.api.model.Violations v, String mofDivCode, Integer fiscalYear,
            LocalDate cutOff, LocalDate due) {
        int before = v.count();
        MofDivCode region = v.check(() -> MofDivCode.of(mofDivCode));
        FiscalYear year = FiscalYear.from(v, fiscalYear);
        if (cutOff == null) {
            v.add("CUT_OFF", "required", "is required (yyyy-MM-dd)");
        }
        if (v.count() > before) {
            return null;
        }
        return v.check(() -> new RoundRequest(region, year, cutOff, due));
    }
}
