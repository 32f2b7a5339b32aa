package io.jixiao.store.internal.mapper;

import java.time.Instant;

/** Column image of {@code JX_AUDIT}. */
public class AuditRow {
    public long auditId;
    public Instant occurredAt;
    public String action;
    public String mofDivCode;
    public String subjectType;
    public String subjectId;
    public String caller;
    public String operator;
    public String roles;
    public String reason;
    public String detail;
    public String agencyCode;
    public String proCode;
    public String chainId;
    public Long chainSeq;
    public String prevHash;
    public String rowHash;
}
