package io.jixiao.api.goal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The goal rules in force for one fiscal region and budget year, after inheritance from the parent regions: the
 * data the admission, compilation and adjustment gates decide by. Thresholds that are {@code null} are not
 * applied. Money thresholds are yuan.
 *
 * @param version which rule sets, at which revision, made these rules, e.g.
 *        {@code 440100000/2020#2 < national/2020#1}; every decision records it
 * @param budgets the budgets the indicator rules cover
 * @param classes the project classes the indicator rules cover
 * @param subjects the goal subjects the indicator rules cover (project, policy, whole department); goals of other
 *        subjects get the structural checks only
 * @param minIndicators the fewest indicators per project class
 * @param minQuantitativePercent the smallest share of quantitative indicators, in percent, inclusive
 * @param requiredLevel1 level-1 categories a goal must have an indicator in
 * @param requiredLevel2 level-2 categories a goal must have an indicator in
 * @param pointsTotal what the indicators' points must add up to
 * @param exAnteNewRecurringFrom a new recurring project from this amount needs an ex-ante assessment
 * @param exAnteNewOneOffFrom a new one-off project from this amount needs an ex-ante assessment
 * @param exAnteIncreasePercentFrom a continuing project whose amount grew by at least this percentage over last
 *        year needs an ex-ante assessment
 * @param exAnteKeyFrom from this amount a required assessment is a key assessment, below it a general one; if
 *        {@code null}, every required assessment is a key assessment
 * @param assessmentDimensions the dimensions an ex-ante assessment scores
 * @param reviewNewRecurringFrom a new recurring project from this amount needs library-admission review 入库评审
 * @param reviewNewOneOffFrom a new one-off project from this amount needs library-admission review
 * @param reviewStages the stages of the region's multi-stage goal review, in order (empty: approval alone)
 * @param gateModes each gate's mode (absent: ENFORCE)
 * @param enforceFrom from which date a gate in WARN or OFF is enforced, if set
 * @param sources for each rule key, where it comes from (a seed passage or national document); keys whose
 *        value has no source say {@code illustrative default}
 */
public record GoalRules(String version, Set<BudgetKind> budgets, Set<ProjectClass> classes,
        Set<GoalSubject> subjects, Map<ProjectClass, Integer> minIndicators, BigDecimal minQuantitativePercent, Set<Level1> requiredLevel1,
        Set<Level2> requiredLevel2, BigDecimal pointsTotal, BigDecimal exAnteNewRecurringFrom,
        BigDecimal exAnteNewOneOffFrom, BigDecimal exAnteIncreasePercentFrom, BigDecimal exAnteKeyFrom,
        List<String> assessmentDimensions, BigDecimal reviewNewRecurringFrom, BigDecimal reviewNewOneOffFrom,
        Set<ReviewStage> reviewStages, Map<Gate, GateMode> gateModes, Map<Gate, LocalDate> enforceFrom,
        Map<String, String> sources) {
    /** What a rule without a cited source says it is. */
    public static final String ILLUSTRATIVE = "illustrative default";

    public GoalRules {
        Objects.requireNonNull(version, "version");
        // in declaration order, so that violations are always listed in the same order
        budgets = ordered(budgets, BudgetKind.class);
        classes = ordered(classes, ProjectClass.class);
        subjects = ordered(subjects, GoalSubject.class);
        minIndicators = Map.copyOf(minIndicators);
        requiredLevel1 = ordered(requiredLevel1, Level1.class);
        requiredLevel2 = ordered(requiredLevel2, Level2.class);
        assessmentDimensions = List.copyOf(assessmentDimensions);
        reviewStages = ordered(reviewStages, ReviewStage.class);
        gateModes = Map.copyOf(gateModes);
        enforceFrom = Map.copyOf(enforceFrom);
        sources = Map.copyOf(sources);
    }

    /**
     * Rules without review stages whose indicator rules cover every subject (the constructor of version 1.1 of this
     * package).
     */
    public GoalRules(String version, Set<BudgetKind> budgets, Set<ProjectClass> classes,
            Map<ProjectClass, Integer> minIndicators, BigDecimal minQuantitativePercent, Set<Level1> requiredLevel1,
            Set<Level2> requiredLevel2, BigDecimal pointsTotal, BigDecimal exAnteNewRecurringFrom,
            BigDecimal exAnteNewOneOffFrom, BigDecimal exAnteIncreasePercentFrom, BigDecimal exAnteKeyFrom,
            List<String> assessmentDimensions, BigDecimal reviewNewRecurringFrom, BigDecimal reviewNewOneOffFrom,
            Map<Gate, GateMode> gateModes, Map<Gate, LocalDate> enforceFrom, Map<String, String> sources) {
        this(version, budgets, classes, java.util.EnumSet.allOf(GoalSubject.class), minIndicators,
                minQuantitativePercent, requiredLevel1, requiredLevel2,
                pointsTotal, exAnteNewRecurringFrom, exAnteNewOneOffFrom, exAnteIncreasePercentFrom, exAnteKeyFrom,
                assessmentDimensions, reviewNewRecurringFrom, reviewNewOneOffFrom, Set.of(), gateModes, enforceFrom,
                sources);
    }

    private static <E extends Enum<E>> Set<E> ordered(Set<E> values, Class<E> type) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return Collections.unmodifiableSet(copy);
    }

    /**
     * @param gate the gate
     * @param today the date of the decision
     * @return the gate's mode on that date
     */
    public GateMode mode(Gate gate, LocalDate today) {
        LocalDate from = enforceFrom.get(gate);
        if (from != null && !today.isBefore(from)) {
            return GateMode.ENFORCE;
        }
        return gateModes.getOrDefault(gate, GateMode.ENFORCE);
    }

    /**
     * @param key a rule key, e.g. {@code indicators.min.DEVELOPMENT}
     * @return where the rule comes from
     */
    public String source(String key) {
        return sources.getOrDefault(key, ILLUSTRATIVE);
    }
}
