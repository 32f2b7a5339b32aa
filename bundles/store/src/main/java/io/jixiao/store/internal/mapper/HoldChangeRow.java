package io.jixiao.store.internal.mapper;

/** A row of {@code JX_HOLD_CHANGE}: which hold changed, in which order. */
public class HoldChangeRow {
    public long changeSeq;
    public long holdId;
}
