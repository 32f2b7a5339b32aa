package io.jixiao.rules.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** How a rule's value is read, the same for every family of keys: each refusal names the key. */
public final class Values {
    /** 100: the most points, percent or weight a rule takes. */
    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Values() {
    }

    /** @return the key's value, trimmed, or {@code null} when absent or blank */
    public static String value(Map<String, String> rules, String key) {
        String raw = rules.get(key);
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    /** @return the constant the value names */
    public static <E extends Enum<E>> E constant(Class<E> type, String key, String raw) {
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " names no " + type.getSimpleName() + " '" + raw + "' (one of "
                    + List.of(type.getEnumConstants()) + ")");
        }
    }

    /** @return points from 0 to 100 */
    public static BigDecimal points(String key, String raw) {
        try {
            BigDecimal value = new BigDecimal(raw);
            if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException(key + " must be points between 0 and 100, got " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number of points, got '" + raw + "'");
        }
    }

    /** @return a number from 0 to {@code max} */
    public static BigDecimal number(String key, String raw, BigDecimal max) {
        try {
            BigDecimal value = new BigDecimal(raw);
            if (value.signum() < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(key + " must be between 0 and " + max + ", got " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + raw + "'");
        }
    }

    /** @return a percentage from 0 to 100 with at most 2 decimals */
    public static BigDecimal percent(String key, String raw) {
        try {
            BigDecimal value = new BigDecimal(raw);
            if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException(key + " takes percentages from 0 to 100, got " + raw);
            }
            if (value.stripTrailingZeros().scale() > 2) {
                // the adjustment stores its cut with 2 decimals: the change must come from the same figure
                throw new IllegalArgumentException(key + " takes percentages with at most 2 decimals, got " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " takes percentages such as 10, got '" + raw + "'");
        }
    }

    /** @return a whole number */
    public static int whole(String key, String raw, String what) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of " + what + ", got '" + raw + "'");
        }
    }

    /** @return {@code true} or {@code false}, {@code null} when absent */
    public static Boolean flag(String key, String raw) {
        if (raw == null) {
            return null;
        }
        if (!raw.equals("true") && !raw.equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false, got '" + raw + "'");
        }
        return Boolean.valueOf(raw);
    }
}
