package io.jixiao.store.internal.mapper;

import java.time.Instant;
import java.time.LocalDate;

/** Column image of {@code JX_RECT_CASE}. */
public class CaseRow {
    public long caseId;
    public String origin;
    public String originId;
    public String mofDivCode;
    public int fiscalYear;
    public String subject;
    public String agencyCode;
    public String proCode;
    public String deptCode;
    public String subjectDivCode;
    public String organiser;
    public String respName;
    public String respAccount;
    public String respPhone;
    public LocalDate deadline;
    public String status;
    public LocalDate extUntil;
    public Instant strictSince;
    public Instant strictLiftedAt;
    public Long holdId;
    public int steps;
    public String openedBy;
    public Instant openedAt;
    public Instant closedAt;
    public String ruleVersion;
}
