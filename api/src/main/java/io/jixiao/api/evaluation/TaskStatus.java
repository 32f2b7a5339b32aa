package io.jixiao.api.evaluation;

/** Where an evaluation task stands. */
public enum TaskStatus {
    /** opened by the year's close, waiting for the evaluator's scores */
    OPEN,
    /** scored and submitted to finance */
    SUBMITTED
}
