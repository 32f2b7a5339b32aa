package io.jixiao.store.internal.mapper;

import java.math.BigDecimal;
import java.time.Instant;

/** Column image of {@code JX_TRANSFER_ADJUSTMENT}. */
public class TransferAdjustmentRow {
    public long evalId;
    public String mofDivCode;
    public int evalYear;
    public int targetYear;
    public String recipientDivCode;
    public String grade;
    public BigDecimal total;
    public String action;
    public BigDecimal cutPct;
    public BigDecimal allocatedAmt;
    public BigDecimal changeAmt;
    public String policy;
    public String status;
    public String createdBy;
    public Instant createdAt;
    public Instant appliedAt;
}
