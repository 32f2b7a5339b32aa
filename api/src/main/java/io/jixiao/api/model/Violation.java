package io.jixiao.api.model;

import java.util.Objects;

/**
 * One broken input rule: the field in the platform's element name (e.g. {@code MOF_DIV_CODE}), the rule's
 * machine-readable name (e.g. {@code pattern}) and a human-readable message.
 *
 * @param field element name of the offending field
 * @param rule short rule identifier, stable across releases
 * @param message explanation for people
 */
public record Violation(String field, String rule, String message) {
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
