package io.jixiao.api.goal;

import io.jixiao.api.model.Violations;
import java.util.List;
import java.util.Objects;

/**
 * A performance goal 绩效目标: overview texts and indicators, as the platform's {@code PM_PERF_GOAL_INFO} holds it.
 *
 * @param subject what it is declared for
 * @param annualOverview the annual goal text ({@code KPI_TARGET}), may be blank (a rule reports it)
 * @param midTermOverview the mid-term goal text, or empty
 * @param indicators the indicators, in declaration order
 */
public record Goal(GoalSubject subject, String annualOverview, String midTermOverview, List<Indicator> indicators) {
    public Goal {
        Objects.requireNonNull(subject, "subject");
        annualOverview = annualOverview == null ? "" : annualOverview;
        midTermOverview = midTermOverview == null ? "" : midTermOverview;
        indicators = List.copyOf(indicators);
    }

    /**
     * The most indicators one goal may have.
     *
     * @since 2.0.0
     */
    public static final int MAX_INDICATORS = 200;

    /**
     * The indicators' list.
     *
     * @since 2.0.0
     */
    public static final String INDICATORS = "INDICATORS";

    /**
     * Builds a goal from the fields of a remote request, in the platform's element names ({@code SUBJECT},
     * {@code KPI_TARGET}, {@code MID_TERM_TARGET}, {@code INDICATORS}); an indicator's broken rule is named
     * {@code INDICATORS[i].<field>} (in SOAP's names {@code INDICATOR[i].<field>}: docs/api.md).
     *
     * @param v collects every broken rule
     * @param indicators the indicators as received; {@code null} when the list is missing
     * @param reader turns one received indicator into an {@link Indicator} ({@link Indicator#from})
     * @return the goal, or {@code null} if a rule was broken
     * @since 2.0.0
     */
    public static <T> Goal from(Violations v, String subject, String annualOverview, String midTermOverview,
            List<T> indicators, java.util.function.BiFunction<Violations, T, Indicator> reader) {
        int before = v.count();
        GoalSubject s = subject == null ? GoalSubject.PROJECT : v.oneOf("SUBJECT", subject, GoalSubject.class);
        v.text("KPI_TARGET", annualOverview, 4000, true);
        if (annualOverview != null && annualOverview.isBlank()) {
            v.add("KPI_TARGET", "required", "the annual goal overview is required");
        }
        v.text("MID_TERM_TARGET", midTermOverview, 4000, false);
        List<Indicator> out = List.of();
        if (indicators == null) {
            v.add(INDICATORS, "required", "is required (may be empty in a draft)");
        } else if (indicators.size() > MAX_INDICATORS) {
            v.add(INDICATORS, "size", "at most " + MAX_INDICATORS + " indicators");
        } else {
            out = v.each(INDICATORS, indicators, reader);
        }
        return v.count() > before ? null : new Goal(s, annualOverview, midTermOverview, out);
    }
}
