package io.jixiao.store.internal.mapper;

import java.math.BigDecimal;
import java.time.Instant;

/** Column image of {@code JX_EVAL_TASK}. */
public class EvalTaskRow {
    public long taskId;
    public String mofDivCode;
    public int fiscalYear;
    public String agencyCode;
    public String proCode;
    public String kind;
    public long goalId;
    public int goalVersion;
    public BigDecimal budgetAmt;
    public BigDecimal spentAmt;
    public String status;
    public Instant openedAt;
    public String submittedBy;
    public Instant submittedAt;
    public BigDecimal total;
    public BigDecimal exactTotal;
    public String grade;
    public String ruleVersion;
    public BigDecimal execRate;
    public BigDecimal execPoints;
    public BigDecimal execWeight;
    public java.time.LocalDate dueDate;
    public String evaluator;
    public BigDecimal selfTotal;
    public Integer gapFlag;
    public Integer adjusted;
}
