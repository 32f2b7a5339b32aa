package io.jixiao.api.evaluation;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How evaluation results change the money of the next budget year open for compilation: the {@code result.*} keys
 * of a region's rule sets, inheritance applied (docs/evaluation.md#result-application).
 *
 * @param version the rule sets that made it
 * @param actions what each grade entails
 * @param lowExecutionBelow an execution rate (percent) below which the amount is cut further, or {@code null}
 * @param lowExecutionCut the further cut in percent of the requested amount
 * @param targetYearOffset which year the results change: the evaluated year plus this (2 by default: year N is
 *        evaluated during N+1, after N+1's budget is approved)
 * @param departmentActions what a unit's whole-department grade adds to the cut of each of its projects
 *        ({@code result.department.action.*}: PRIORITY, KEEP or CUT; absent grades add nothing; since 1.1.0)
 * @param transferActions what a lower government's comprehensive grade does to the transfer payments allocated to
 *        it ({@code result.transfer.action.*}: PRIORITY, KEEP or CUT; absent grades keep the amount; since 1.2.0)
 * @param notRectifiedActions what a grade entails instead when the evaluation's rectification case is not closed
 *        RECTIFIED on the application date ({@code result.notRectified.action.*}, e.g. Yunxi: 调减或取消; only the
 *        grades given; since 2.1.0)
 */
public record ResultPolicy(String version, Map<Grade, Action> actions, BigDecimal lowExecutionBelow,
        BigDecimal lowExecutionCut, int targetYearOffset, Map<Grade, Action> departmentActions,
        Map<Grade, Action> transferActions, Map<Grade, Action> notRectifiedActions) {

    /** What a grade entails for the project's next requested amount. */
    public enum Kind {
        /** 优先保障: funded first; the amount is not cut */
        PRIORITY,
        /** kept as requested */
        KEEP,
        /** cut by a share */
        CUT,
        /** cancelled: cut to 0 */
        CANCEL
    }

    /**
     * One row of the policy table.
     *
     * @param kind the action
     * @param cutPercent the share cut, 0 to 100 (100 for CANCEL, 0 for PRIORITY and KEEP)
     */
    public record Action(Kind kind, BigDecimal cutPercent) {
        public Action {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(cutPercent, "cutPercent");
        }

        /** @return the action as written in a rule set, e.g. {@code CUT:10} */
        @Override
        public String toString() {
            return kind == Kind.CUT ? "CUT:" + cutPercent.stripTrailingZeros().toPlainString() : kind.name();
        }
    }

    public ResultPolicy {
        Objects.requireNonNull(version, "version");
        EnumMap<Grade, Action> a = new EnumMap<>(Grade.class);
        for (Grade grade : Grade.values()) {
            a.put(grade, actions.getOrDefault(grade, new Action(Kind.KEEP, BigDecimal.ZERO)));
        }
        actions = Collections.unmodifiableMap(a);
        departmentActions = noCancel(departmentActions, "result.department.action.", "a whole unit's projects");
        transferActions = noCancel(transferActions, "result.transfer.action.", "the transfer payments to a lower "
                + "government");
        lowExecutionCut = lowExecutionCut == null ? BigDecimal.ZERO : lowExecutionCut;
        notRectifiedActions = notRectifiedActions == null || notRectifiedActions.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(notRectifiedActions));
        if (targetYearOffset < 1 || targetYearOffset > 3) {
            throw new IllegalArgumentException("result.targetYearOffset must be 1 to 3, got " + targetYearOffset);
        }
    }

    /** A policy without actions for results not rectified, as 2.0.0 made it. */
    public ResultPolicy(String version, Map<Grade, Action> actions, BigDecimal lowExecutionBelow,
            BigDecimal lowExecutionCut, int targetYearOffset, Map<Grade, Action> departmentActions,
            Map<Grade, Action> transferActions) {
        this(version, actions, lowExecutionBelow, lowExecutionCut, targetYearOffset, departmentActions,
                transferActions, Map.of());
    }

    /** A policy without transfer actions, as 1.1.0 made it. */
    public ResultPolicy(String version, Map<Grade, Action> actions, BigDecimal lowExecutionBelow,
            BigDecimal lowExecutionCut, int targetYearOffset, Map<Grade, Action> departmentActions) {
        this(version, actions, lowExecutionBelow, lowExecutionCut, targetYearOffset, departmentActions, Map.of());
    }

    /** Every grade's action, KEEP where none is given; CANCEL refused (an amount that only a cut may change). */
    private static Map<Grade, Action> noCancel(Map<Grade, Action> given, String key, String what) {
        EnumMap<Grade, Action> all = new EnumMap<>(Grade.class);
        for (Grade grade : Grade.values()) {
            Action action = given.getOrDefault(grade, new Action(Kind.KEEP, BigDecimal.ZERO));
            if (action.kind() == Kind.CANCEL) {
                throw new IllegalArgumentException(key + grade + " cannot CANCEL " + what
                        + ": PRIORITY, KEEP or CUT:<percent>");
            }
            all.put(grade, action);
        }
        return Collections.unmodifiableMap(all);
    }

    /** A policy without department actions, as 1.0.0 made it. */
    public ResultPolicy(String version, Map<Grade, Action> actions, BigDecimal lowExecutionBelow,
            BigDecimal lowExecutionCut, int targetYearOffset) {
        this(version, actions, lowExecutionBelow, lowExecutionCut, targetYearOffset, Map.of(), Map.of());
    }

    /** @return what a unit's whole-department grade adds to each of its projects' cut */
    public Action departmentAction(Grade grade) {
        return departmentActions.get(grade);
    }

    /** @return what a lower government's comprehensive grade does to the transfer payments allocated to it */
    public Action transferAction(Grade grade) {
        return transferActions.get(grade);
    }

    /** @return the action of a grade */
    public Action action(Grade grade) {
        return actions.get(grade);
    }

    /**
     * @param grade a grade
     * @param rectified whether the evaluation's rectification case (if it has one) was closed RECTIFIED on the
     *        application date
     * @return the action: the "not rectified" one where the region gives one for the grade and the result was not
     *         rectified, else the grade's action
     * @since 2.1.0
     */
    public Action action(Grade grade, boolean rectified) {
        Action instead = rectified ? null : notRectifiedActions.get(grade);
        return instead != null ? instead : actions.get(grade);
    }

}
