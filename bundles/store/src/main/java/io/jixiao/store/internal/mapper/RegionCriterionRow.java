package io.jixiao.store.internal.mapper;

import java.math.BigDecimal;

/** Column image of {@code JX_REGION_EVAL_CRITERION}. */
public class RegionCriterionRow {
    public long evalId;
    public int lineNo;
    public String dimension;
    public String name;
    public BigDecimal planPoints;
    public BigDecimal score;
}
