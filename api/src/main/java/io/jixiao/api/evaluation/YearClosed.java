package io.jixiao.api.evaluation;

import java.util.List;

/**
 * What closing a year for an agency did.
 *
 * @param opened the self-evaluation tasks opened now
 * @param alreadyOpen projects whose task an earlier close opened (closing again changes nothing)
 * @param withoutGoal projects with project expenditure in the ledger but no approved goal to score against
 *        (they cannot be self-evaluated; finance sees them here)
 */
public record YearClosed(List<EvaluationTask> opened, int alreadyOpen, List<String> withoutGoal) {
    public YearClosed {
        opened = List.copyOf(opened);
        withoutGoal = List.copyOf(withoutGoal);
    }
}
