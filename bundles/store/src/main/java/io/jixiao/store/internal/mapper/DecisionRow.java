package io.jixiao.store.internal.mapper;

import java.math.BigDecimal;
import java.time.Instant;

/** Column image of {@code JX_PAY_DECISION}. */
public class DecisionRow {
    public long decisionId;
    public String mofDivCode;
    public int fiscalYear;
    public String payAppNo;
    public String agencyCode;
    public String proCode;
    public String bgtId;
    public BigDecimal payAppAmt;
    public String expKind;
    public String outcome;
    public String reasonCode;
    public Long holdId;
    public String holdKind;
    public String holdReason;
    public String caller;
    public String operator;
    public String roles;
    public Instant decidedAt;
    /** The node spool's key of a journaled decision, or null. */
    public String journalKey;
}
