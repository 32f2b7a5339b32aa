package io.jixiao.store.internal.mapper;

import java.time.Instant;
import java.time.LocalDate;

/** Column image of {@code JX_MON_REPORT}, and of its indicator rows ({@code JX_MON_REPORT_KPI}) when read as one. */
public class ReportRow {
    public String mofDivCode;
    public int fiscalYear;
    public LocalDate cutOff;
    public String proCode;
    public String worst;
    public int late;
    public String submittedBy;
    public Instant submittedAt;
    public int seq;
    public String name;
    public String valueToDate;
    public String forecast;
    public String deviationReason;
    public String measure;
}
