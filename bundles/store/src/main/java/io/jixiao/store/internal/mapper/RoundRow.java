package io.jixiao.store.internal.mapper;

import java.time.Instant;
import java.time.LocalDate;

/** Column image of {@code JX_MON_ROUND}. */
public class RoundRow {
    public long roundId;
    public String mofDivCode;
    public int fiscalYear;
    public LocalDate cutOff;
    public LocalDate due;
    public int scheduled;
    public String scheduleKey;
    public String status;
    public String ruleVersion;
    public String mode;
    public long total;
    public long processed;
    public long projects;
    public long nGreen;
    public long nBlue;
    public long nYellow;
    public long nRed;
    public long holds;
    public String cursorToken;
    public String error;
    public String startedCaller;
    public String startedOperator;
    public String startedRoles;
    public Instant startedAt;
    public Instant finishedAt;
    public String owner;
    public Instant heartbeatAt;
}
