package io.jixiao.api.model;

/**
 * Agency (budget unit) code 单位代码 ({@code AGENCY_CODE}): at most 21 characters.
 *
 * @param value the code
 * @throws InvalidInputException if the value is missing or malformed
 */
public record AgencyCode(String value) {
    public static final String FIELD = "AGENCY_CODE";

    public AgencyCode {
        CodeFormat.AGENCY_CODE.check(value);
    }

    public static AgencyCode of(String value) {
        return new AgencyCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
