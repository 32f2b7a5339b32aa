package io.jixiao.store.internal.mapper;

import java.math.BigDecimal;
import java.time.Instant;

/** Column image of {@code JX_EVAL_ADJUSTMENT}. */
public class EvalAdjustmentRow {
    public long taskId;
    public String mofDivCode;
    public int evalYear;
    public int targetYear;
    public String agencyCode;
    public String deptCode;
    public String proCode;
    public String grade;
    public BigDecimal total;
    public String action;
    public BigDecimal cutPct;
    public BigDecimal requestedAmt;
    public BigDecimal changeAmt;
    public String policy;
    public String status;
    public String createdBy;
    public Instant createdAt;
    public Instant appliedAt;
}
