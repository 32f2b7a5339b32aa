package io.jixiao.store.internal.mapper;

import java.time.Instant;

/** Column image of {@code JX_RECT_OUTCOME}. */
public class OutcomeRow {
    public long referralId;
    public int seq;
    public String text;
    public String recordedBy;
    public Instant recordedAt;
}
