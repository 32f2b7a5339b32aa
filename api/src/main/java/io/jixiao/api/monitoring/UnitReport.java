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
     * Reads one indicator's progress of a report, in whatever shape the adapter received it.
     *
     * @param <T> the adapter's shape of an indicator's progress
     * @since 1.1.0
     */
    @FunctionalInterface
    public interface ProgressReader<T> {
        /**
         * @param v collects the indicator's broken rules, named from the indicator
         * @param raw the indicator's progress as received, not {@code null}
         * @return its progress, through {@link IndicatorProgress#from}
         */
        IndicatorProgress read(Violations v, T raw);
    }

    /**
     * Builds a unit's report from the fields of a remote request, in the platform's element names
     * ({@code MOF_DIV_CODE}, {@code FISCAL_YEAR}, {@code CUT_OFF}, {@code PRO_CODE} and the indicators' list:
     * {@code INDICATORS} in JSON, {@code INDICATOR} (repeated) in XML); the cut-off comes parsed, each contract
     * having its own date syntax.
     *
     * @param v collects every broken rule
     * @param cutOff the cut-off day, or {@code null} when the request has none
     * @param listField the indicators' list as the contract names it
     * @param indicators the indicators as received; {@code null} when the list is missing
     * @param reader turns one received indicator into its progress
     * @return the report, not yet submitted, or {@code null} if a rule was broken
     * @since 1.1.0
     */
    public static <T> UnitReport from(Violations v, String mofDivCode, Integer fiscalYear, LocalDate cutOff,
            String proCode, String listField, List<T> indicators, ProgressReader<T> reader) {
        int before = v.count();
        MofDivCode region = v.check(() -> MofDivCode.of(mofDivCode));
        FiscalYear year = null;
        if (fiscalYear == null) {
            v.add(FiscalYear.FIELD, "required", "is required");
        } else {
            year = v.check(() -> FiscalYear.of(fiscalYear));
        }
        ProCode project = v.check(() -> ProCode.of(proCode));
        List<IndicatorProgress> progress = new java.util.ArrayList<>();
        if (indicators == null || indicators.isEmpty()) {
            v.add(listField, "required", "lists at least one indicator");
        } else if (indicators.size() > MAX_INDICATORS) {
            v.add(listField, "size", "lists at most " + MAX_INDICATORS + " indicators");
        } else {
            for (int i = 0; i < indicators.size(); i++) {
                T raw = indicators.get(i);
                if (raw == null) {
                    v.add(listField + "[" + i + "]", "required", "is required");
                    continue;
                }
                IndicatorProgress p = v.within(listField + "[" + i + "].", x -> reader.read(x, raw));
                if (p != null) {
                    progress.add(p);
                }
            }
        }
        if (cutOff == null) {
            v.add("CUT_OFF", "required", "is required (yyyy-MM-dd)");
        }
        if (v.count() > before) {
            return null;
        }
        FiscalYear y = year;
        return v.check(() -> new UnitReport(region, y, cutOff, project, progress, null, null, false));
    }
}
