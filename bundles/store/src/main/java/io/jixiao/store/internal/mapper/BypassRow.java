package io.jixiao.store.internal.mapper;

import java.time.Instant;

/** Column image of {@code JX_GUARD_BYPASS}. */
public class BypassRow {
    public long bypassId;
    public String mofDivCode;
    public Instant openedAt;
    public Instant untilAt;
    public String reason;
    public String openedCaller;
    public String openedOperator;
    public String openedRoles;
    public Instant closedAt;
    public String closedCaller;
    public String closedOperator;
    public String closedRoles;
    public String closeReason;
}
