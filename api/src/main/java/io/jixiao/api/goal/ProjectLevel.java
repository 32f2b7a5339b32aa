package io.jixiao.api.goal;

/** First-level projects 一级项目 (what goals are declared for) and the second-level projects under them. */
public enum ProjectLevel {
    FIRST,
    SECOND
}
