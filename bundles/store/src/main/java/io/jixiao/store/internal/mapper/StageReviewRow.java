package io.jixiao.store.internal.mapper;

import java.math.BigDecimal;
import java.time.Instant;

/** Column image of {@code JX_GOAL_STAGE_REVIEW}. */
public class StageReviewRow {
    public long goalId;
    public int version;
    public String stage;
    public String mofDivCode;
    public int fiscalYear;
    public String proCode;
    public BigDecimal amount;
    public String opinion;
    public String reviewedCaller;
    public String reviewedOperator;
    public String reviewedRoles;
    public Instant reviewedAt;
}
