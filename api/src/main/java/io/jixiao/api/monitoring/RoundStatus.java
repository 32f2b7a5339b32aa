package io.jixiao.api.monitoring;

/** Where a monitoring round stands. */
public enum RoundStatus {
    /** started, waiting for a node to run it */
    QUEUED,
    /** a node is reading the ledger and writing results */
    RUNNING,
    /** every ledger line judged */
    COMPLETED,
    /** cancelled by a user; what was written stays */
    CANCELLED,
    /** a port failed or a node died; resumable where it stopped */
    FAILED;

    /** @return whether the round will not change any more without a resume */
    public boolean finished() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }
}
