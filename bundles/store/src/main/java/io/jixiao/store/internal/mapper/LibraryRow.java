package io.jixiao.store.internal.mapper;

import java.time.Instant;
import java.time.LocalDate;

/** Column image of {@code JX_LIB_INDICATOR}. */
public class LibraryRow {
    public String mofDivCode;
    public String code;
    public String kind;
    public String agencyCode;
    public String level1;
    public String level2;
    public String name;
    public String functionalClass;
    public int sign;
    public String unit;
    public String target;
    public String scoring;
    public LocalDate validFrom;
    public LocalDate validTo;
    public String status;
    public int revision;
    public String changedCaller;
    public String changedOperator;
    public String changedRoles;
    public Instant changedAt;
}
