package io.jixiao.store.internal.mapper;

import java.sql.Timestamp;

/** A row of JX_GOAL_RULE_SET. */
public final class RuleSetRow {
    public String region;
    public int fromYear;
    public int revision;
    public String rules;
    public String reason;
    public String changedCaller;
    public String changedOperator;
    public Timestamp changedAt;
}
