package io.jixiao.store.internal.mapper;

/** Column image of {@code JX_AUDIT_CHAIN}. */
public class ChainHead {
    public String chainId;
    public long lastSeq;
    public String lastHash;
    /** The chain's last row, for {@code headsAgainstLastRows} only ({@code null}: the chain has no row). */
    public Long lastRowSeq;
    public String lastRowHash;
}
