package io.jixiao.api.goal;

/** The four budgets 四本预算. */
public enum BudgetKind {
    /** 一般公共预算 */
    GENERAL_PUBLIC,
    /** 政府性基金预算 */
    GOVERNMENT_FUND,
    /** 国有资本经营预算 */
    STATE_CAPITAL_OPERATION,
    /** 社会保险基金预算 */
    SOCIAL_INSURANCE_FUND
}
