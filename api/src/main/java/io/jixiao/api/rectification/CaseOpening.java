package io.jixiao.api.rectification;

import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Violations;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A case finance opens by hand (a finding of an inspection, an audit, a complaint).
 *
 * @param mofDivCode the region
 * @param fiscalYear the budget year of the finding
 * @param subject PROJECT (agency and project), DEPARTMENT (agency) or LOWER_GOVERNMENT (subject region)
 * @param agencyCode the unit, for PROJECT and DEPARTMENT
 * @param proCode the project, for PROJECT
 * @param subjectDivCode the lower government, for LOWER_GOVERNMENT
 * @param problems 1–50 problems
 * @param responsible the person answerable, or {@code null}
 * @param deadline the deadline, or {@code null} for the region's rule
 */
public record CaseOpening(MofDivCode mofDivCode, FiscalYear fiscalYear, CaseSubject subject, AgencyCode agencyCode,
        ProCode proCode, MofDivCode subjectDivCode, List<Problem> problems, Responsible responsible,
        LocalDate deadline) {
    /** Most problems in one case. */
    public static final int MAX_PROBLEMS = 50;

    public CaseOpening {
        Objects.requireNonNull(mofDivCode, "mofDivCode");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(subject, "subject");
        problems = List.copyOf(problems);
        Violations v = new Violations();
        shape(v, subject, agencyCode, proCode, subjectDivCode, problems.size());
        v.throwIfAny();
    }

    /**
     * A case's opening from the fields of a remote request; {@code problems} come already built with
     * {@link Problem#from}, {@code responsible} with {@link Responsible#from}.
     *
     * @param v collects every broken rule
     * @param deadline the deadline, parsed by the contract, or {@code null}
     * @return the opening, or {@code null} if a rule was broken
     */
    public static CaseOpening from(Violations v, String mofDivCode, Integer fiscalYear, String subject,
            String agencyCode, String proCode, String subjectDivCode, List<Problem> problems, Responsible responsible,
            LocalDate deadline) {
        int before = v.count();
        MofDivCode region = v.check(() -> MofDivCode.of(mofDivCode));
        FiscalYear year = FiscalYear.from(v, fiscalYear);
        CaseSubject kind = subject == null ? null : v.oneOf("SUBJECT", subject, CaseSubject.class);
        if (subject == null) {
            v.add("SUBJECT", "required", "is required: PROJECT, DEPARTMENT or LOWER_GOVERNMENT");
        }
        AgencyCode agency = agencyCode == null ? null : v.check(() -> AgencyCode.of(agencyCode));
        ProCode project = proCode == null ? null : v.check(() -> ProCode.of(proCode));
        MofDivCode lower = subjectDivCode == null ? null : v.check(() -> MofDivCode.of(subjectDivCode));
        if (kind != null) {
            shape(v, kind, agencyCode == null ? null : agency, proCode == null ? null : project,
                    subjectDivCode == null ? null : lower, problems == null ? 0 : problems.size());
        }
        if (v.count() > before || problems.contains(null)) {
            return null;
        }
        return v.check(() -> new CaseOpening(region, year, kind, agency, project, lower, problems, responsible,
                deadline));
    }

    private static void shape(Violations v, CaseSubject subject, Object agency, Object project, Object lower,
            int problems) {
        if (subject != CaseSubject.LOWER_GOVERNMENT && agency == null) {
            v.add("AGENCY_CODE", "required", "is required for a " + subject + " case");
        }
        if (subject == CaseSubject.PROJECT && project == null) {
            v.add("PRO_CODE", "required", "is required for a PROJECT case");
        }
        if (subject != CaseSubject.PROJECT && project != null) {
            v.add("PRO_CODE", "subject", "only a PROJECT case names a project");
        }
        if (subject == CaseSubject.LOWER_GOVERNMENT && lower == null) {
            v.add("SUBJECT_DIV_CODE", "required", "is required for a LOWER_GOVERNMENT case");
        }
        if (subject != CaseSubject.LOWER_GOVERNMENT && lower != null) {
            v.add("SUBJECT_DIV_CODE", "subject", "only a LOWER_GOVERNMENT case names a lower government");
        }
        if (problems < 1 || problems > MAX_PROBLEMS) {
            v.add("PROBLEMS", "size", "1 to " + MAX_PROBLEMS + " problems");
        }
    }
}
