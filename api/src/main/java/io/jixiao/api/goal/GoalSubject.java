package io.jixiao.api.goal;

/** What a goal is declared for. */
public enum GoalSubject {
    /** A project 项目. */
    PROJECT,
    /** A policy 政策. */
    POLICY,
    /** A whole department or unit 部门(单位)整体. */
    DEPARTMENT
}
