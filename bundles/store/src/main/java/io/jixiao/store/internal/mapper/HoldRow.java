package io.jixiao.store.internal.mapper;

import java.time.Instant;

/** Column image of {@code JX_HOLD}. */
public class HoldRow {
    public long holdId;
    public String mofDivCode;
    public String targetType;
    public String proCode;
    public String bgtId;
    public String holdKind;
    public String reason;
    public String status;
    public String placedCaller;
    public String placedOperator;
    public String placedRoles;
    public Instant placedAt;
    public String releasedCaller;
    public String releasedOperator;
    public String releasedRoles;
    public Instant releasedAt;
    public String releaseReason;
}
