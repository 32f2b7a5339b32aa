package io.jixiao.api.model;

/**
 * Budget line id 指标 (budget authority, not a performance indicator) ({@code BGT_ID}): at most 38 characters.
 *
 * @param value the code
 * @throws InvalidInputException if the value is missing or malformed
 */
public record BgtId(String value) {
    public static final String FIELD = "BGT_ID";

    public BgtId {
        CodeFormat.BGT_ID.check(value);
    }

    public static BgtId of(String value) {
        return new BgtId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
