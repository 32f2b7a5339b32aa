package io.jixiao.api.evaluation;

import java.util.List;

/**
 * What closing a year for an agency did.
 *
 * @param opened the self-evaluation tasks opened now
 * @param alreadyOpen projects whose task an earlier close opened (closing again changes nothing)
 * @param withoutGoal projects with project expenditure in the ledger but no approved goal to score against
 *        (they cannot be self-evaluated; finance sees them here)
 * @param wholeWithoutGoal where the region requires a whole-department evaluation: the unit has no approved
 *        whole-department goal (subject DEPARTMENT) for the year, so none could be opened (since 1.1.0)
 */
public record YearClosed(List<EvaluationTask> opened, int alreadyOpen, List<String> withoutGoal,
        boolean wholeWithoutGoal) {
    public YearClosed {
        opened = List.copyOf(opened);
        withoutGoal = List.copyOf(withoutGoal);
    }

    /** What a close did where the region requires no whole-department evaluation. */
    public YearClosed(List<EvaluationTask> opened, int alreadyOpen, List<String> withoutGoal) {
        this(opened, alreadyOpen, withoutGoal, false);
    }
}
