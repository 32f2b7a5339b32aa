package io.jixiao.api.evaluation;

import io.jixiao.api.model.Violations;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What an evaluator submits for a task: an entry per indicator line of the goal and, for a key evaluation, the
 * decision and process criteria it scored.
 *
 * @param indicators one entry per indicator line
 * @param criteria the criteria scored, empty but for key evaluations
 * @since 2.0.0
 */
public record Submission(List<IndicatorEntry> indicators, List<CriterionEntry> criteria) {
    /** The most entries, and the most criteria, one submission carries. */
    public static final int MAX_ENTRIES = 200;
    /** The entries' list. */
    public static final String INDICATORS = "INDICATORS";
    /** The criteria's list. */
    public static final String CRITERIA = "CRITERIA";

    public Submission {
        indicators = List.copyOf(indicators);
        criteria = List.copyOf(criteria);
    }

    /**
     * Builds a submission from a remote request ({@code INDICATORS}, {@code CRITERIA}), an element's broken rule
     * named {@code <list>[i].<field>} (in SOAP's names {@code INDICATOR[i]}, {@code CRITERION[i]}: docs/api.md).
     *
     * @param v collects every broken rule
     * @param indicators the entries as received; {@code null} when missing
     * @param indicator turns one received entry into an {@link IndicatorEntry} ({@link IndicatorEntry#from})
     * @param criteria the criteria as received; {@code null} when there are none
     * @param criterion turns one received criterion into a {@link CriterionEntry} ({@link CriterionEntry#from})
     * @return the submission, or {@code null} if a rule was broken
     */
    public static <E, C> Submission from(Violations v, List<E> indicators,
            BiFunction<Violations, E, IndicatorEntry> indicator, List<C> criteria,
            BiFunction<Violations, C, CriterionEntry> criterion) {
        int before = v.count();
        List<IndicatorEntry> entries = List.of();
        if (indicators == null || indicators.isEmpty()) {
            v.add(INDICATORS, "required", "lists one entry per indicator line of the goal");
        } else if (indicators.size() > MAX_ENTRIES) {
            v.add(INDICATORS, "size", "lists at most " + MAX_ENTRIES + " entries");
        } else {
            entries = v.each(INDICATORS, indicators, indicator);
        }
        List<CriterionEntry> scored = List.of();
        if (criteria != null && criteria.size() > MAX_ENTRIES) {
            v.add(CRITERIA, "size", "lists at most " + MAX_ENTRIES + " criteria");
        } else if (criteria != null) {
            scored = v.each(CRITERIA, criteria, criterion);
        }
        return v.count() > before ? null : new Submission(entries, scored);
    }
}
