package io.jixiao.api.model;

/**
 * The lexical rules of the platform's identifier elements, in one place so that validation messages and
 * documented limits cannot drift apart. Every payment check validates several codes, so the rules are a scan of
 * the characters rather than a regular expression: {@code [0-9]{min,max}} for digit codes, and
 * {@code [0-9A-Za-z][0-9A-Za-z._-]{0,max-1}} for identifiers (ASCII only).
 */
enum CodeFormat {
    MOF_DIV_CODE(6, 9, true, "6 to 9 digits"),
    AGENCY_CODE(1, 21, false, "1 to 21 letters, digits, '.', '_' or '-'"),
    PRO_CODE(1, 21, false, "1 to 21 letters, digits, '.', '_' or '-'"),
    BGT_ID(1, 38, false, "1 to 38 letters, digits, '.', '_' or '-'"),
    PAY_APP_NO(1, 42, false, "1 to 42 letters, digits, '.', '_' or '-'");

    private final int minLength;
    private final int maxLength;
    private final boolean digitsOnly;
    private final String description;

    CodeFormat(int minLength, int maxLength, boolean digitsOnly, String description) {
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.digitsOnly = digitsOnly;
        this.description = description;
    }

    String check(String value) {
        String v = Checks.required(name(), value);
        if (!accepts(v)) {
            throw Checks.patternViolation(name(), v, description);
        }
        return v;
    }

    /** Whether the value has this format; never null. */
    boolean accepts(String v) {
        int n = v.length();
        if (n < minLength || n > maxLength) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            boolean alphanumeric = c >= '0' && c <= '9'
                    || !digitsOnly && (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z');
            if (!alphanumeric && (digitsOnly || i == 0 || c != '.' && c != '_' && c != '-')) {
                return false;
            }
        }
        return true;
    }
}
