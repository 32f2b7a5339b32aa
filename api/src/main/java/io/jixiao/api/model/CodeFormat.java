package io.jixiao.api.model;

import java.util.regex.Pattern;

/**
 * The lexical rules of the platform's identifier elements, in one place so that validation messages and
 * documented limits cannot drift apart.
 */
enum CodeFormat {
    MOF_DIV_CODE("[0-9]{6,9}", "6 to 9 digits"),
    AGENCY_CODE(identifier(21), "1 to 21 letters, digits, '.', '_' or '-'"),
    PRO_CODE(identifier(21), "1 to 21 letters, digits, '.', '_' or '-'"),
    BGT_ID(identifier(38), "1 to 38 letters, digits, '.', '_' or '-'"),
    PAY_APP_NO(identifier(42), "1 to 42 letters, digits, '.', '_' or '-'");

    private final Pattern pattern;
    private final String description;

    CodeFormat(String regex, String description) {
        this.pattern = Pattern.compile(regex);
        this.description = description;
    }

    private static String identifier(int maxLength) {
        return "[0-9A-Za-z][0-9A-Za-z._-]{0," + (maxLength - 1) + "}";
    }

    String check(String value) {
        return Checks.matches(name(), value, pattern, description);
    }
}
