package io.jixiao.api.monitoring;

import io.jixiao.api.model.InvalidInputException;

/**
 * A unit's report on one performance indicator of the project's goal.
 *
 * @param name the indicator as the goal names it ({@code KPI_CONTENT})
 * @param valueToDate the value reached by the cut-off ({@code KPI_VAL_TODATE}), as text like the target
 * @param forecast the full-year forecast
 * @param deviationReason why it deviates; required unless it will complete
 * @param measure the corrective measure; required unless it will complete
 */
public record IndicatorProgress(String name, String valueToDate, Forecast forecast, String deviationReason,
        String measure) {
    /** The longest text a report field takes. */
    public static final int MAX_TEXT = 500;

    public IndicatorProgress {
        name = text("KPI_CONTENT", name, true);
        valueToDate = text("KPI_VAL_TODATE", valueToDate, true);
        if (forecast == null) {
            throw InvalidInputException.of("FORECAST", "required",
                    "is required (WILL_COMPLETE, DEVIATING_CAN_COMPLETE or CANNOT_COMPLETE)");
        }
        boolean deviates = forecast != Forecast.WILL_COMPLETE;
        deviationReason = text("DEVIATION_REASON", deviationReason, deviates);
        measure = text("MEASURE", measure, deviates);
    }

    private static String text(String field, String value, boolean required) {
        String v = value == null ? "" : value.strip();
        if (required && v.isEmpty()) {
            throw InvalidInputException.of(field, "required", "is required");
        }
        if (v.length() > MAX_TEXT) {
            throw InvalidInputException.of(field, "length", "is at most " + MAX_TEXT + " characters");
        }
        return v;
    }

    /**
     * Builds one indicator's progress from the fields of a remote request ({@code KPI_CONTENT},
     * {@code KPI_VAL_TODATE}, {@code FORECAST}, {@code DEVIATION_REASON}, {@code MEASURE}).
     *
     * @param v collects every broken rule
     * @return the progress, or {@code null} if a rule was broken
     * @since 2.0.0
     */
    public static IndicatorProgress from(io.jixiao.api.model.Violations v, String name, String valueToDate,
            String forecast, String deviationReason, String measure) {
        Forecast f = v.oneOf("FORECAST", forecast, Forecast.class);
        return f == null ? null : v.check(() -> new IndicatorProgress(name, valueToDate, f, deviationReason, measure));
    }
}
