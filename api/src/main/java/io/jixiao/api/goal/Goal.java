package io.jixiao.api.goal;

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
}
