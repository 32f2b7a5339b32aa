package io.jixiao.api.monitoring;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Violations;
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

    /**
     * The indicators' list.
     *
     * @since 2.0.0
     */
    public static final String INDICATORS = "INDICATORS";

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

    /**
     * Builds a unit's report from the fields of a remote request, in the platform's element names
     * ({@code MOF_DIV_CODE}, {@code FISCAL_YEAR}, {@code CUT_OFF}, {@code PRO_CODE}, {@code INDICATORS}: in SOAP's
     * names {@code INDICATOR}, docs/api.md); the cut-off comes parsed, each contract having its own date syntax.
     *
     * @param v collects every broken rule
     * @param cutOff the cut-off day, or {@code null} when the request has none
     * @param indicators the indicators as received; {@code null} when the list is missing
     * @param reader turns one received indicator into its progress ({@link IndicatorProgress#from})
     * @return the report, not yet submitted, or {@code null} if a rule was broken
     * @since 2.0.0
     */
    public static <T> UnitReport from(Violations v, String mofDivCode, Integer fiscalYear, LocalDate cutOff,
            String proCode, List<T> indicators,
            java.util.function.BiFunction<Violations, T, IndicatorProgress> reader) {
        int before = v.count();
        MofDivCode region = v.check(() -> MofDivCode.of(mofDivCode));
        FiscalYear year = FiscalYear.from(v, fiscalYear);
        ProCode project = v.check(() -> ProCode.of(proCode));
        List<IndicatorProgress> progress = List.of();
        if (indicators == null || indicators.isEmpty()) {
            v.add(INDICATORS, "required", "lists at least one indicator");
        } else if (indicators.size() > MAX_INDICATORS) {
            v.add(INDICATORS, "size", "lists at most " + MAX_INDICATORS + " indicators");
        } else {
            progress = v.each(INDICATORS, indicators, reader);
        }
        if (cutOff == null) {
            v.add("CUT_OFF", "required", "is required (yyyy-MM-dd)");
        }
        if (v.count() > before) {
            return null;
        }
        List<IndicatorProgress> read = progress;
        return v.check(() -> new UnitReport(region, year, cutOff, project, read, null, null, false));
    }
}
