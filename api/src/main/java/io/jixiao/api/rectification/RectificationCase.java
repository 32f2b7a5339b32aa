package io.jixiao.api.rectification;

import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A rectification case 整改事项: a finding its unit must rectify by a deadline, and where that stands.
 *
 * @param id the case's id
 * @param origin what it was opened from
 * @param originId the alert's or evaluation's id, or {@code null} for a case opened by hand
 * @param mofDivCode the fiscal region whose finance bureau (or department) follows it
 * @param fiscalYear the budget year of the finding
 * @param subject whose rectification it asks for
 * @param agencyCode the unit that rectifies, or {@code null} for a lower government
 * @param proCode the project, for a PROJECT case
 * @param deptCode the competent department, or {@code null}
 * @param subjectDivCode the lower government, for a LOWER_GOVERNMENT case
 * @param organiser who issues the letter and closes the case: FINANCE, or DEPARTMENT for a department's own
 *        evaluation (Changzhi Art. 28, 30)
 * @param problems what is to be rectified, at least one
 * @param responsible the person answerable, or {@code null} if none is recorded
 * @param deadline the last day to report, from the region's rules or an extension
 * @param status where it stands
 * @param extensionUntil the new deadline the unit asked for, while its request 延期申请 awaits the organiser
 * @param strictSince when the subject came under strict control through this case (it went OVERDUE or was closed
 *        NOT_RECTIFIED), or {@code null}
 * @param strictLiftedAt when a case on the same subject was closed RECTIFIED, lifting that strict control
 * @param holdId the hold strict control placed on the project's payments, or {@code null}
 * @param openedBy who opened it
 * @param openedAt when
 * @param closedAt when it was closed, or {@code null}
 * @param ruleVersion the rule sets that set its deadline
 */
public record RectificationCase(long id, CaseOrigin origin, String originId, MofDivCode mofDivCode,
        FiscalYear fiscalYear, CaseSubject subject, AgencyCode agencyCode, ProCode proCode, String deptCode,
        MofDivCode subjectDivCode, Role organiser, List<Problem> problems, Responsible responsible, LocalDate deadline,
        CaseStatus status, LocalDate extensionUntil, Instant strictSince, Instant strictLiftedAt, Long holdId,
        String openedBy, Instant openedAt, Instant closedAt, String ruleVersion) {
    public RectificationCase {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(mofDivCode, "mofDivCode");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(organiser, "organiser");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(status, "status");
        problems = List.copyOf(problems);
    }

    /** @return whether the case keeps its subject under strict control now */
    public boolean strictControl() {
        return strictSince != null && strictLiftedAt == null;
    }

    /** @return the case in another status, nothing else changed */
    public RectificationCase withStatus(CaseStatus next) {
        return new RectificationCase(id, origin, originId, mofDivCode, fiscalYear, subject, agencyCode, proCode,
                deptCode, subjectDivCode, organiser, problems, responsible, deadline, next, extensionUntil, strictSince,
                strictLiftedAt, holdId, openedBy, openedAt, closedAt, ruleVersion);
    }
}
