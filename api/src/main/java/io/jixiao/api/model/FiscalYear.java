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

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
