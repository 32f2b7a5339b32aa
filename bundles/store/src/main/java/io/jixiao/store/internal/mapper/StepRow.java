package io.jixiao.store.internal.mapper;

import java.time.Instant;
import java.time.LocalDate;

/** Column image of {@code JX_RECT_STEP}. */
public class StepRow {
    public long caseId;
    public int seq;
    public String action;
    public String status;
    public String actor;
    public Instant at;
    public String text;
    public LocalDate deadline;
}
