package io.jixiao.api.model;

/**
 * Budget year 预算年度 ({@code FISCAL_YEAR}), four digits between 2000 and 2099.
 *
 * @param value the year
 */
public record FiscalYear(int value) {
    public static final String FIELD = "FISCAL_YEAR";

    public FiscalYear {
        if (value < 2000 || value > 2099) {
            throw InvalidInputException.of(FIELD, "range", "must be a year from 2000 to 2099, got " + value);
        }
    }

    public static FiscalYear of(int value) {
        return new FiscalYear(value);
    }

    /**
     * Reads the year of a remote request, where it may be missing.
     *
     * @param v collects the broken rule: {@code required} when missing, {@code range} when outside 2000–2099
     * @param value the year as received, or {@code null}
     * @return the year, or {@code null} if missing or broken
     * @since 1.4.0
     */
    public static FiscalYear from(Violations v, Integer value) {
        if (value == null) {
            v.add(FIELD, "required", "is required");
            return null;
        }
        return v.check(() -> of(value));
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
