package io.jixiao.store.internal.mapper;

import java.math.BigDecimal;
import java.time.Instant;

/** Column image of {@code JX_MON_RESULT}. */
public class ResultRow {
    public long resultId;
    public long roundId;
    public int isDept;
    public String subjectCode;
    public String mofDivCode;
    public int fiscalYear;
    public String agencyCode;
    public String deptCode;
    public BigDecimal budgeted;
    public BigDecimal paid;
    public BigDecimal execRate;
    public BigDecimal timeProgress;
    public String findings;
    public String alertLevel;
    public int levelRank;
    public String consequences;
    public int enforced;
    public Long holdId;
    public String status;
    public String rectification;
    public Instant createdAt;
}
