package io.jixiao.api.rectification;

/** Whose rectification a case asks for. */
public enum CaseSubject {
    /** a project (and its implementing unit) */
    PROJECT,
    /** a department's or unit's expenditure as a whole (整体支出) */
    DEPARTMENT,
    /** a lower government's finances (对下级政府财政运行综合绩效评价) */
    LOWER_GOVERNMENT
}
