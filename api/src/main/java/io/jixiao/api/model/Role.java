package io.jixiao.api.model;

/**
 * Roles of the people and systems that act through Jixiao.
 */
public enum Role {
    /** Finance bureau staff 财政部门. */
    FINANCE,
    /** Competent department staff 主管部门. */
    DEPARTMENT,
    /** Budget unit staff 预算单位. */
    UNIT,
    /** Third-party evaluator 第三方机构. */
    EVALUATOR,
    /** Auditor 审计. */
    AUDITOR,
    /** The public: published goals and results only. */
    PUBLIC,
    /** A module of the host platform calling a hook on behalf of a host user. */
    HOST_SYSTEM
}
