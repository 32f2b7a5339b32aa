package io.jixiao.api.model;

/** Validation shared by the value types; every failure names the element and the rule. */
final class Checks {
    private Checks() {
    }

    static InvalidInputException patternViolation(String field, String value, String description) {
        return InvalidInputException.of(field, "pattern", "must be " + description + ", got '" + abbreviate(value) + "'");
    }

    static String text(String field, String value, int maxLength) {
        String v = required(field, value);
        if (v.isBlank()) {
            throw InvalidInputException.of(field, "required", "must not be blank");
        }
        if (v.length() > maxLength) {
            throw InvalidInputException.of(field, "max-length", "must be at most " + maxLength + " characters");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw InvalidInputException.of(field, "characters", "must not contain control characters");
            }
        }
        return v;
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw InvalidInputException.of(field, "required", "is required");
        }
        return value;
    }

    private static String abbreviate(String v) {
        return v.length() <= 40 ? v : v.substring(0, 40) + "…";
    }
}
