package io.jixiao.store.internal.mapper;

import java.math.BigDecimal;

/** Column image of {@code JX_EVAL_CRITERION}. */
public class EvalCriterionRow {
    public long taskId;
    public int lineNo;
    public String part;
    public String name;
    public BigDecimal planPoints;
    public BigDecimal score;
    public BigDecimal weight;
    public BigDecimal points;
}
