package io.jixiao.api.model;

/**
 * Project code 项目代码 ({@code PRO_CODE}): at most 21 characters.
 *
 * @param value the code
 * @throws InvalidInputException if the value is missing or malformed
 */
public record ProCode(String value) {
    public static final String FIELD = "PRO_CODE";

    public ProCode {
        CodeFormat.PRO_CODE.check(value);
    }

    public static ProCode of(String value) {
        return new ProCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
