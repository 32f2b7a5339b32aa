package io.jixiao.store.internal.mapper;

import java.time.Instant;

/** Column image of {@code JX_ASSESSMENT}. */
public class AssessmentRow {
    public long assessmentId;
    public String mofDivCode;
    public int fiscalYear;
    public String proCode;
    public String tier;
    public String scores;
    public String conclusion;
    public String assessor;
    public boolean thirdParty;
    public String documentRef;
    public String recordedCaller;
    public String recordedOperator;
    public String recordedRoles;
    public Instant recordedAt;
}
