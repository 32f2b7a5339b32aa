package io.jixiao.store.internal.mapper;

/** Column image of {@code JX_RECT_PROBLEM}. */
public class ProblemRow {
    public long caseId;
    public int lineNo;
    public String text;
    public String indicator;
}
