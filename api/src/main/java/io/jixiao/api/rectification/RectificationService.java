package io.jixiao.api.rectification;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Reason;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Rectification cases and their workflow: the organiser (FINANCE, or DEPARTMENT for its own evaluations) issues the
 * feedback letter, the unit (UNIT or DEPARTMENT with the agency in scope, or HOST_SYSTEM for it) submits measures
 * and reports, the organiser closes the case RECTIFIED or NOT_RECTIFIED or returns it, and grants or refuses an
 * extension; a pass marks missed deadlines OVERDUE. AUDITOR reads. Every step is audited with its actor and text;
 * roles and data scope are checked here, so every adapter meets the same rules. A step that does not fit the case's
 * status is refused with {@link ConflictException} and changes nothing.
 */
@ProviderType
public interface RectificationService {
    /** Most characters of measures, a report, reasons. */
    int MAX_TEXT = 4000;

    /**
     * Opens a case by hand.
     *
     * @param opening what to rectify and whose
     * @param actor FINANCE with the region in scope
     * @return the case, OPEN, with the deadline given or the region's
     * @throws ForbiddenException if the actor may not open cases there
     * @throws InvalidInputException if the deadline lies in the past
     */
    RectificationCase open(CaseOpening opening, Actor actor);

    /**
     * @param caseId the case
     * @param actor who asks: FINANCE or AUDITOR with the region in scope, UNIT or DEPARTMENT with the agency in scope
     * @return the case, if it exists for the actor
     */
    Optional<RectificationCase> find(long caseId, Actor actor);

    /**
     * @param caseId the case
     * @param actor as for {@link #find}
     * @return its history, oldest first
     * @throws NotFoundException if there is no such case for the actor
     */
    List<CaseStep> steps(long caseId, Actor actor);

    /**
     * A page of a region's cases as the actor may see them (a unit sees its own agencies' cases only).
     *
     * @param mofDivCode the region
     * @param openOnly only cases not closed, soonest deadline first within the page's ids
     * @param afterId the last id of the previous page, 0 for the first
     * @param limit at most this many (1–1,000)
     * @param actor who asks
     * @return the page, in id order
     * @throws ForbiddenException if the region is outside the actor's scope
     */
    CasePage list(MofDivCode mofDivCode, boolean openOnly, long afterId, int limit, Actor actor);

    /**
     * The organiser issues the feedback letter: the case goes from OPEN to ISSUED.
     *
     * @param caseId an OPEN case
     * @param actor the organiser's role with the case in scope
     * @return the letter
     * @throws ConflictException if the letter was issued already ({@link #letter} reads it)
     */
    FeedbackLetter issueLetter(long caseId, Actor actor);

    /**
     * @param caseId a case whose letter was issued
     * @param actor as for {@link #find}
     * @return the letter as issued, rendered in the wording of the region's rules in force
     * @throws ConflictException if the letter is not issued yet
     */
    FeedbackLetter letter(long caseId, Actor actor);

    /**
     * The unit's rectification measures 整改措施.
     *
     * @param caseId an OPEN, ISSUED, RETURNED or OVERDUE case
     * @param measures what the unit will do, 1–{@value #MAX_TEXT} characters
     * @param actor UNIT or DEPARTMENT with the agency in scope, or HOST_SYSTEM
     * @return the case, MEASURES (or still OVERDUE: the deadline has passed)
     */
    RectificationCase submitMeasures(long caseId, String measures, Actor actor);

    /**
     * The unit's rectification report 整改报告.
     *
     * @param caseId a case awaiting the unit
     * @param report what was done, 1–{@value #MAX_TEXT} characters
     * @param actor as for {@link #submitMeasures}
     * @return the case, REPORTED
     */
    RectificationCase report(long caseId, String report, Actor actor);

    /**
     * The organiser returns a report with reasons; the unit reports again by the same deadline.
     *
     * @param caseId a REPORTED case
     * @param reasons why the report does not suffice
     * @param actor the organiser's role with the case in scope
     * @return the case, RETURNED
     */
    RectificationCase returnCase(long caseId, Reason reasons, Actor actor);

    /**
     * The organiser closes a case: RECTIFIED 销号 lifts strict control on its subject (and releases the holds
     * strict control or the alert placed); NOT_RECTIFIED 整改不到位 puts the subject under strict control.
     *
     * @param caseId a REPORTED case, or for NOT_RECTIFIED any case not closed
     * @param outcome RECTIFIED or NOT_RECTIFIED
     * @param reason why
     * @param actor the organiser's role with the case in scope
     * @return the case, closed
     * @throws InvalidInputException if the outcome is not a closed status
     */
    RectificationCase close(long caseId, CaseStatus outcome, Reason reason, Actor actor);

    /**
     * The unit asks for more time 延期申请; one request at a time.
     *
     * @param caseId a case awaiting the unit
     * @param until the deadline asked for, after the present one
     * @param reason why
     * @param actor as for {@link #submitMeasures}
     * @return the case, with the request pending
     */
    RectificationCase requestExtension(long caseId, LocalDate until, Reason reason, Actor actor);

    /**
     * The organiser grants or refuses a pending extension request. A granted extension sets the new deadline (an
     * OVERDUE case returns to where it stood; strict control it caused stays until a case is closed RECTIFIED).
     *
     * @param caseId a case with a pending request
     * @param grant whether to grant it
     * @param deadline the new deadline when granted ({@code null}: the one asked for); ignored when refused
     * @param reason why
     * @param actor the organiser's role with the case in scope
     * @return the case
     */
    RectificationCase decideExtension(long caseId, boolean grant, LocalDate deadline, Reason reason, Actor actor);

    /**
     * The overdue pass on demand (it also runs on a schedule): every case of the region awaiting the unit whose
     * deadline passed before today (China time) becomes OVERDUE, its subject goes under strict control and, where
     * the region's rules say so, its project's payments are held.
     *
     * @param mofDivCode the region
     * @param actor FINANCE with the region in scope
     * @return how many cases this pass marked
     */
    int markOverdue(MofDivCode mofDivCode, Actor actor);

    /**
     * Refers a case for accountability 问责: a case that went OVERDUE or was closed NOT_RECTIFIED (on those grounds),
     * or any case on a finding of fraud or serious loss. The referral records the case's audit rows as they stand.
     *
     * @param caseId the case
     * @param ground why
     * @param referredTo to whom, 1–{@value Referral#MAX_REFERRED_TO} characters
     * @param reason what finance found
     * @param actor FINANCE with the region in scope
     * @return the referral
     * @throws ConflictException if the case does not stand on that ground
     */
    Referral refer(long caseId, ReferralGround ground, String referredTo, Reason reason, Actor actor);

    /**
     * Appends an outcome reported back.
     *
     * @param referralId the referral
     * @param outcome what was decided
     * @param actor FINANCE with the region in scope
     * @return the referral with the outcome
     */
    Referral addOutcome(long referralId, Reason outcome, Actor actor);

    /**
     * @param referralId a referral
     * @param actor FINANCE or AUDITOR with the region in scope; for anyone else there is none
     * @return the referral, if the actor may see it
     */
    Optional<Referral> referral(long referralId, Actor actor);

    /**
     * @param mofDivCode the region
     * @param actor FINANCE or AUDITOR with the region in scope
     * @return the region's referrals, newest last
     * @throws ForbiddenException for anyone else
     */
    List<Referral> referrals(MofDivCode mofDivCode, Actor actor);
}
