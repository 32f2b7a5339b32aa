package io.jixiao.api.model;

/**
 * Fiscal region code 财政区划代码 ({@code MOF_DIV_CODE}): 6 to 9 digits, e.g. {@code 440106000}. The parent region is configuration, never derived from the digits.
 *
 * @param value the code
 * @throws InvalidInputException if the value is missing or malformed
 */
public record MofDivCode(String value) {
    public static final String FIELD = "MOF_DIV_CODE";

    public MofDivCode {
        CodeFormat.MOF_DIV_CODE.check(value);
    }

    public static MofDivCode of(String value) {
        return new MofDivCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
