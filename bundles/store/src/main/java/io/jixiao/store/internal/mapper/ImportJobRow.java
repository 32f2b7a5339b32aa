package io.jixiao.store.internal.mapper;

import java.time.Instant;

/** Column image of {@code JX_IMPORT_JOB}. */
public class ImportJobRow {
    public long jobId;
    public String target;
    public String mofDivCode;
    public String fileName;
    public String format;
    public String status;
    public long rowsRead;
    public long rowsWritten;
    public long inserted;
    public long updated;
    public long unchanged;
    public long rejected;
    public String message;
    public String startedCaller;
    public String startedOperator;
    public String startedRoles;
    public Instant startedAt;
    public Instant finishedAt;
    public Instant heartbeatAt;
}
