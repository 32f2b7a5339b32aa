package io.jixiao.api.rectification;

import io.jixiao.api.model.MofDivCode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An accountability record 问责: a case referred by finance to the body that holds people to account (e.g. 纪检监察),
 * with the audit rows it rests on and the outcomes reported back. Finance creates and reads it, auditors read it;
 * units never see it, and it is never disclosed.
 *
 * @param id the referral's id
 * @param caseId the case
 * @param mofDivCode the case's region
 * @param ground why
 * @param referredTo to whom, e.g. {@code 区纪委监委}
 * @param reason what finance found
 * @param auditIds the audit rows of the case the referral rests on, as they stood when it was made
 * @param createdBy who referred it
 * @param createdAt when
 * @param outcomes what was reported back, oldest first
 */
public record Referral(long id, long caseId, MofDivCode mofDivCode, ReferralGround ground, String referredTo,
        String reason, List<Long> auditIds, String createdBy, Instant createdAt, List<Outcome> outcomes) {
    /** Most characters of the body referred to. */
    public static final int MAX_REFERRED_TO = 200;

    public Referral {
        Objects.requireNonNull(mofDivCode, "mofDivCode");
        Objects.requireNonNull(ground, "ground");
        Objects.requireNonNull(referredTo, "referredTo");
        Objects.requireNonNull(reason, "reason");
        auditIds = List.copyOf(auditIds);
        outcomes = List.copyOf(outcomes);
    }

    /**
     * An outcome reported back (处理结果), appended as an audited entry.
     *
     * @param seq its number, from 1
     * @param text what was decided
     * @param by who recorded it
     * @param at when
     */
    public record Outcome(int seq, String text, String by, Instant at) {
        public Outcome {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(at, "at");
        }
    }
}
