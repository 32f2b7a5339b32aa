package io.jixiao.api.evaluation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One criterion of a key evaluation's decision or process part, as the third-party evaluator scored it.
 *
 * @param part {@link KeyPart#DECISION} or {@link KeyPart#PROCESS}
 * @param name the criterion, e.g. 立项依据充分性 or 预算执行率
 * @param points its points in the evaluation plan, greater than 0 (the part's weight is split in proportion)
 * @param score what it earned, 0 to {@code points}
 */
public record CriterionEntry(KeyPart part, String name, BigDecimal points, BigDecimal score) {
    public CriterionEntry {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(score, "score");
    }

    /**
     * Builds one criterion of a key evaluation from the fields of a remote request ({@code PART}, {@code NAME},
     * {@code POINTS}, {@code SCORE}).
     *
     * @param v collects every broken rule
     * @return the criterion, or {@code null} if a rule was broken
     * @since 2.0.0
     */
    public static CriterionEntry from(io.jixiao.api.model.Violations v, String part, String name, BigDecimal points,
            BigDecimal score) {
        int before = v.count();
        if (part == null || name == null || points == null || score == null) {
            v.add("PART", "required", "names PART (DECISION or PROCESS), NAME, POINTS (in the plan) and SCORE "
                    + "(earned)");
            return null;
        }
        KeyPart p = v.oneOf("PART", part, KeyPart.class);
        return v.count() > before ? null : new CriterionEntry(p, name, points, score);
    }
}
