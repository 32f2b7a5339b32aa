package io.jixiao.store.internal.mapper;

/** Column image of {@code JX_IMPORT_PROBLEM}. */
public class ImportProblemRow {
    public long jobId;
    public int rowNo;
    public int seq;
    public String col;
    public String reason;
}
