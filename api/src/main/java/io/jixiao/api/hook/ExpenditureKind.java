package io.jixiao.api.hook;

/**
 * Expenditure kind of a payment.
 */
public enum ExpenditureKind {
    /** 基本支出: salaries and running costs; never held. */
    BASIC,
    /** 项目支出: project expenditure; subject to holds. */
    PROJECT
}
