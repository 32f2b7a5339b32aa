package io.jixiao.api.service;

import io.jixiao.api.model.MofDivCode;
import java.util.Objects;

/**
 * The result of re-computing one region's audit hash chain.
 *
 * @param mofDivCode the region whose chain was checked
 * @param rowsChecked rows read, in chain order
 * @param intact whether every row, link and the chain's head agree
 * @param firstBadSequence position in the chain of the first row that does not verify, {@code null} if intact
 * @param firstBadAuditId that row's {@code AUDIT_ID}, {@code null} if intact or the row is missing
 * @param problem what is wrong there, {@code null} if intact
 * @param acknowledgedBreaks gaps an auditor recorded as lost (see {@link AuditService#acknowledgeBreak}) that the
 *        check passed over (since 1.5.0)
 * @since 1.1.0
 */
public record AuditVerification(MofDivCode mofDivCode, long rowsChecked, boolean intact, Long firstBadSequence,
        Long firstBadAuditId, String problem, int acknowledgedBreaks) {
    public AuditVerification {
        Objects.requireNonNull(mofDivCode, "mofDivCode");
        if (intact != (problem == null)) {
            throw new IllegalArgumentException("a broken chain, and only a broken chain, names its problem");
        }
    }

    /** A verification that passed over no acknowledged break (the constructor of 1.1). */
    public AuditVerification(MofDivCode mofDivCode, long rowsChecked, boolean intact, Long firstBadSequence,
            Long firstBadAuditId, String problem) {
        this(mofDivCode, rowsChecked, intact, firstBadSequence, firstBadAuditId, problem, 0);
    }
}
