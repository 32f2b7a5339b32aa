package io.jixiao.api.evaluation;

/** Who evaluates. */
public enum EvaluationKind {
    /** 单位自评: the implementing unit scores its own project, every project every year */
    SELF,
    /** 部门评价 */
    DEPARTMENT,
    /** 财政重点评价, often by a third party */
    KEY,
    /** 再评价 / 抽查复核: finance re-scores a sample of self-evaluations */
    SPOT_CHECK
}
