package io.jixiao.store.internal.mapper;

import java.time.Instant;

/** Column image of {@code JX_RECT_REFERRAL}. */
public class ReferralRow {
    public long referralId;
    public long caseId;
    public String mofDivCode;
    public String ground;
    public String referredTo;
    public String reason;
    public String auditIds;
    public String createdBy;
    public Instant createdAt;
}
