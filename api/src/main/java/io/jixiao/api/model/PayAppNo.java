package io.jixiao.api.model;

/**
 * Payment application number 支付申请编号 ({@code PAY_APP_NO}): unique with {@code FISCAL_YEAR} and {@code MOF_DIV_CODE}; at most 42 characters.
 *
 * @param value the code
 * @throws InvalidInputException if the value is missing or malformed
 */
public record PayAppNo(String value) {
    public static final String FIELD = "PAY_APP_NO";

    public PayAppNo {
        CodeFormat.PAY_APP_NO.check(value);
    }

    public static PayAppNo of(String value) {
        return new PayAppNo(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
