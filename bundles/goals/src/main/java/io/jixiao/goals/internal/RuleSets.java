package io.jixiao.goals.internal;

import java.util.HashMap;
import java.util.Map;

/** Reads a rule set from its configuration (a Config Admin dictionary or a {@code .cfg} file's properties). */
final class RuleSets {
    private RuleSets() {
    }

    /**
     * @param properties {@code region}, {@code fromYear}, {@code revision}, then rule keys and their
     *        {@code source.} lines; other framework properties ({@code service.*}, {@code felix.*},
     *        {@code component.*}, {@code osgi.*}) are ignored
     * @return the rule set
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    static RuleSet from(Map<String, ?> properties) {
        Object region = properties.get("region");
        if (region == null || region.toString().isBlank()) {
            throw new IllegalArgumentException("a rule set needs region (a MOF_DIV_CODE or 'national')");
        }
        String name = region.toString().strip();
        return from(name, number(properties, "fromYear", name), number(properties, "revision", name), properties);
    }

    /**
     * @param region a {@code MOF_DIV_CODE} or {@code national}, checked
     * @param fromYear the first budget year, 2000 to 2099
     * @param revision the revision, 0 or more
     * @param properties the configuration, whose rule keys and {@code source.} lines are taken (the three above and
     *        framework properties are not)
     * @return the rule set
     * @throws IllegalArgumentException naming what is malformed
     */
    static RuleSet from(String region, int fromYear, int revision, Map<String, ?> properties) {
        String name = region == null ? "" : region.strip();
        if (!name.equals(RuleSet.NATIONAL) && !name.matches("[0-9]{6,9}")) {
            throw new IllegalArgumentException("region must be a MOF_DIV_CODE of 6 to 9 digits or 'national', got '"
                    + name + "'");
        }
        if (fromYear < 2000 || fromYear > 2099) {
            throw new IllegalArgumentException("rule set " + name + ": fromYear must be a budget year from 2000 to "
                    + "2099, got " + fromYear);
        }
        if (revision < 0) {
            throw new IllegalArgumentException("rule set " + name + ": revision must be 0 or more, got " + revision);
        }
        Map<String, String> values = new HashMap<>();
        properties.forEach((key, value) -> {
            if (!key.equals("region") && !key.equals("fromYear") && !key.equals("revision")
                    && !key.startsWith("service.") && !key.startsWith("felix.") && !key.startsWith("component.")
                    && !key.startsWith("osgi.")) {
                values.put(key, String.valueOf(value).strip());
            }
        });
        return new RuleSet(name, fromYear, revision, values);
    }

    private static int number(Map<String, ?> properties, String key, String region) {
        Object raw = properties.get(key);
        try {
            return Integer.parseInt(String.valueOf(raw).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rule set " + region + ": " + key + " must be a whole number, got "
                    + raw);
        }
    }
}
