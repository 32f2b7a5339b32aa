package io.jixiao.store.internal.mapper;

import java.math.BigDecimal;

/** A department's sums over a round's project results. */
public class DeptTotalRow {
    public String deptCode;
    public BigDecimal budgeted;
    public BigDecimal paid;
}
