package io.jixiao.api.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

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
    HOST_SYSTEM;

    /**
     * The roles that work the budget cycle itself. PUBLIC and EVALUATOR are not among them: they read what is
     * published and act on the evaluations assigned to them, never holds, alerts, the guard or payment checks.
     *
     * @since 1.2.0
     */
    public static final Set<Role> STAFF = Collections.unmodifiableSet(EnumSet.of(FINANCE, DEPARTMENT, UNIT,
            AUDITOR, HOST_SYSTEM));
}
