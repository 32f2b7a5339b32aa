package io.jixiao.api.evaluation;

import java.util.List;

/**
 * What assigning department, key or spot-check evaluations did.
 *
 * @param opened the tasks opened now
 * @param alreadyAssigned projects that already had a task of the kind (assigning again changes nothing)
 * @param notEvaluable projects that cannot take the kind, each with why (no self-evaluation task for the year, or
 *        for a spot check none submitted yet)
 * @param sample how the projects were chosen: the rule of a drawn spot-check sample, or {@code LISTED}
 */
public record Assigned(List<EvaluationTask> opened, int alreadyAssigned, List<String> notEvaluable, String sample) {
    public Assigned {
        opened = List.copyOf(opened);
        notEvaluable = List.copyOf(notEvaluable);
    }
}
