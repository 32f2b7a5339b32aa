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
     * @since 1.4.0
     */
    public static final int MAX_INDICATORS = 200;

    /**
     * Reads one indicator of a request's list, in whatever shape the adapter received it.
     *
     * @param <T> the adapter's shape of an indicator
     * @since 1.4.0
     */
    @FunctionalInterface
    public interface IndicatorReader<T> {
        /**
         * @param v collects the indicator's broken rules, named from the indicator
         * @param raw the indicator as received, not {@code null}
         * @return the indicator, through {@link Indicator#from}
         */
        Indicator read(Violations v, T raw);
    }

    /**
     * Builds a goal from the fields of a remote request, in the platform's element names ({@code SUBJECT},
     * {@code KPI_TARGET}, {@code MID_TERM_TARGET} and the indicators' list). The list's name is the contract's own:
     * {@code INDICATORS} in JSON, {@code INDICATOR} (repeated) in XML; an indicator's broken rule is named
     * {@code <list>[i].<field>}.
     *
     * @param v collects every broken rule
     * @param listField the indicators' list as the contract names it
     * @param indicators the indicators as received; {@code null} when the list is missing
     * @param reader turns one received indicator into an {@link Indicator}
     * @return the goal, or {@code null} if a rule was broken
     * @since 1.4.0
     */
    public static <T> Goal from(Violations v, String subject, String annualOverview, String midTermOverview,
            String listField, List<T> indicators, IndicatorReader<T> reader) {
        int before = v.count();
        GoalSubject s = subject == null ? GoalSubject.PROJECT : v.oneOf("SUBJECT", subject, GoalSubject.class);
        v.text("KPI_TARGET", annualOverview, 4000, true);
        if (annualOverview != null && annualOverview.isBlank()) {
            v.add("KPI_TARGET", "required", "the annual goal overview is required");
        }
        v.text("MID_TERM_TARGET", midTermOverview, 4000, false);
        List<Indicator> out = new java.util.ArrayList<>();
        if (indicators == null) {
            v.add(listField, "required", "is required (may be empty in a draft)");
        } else if (indicators.size() > MAX_INDICATORS) {
            v.add(listField, "size", "at most " + MAX_INDICATORS + " indicators");
        } else {
            for (int i = 0; i < indicators.size(); i++) {
                T raw = indicators.get(i);
                if (raw == null) {
                    v.add(listField + "[" + i + "]", "required", "an indicator is required");
                    continue;
                }
                Indicator k = v.within(listField + "[" + i + "].", x -> reader.read(x, raw));
                if (k != null) {
                    out.add(k);
                }
            }
        }
        return v.count() > before ? null : new Goal(s, annualOverview, midTermOverview, out);
    }
}
