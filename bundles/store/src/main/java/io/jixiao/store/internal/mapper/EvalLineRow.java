package io.jixiao.store.internal.mapper;

import java.math.BigDecimal;

/** Column image of {@code JX_EVAL_LINE}. */
public class EvalLineRow {
    public long taskId;
    public int lineNo;
    public BigDecimal actual;
    public String achievement;
    public BigDecimal percent;
    public String reason;
    public BigDecimal weight;
    public BigDecimal fraction;
    public int met;
    public BigDecimal points;
}
