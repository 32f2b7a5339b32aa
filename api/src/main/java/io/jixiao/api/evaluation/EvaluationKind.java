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
    SPOT_CHECK,
    /**
     * 部门(单位)整体绩效自评 (since 1.1.0): the unit evaluates its whole expenditure against its whole-department goal,
     * where the region requires it ({@code evaluation.wholeDepartment}); its grade bears on all the unit's projects
     * through {@code result.department.action.*}
     */
    WHOLE;

    /**
     * How much a kind's result counts for a project (since 1.1.0): of a project's evaluations of a year, the one of the
     * highest authority decides its result — KEY 3 &gt; SPOT_CHECK 2 &gt; DEPARTMENT 1 &gt; SELF 0; a higher one still
     * open is awaited. WHOLE (-1) decides no project: it bears on all of its unit's projects instead.
     *
     * @return the kind's authority
     */
    public int authority() {
        return switch (this) {
            case WHOLE -> -1;
            case SELF -> 0;
            case DEPARTMENT -> 1;
            case SPOT_CHECK -> 2;
            case KEY -> 3;
        };
    }
}
