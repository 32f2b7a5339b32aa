package io.jixiao.store.internal.mapper;

import java.math.BigDecimal;
import java.time.Instant;

/** Column image of {@code JX_GOAL}. */
public class GoalRow {
    public long goalId;
    public int version;
    public String adjustBatch;
    public String status;
    public String mofDivCode;
    public int fiscalYear;
    public String agencyCode;
    public String proCode;
    public String subject;
    public String projectClass;
    public String projectLevel;
    public String budgetKind;
    public BigDecimal amount;
    public boolean newProject;
    public boolean recurring;
    public BigDecimal prevAmount;
    public String kpiTarget;
    public String midTermTarget;
    public String ruleVersion;
    public String opinionCodes;
    public String opinionText;
    public String createdCaller;
    public String createdOperator;
    public String createdRoles;
    public Instant createdAt;
    public Instant statusAt;
}
