package io.jixiao.store.internal.mapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Column image of {@code JX_REGION_EVAL}. */
public class RegionEvalRow {
    public long evalId;
    public String mofDivCode;
    public int fiscalYear;
    public String subjectDivCode;
    public String status;
    public String openedBy;
    public Instant openedAt;
    public LocalDate dueDate;
    public String evaluator;
    public String submittedBy;
    public Instant submittedAt;
    public BigDecimal total;
    public String grade;
    public String ruleVersion;
}
