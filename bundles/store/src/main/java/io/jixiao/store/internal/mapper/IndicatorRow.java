package io.jixiao.store.internal.mapper;

import java.math.BigDecimal;

/** Column image of {@code JX_GOAL_INDICATOR}. */
public class IndicatorRow {
    public long goalId;
    public int version;
    public int seq;
    public String kpiLv2;
    public String kpiContent;
    public int computesign;
    public String kpiVal;
    public String meterunit;
    public BigDecimal weight;
    public String kpiEvalstd;
    public String libraryId;
}
