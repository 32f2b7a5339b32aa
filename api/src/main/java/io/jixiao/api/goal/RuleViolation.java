package io.jixiao.api.goal;

import java.util.Objects;

/**
 * One goal rule a goal or project breaks.
 *
 * @param code the rule's stable code, e.g. {@code INDICATORS_MIN}
 * @param field the path of the offending part, e.g. {@code INDICATORS} or {@code INDICATORS[3].KPI_VAL}
 * @param messageZh the explanation in Chinese
 * @param messageEn the explanation in English
 * @param source where the rule comes from (the seed passage or national document), or "illustrative default"
 */
public record RuleViolation(String code, String field, String messageZh, String messageEn, String source) {
    public RuleViolation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(messageZh, "messageZh");
        Objects.requireNonNull(messageEn, "messageEn");
        Objects.requireNonNull(source, "source");
    }
}
