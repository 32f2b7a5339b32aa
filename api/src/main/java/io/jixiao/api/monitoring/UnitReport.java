package io.jixiao.api.monitoring;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A unit's monitoring report for a project and a cut-off day (绩效监控情况表): each goal indicator's value to date
 * and forecast. A later report for the same project and cut-off replaces the earlier one.
 *
 * @param mofDivCode the fiscal region
 * @param fiscalYear the budget year
 * @param cutOff the cut-off day of the round it reports for
 * @param proCode the project
 * @param indicators one entry per indicator of the goal in force
 * @param submittedBy who submitted it (set by the service)
 * @param submittedAt when (set by the service)
 * @param late whether it came after the due day (set by the service)
 */
public record UnitReport(MofDivCode mofDivCode, FiscalYear fiscalYear, LocalDate cutOff, ProCode proCode,
        List<IndicatorProgress> indicators, String submittedBy, Instant submittedAt, boolean late) {
    /** The most indicators one report carries. */
    public static final int MAX_INDICATORS = 200;

    public UnitReport {
        Objects.requireNonNull(mofDivCode, "mofDivCode");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        RoundRequest.checkCutOff(cutOff, fiscalYear);
        Objects.requireNonNull(proCode, "proCode");
        if (indicators == null || indicators.isEmpty()) {
            throw InvalidInputException.of("INDICATORS", "required", "lists at least one indicator");
        }
        if (indicators.size() > MAX_INDICATORS) {
            throw InvalidInputException.of("INDICATORS", "size", "lists at most " + MAX_INDICATORS + " indicators");
        }
        indicators = List.copyOf(indicators);
    }

    /** @return the worst forecast reported */
    public Forecast worst() {
        Forecast worst = Forecast.WILL_COMPLETE;
        for (IndicatorProgress p : indicators) {
            if (p.forecast().ordinal() > worst.ordinal()) {
                worst = p.forecast();
            }
        }
        return worst;
    }
}
