package io.jixiao.store;

import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.rectification.CaseOrigin;
import io.jixiao.api.rectification.CaseStep;
import io.jixiao.api.rectification.RectificationCase;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Rectification cases, their problems and history, with their audit rows. A change names the number of steps the
 * case had when it was read: a case changed meanwhile is not changed again (optimistic, so two nodes or two callers
 * never both move one case).
 *
 * @since 5.1.0
 */
@ProviderType
public interface RectificationRepository {

    /**
     * A case as stored, with the number of its steps.
     *
     * @param value the case
     * @param steps how many steps it has; the next step is numbered one more
     */
    record StoredCase(RectificationCase value, int steps) {
    }

    /**
     * A case to open: its first step ({@code OPENED}, numbered 1) and its audit row.
     *
     * @param value the case, with its id from {@link #nextCaseId()}
     * @param step its first step
     * @param audit its audit entry
     */
    record Opening(RectificationCase value, CaseStep step, AuditEntry audit) {
        /**
         * The opening of a case as every origin writes it: step 1 {@code OPENED} with the problems as its text, and
         * the audit row {@code RECTIFICATION_OPENED}, both at the case's opening time.
         *
         * @param value the case, with its id, opener and opening time
         * @param actor who opens it
         * @param why the audit row's reason
         * @param detail the audit row's detail
         * @return the opening
         */
        public static Opening of(RectificationCase value, io.jixiao.api.model.Actor actor, String why,
                String detail) {
            CaseStep step = new CaseStep(value.id(), 1, "OPENED", value.status(), value.openedBy(), value.openedAt(),
                    value.problems().stream().map(io.jixiao.api.rectification.Problem::text)
                            .collect(java.util.stream.Collectors.joining("\n")), value.deadline());
            return new Opening(value, step, new AuditEntry(value.openedAt(), "RECTIFICATION_OPENED",
                    value.mofDivCode(), "RECTIFICATION_CASE", String.valueOf(value.id()), actor, why, detail,
                    value.agencyCode(), value.proCode()));
        }
    }

    /**
     * A step of a case.
     *
     * @param before the case as read
     * @param after the case after the step
     * @param step the step, numbered {@code before.steps() + 1}
     * @param audit its audit entry
     */
    record Change(StoredCase before, RectificationCase after, CaseStep step, AuditEntry audit) {
    }

    /** @return a new, never used case id */
    long nextCaseId();

    /**
     * @param n how many, 1 to 10,000
     * @return {@code n} new, never used case ids, in one round trip
     */
    List<Long> nextCaseIds(int n);

    /**
     * Opens cases, each with its problems, first step and audit row, in one transaction; a case whose origin
     * (origin and origin id) already has one is left out, so opening again is harmless.
     *
     * @param openings the cases
     * @return the cases opened now
     */
    List<RectificationCase> open(List<Opening> openings);

    /** @return the case, if it exists */
    Optional<StoredCase> find(long caseId);

    /** @return the case opened from that origin, if there is one */
    Optional<StoredCase> byOrigin(CaseOrigin origin, String originId);

    /**
     * @param originIds the alerts' or evaluations' ids
     * @return by origin id, the cases opened from those origins (result application's read, in batches)
     */
    java.util.Map<String, RectificationCase> byOrigins(CaseOrigin origin, java.util.Collection<String> originIds);

    /** @return the case's steps, oldest first */
    List<CaseStep> steps(long caseId);

    /**
     * @param agencies only these agencies' cases; empty: every agency's
     * @return a page of a region's cases in id order
     */
    List<RectificationCase> page(MofDivCode mofDivCode, Set<String> agencies, boolean openOnly, long afterId,
            int limit);

    /**
     * @return up to {@code limit} of a region's cases awaiting the unit (OPEN, ISSUED, MEASURES, RETURNED) whose
     *         deadline is before the day, in no particular order; once they are marked, the next call finds others
     */
    List<StoredCase> due(MofDivCode mofDivCode, LocalDate day, int limit);

    /**
     * Applies a step in one transaction: the case, its step and its audit row; when {@code liftSubject}, the strict
     * control of every case on the same subject (this one included) is lifted in the same transaction.
     *
     * @return the cases whose strict control was lifted, or empty (nothing written) if the case changed meanwhile
     */
    Optional<List<RectificationCase>> change(Change change, boolean liftSubject);

    /**
     * Applies many steps in one transaction, leaving out those whose case changed meanwhile.
     *
     * @return the changes applied
     */
    List<Change> changeAll(List<Change> changes);

    /**
     * @param agencyCode only this unit's cases, or {@code null} for the region's
     * @return the region's cases keeping their subject under strict control now, in id order
     */
    List<RectificationCase> underStrictControl(MofDivCode mofDivCode, AgencyCode agencyCode);

    /**
     * @return the region's project cases under strict control that have no hold linked (the overdue pass places the
     *         holds a stopped node left out)
     */
    List<RectificationCase> withoutHold(MofDivCode mofDivCode);

    /**
     * Stores a referral for accountability with its audit row, in one transaction.
     *
     * @param referral the referral, its id 0: the store numbers it
     * @return the referral as stored
     */
    io.jixiao.api.rectification.Referral refer(io.jixiao.api.rectification.Referral referral, AuditEntry audit);

    /**
     * Appends an outcome to a referral with its audit row, in one transaction.
     *
     * @param outcome numbered one more than the outcomes the caller read
     * @return {@code false} (nothing written) if another outcome took that number meanwhile
     */
    boolean addOutcome(long referralId, io.jixiao.api.rectification.Referral.Outcome outcome, AuditEntry audit);

    /** @return the referral, with its outcomes */
    Optional<io.jixiao.api.rectification.Referral> referral(long referralId);

    /** @return the region's referrals, with their outcomes, oldest first */
    List<io.jixiao.api.rectification.Referral> referrals(MofDivCode mofDivCode);

    /** Records the hold strict control placed for a case. */
    void linkHold(long caseId, long holdId);
}
