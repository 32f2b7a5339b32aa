package io.jixiao.api.rectification;

/**
 * Where a rectification case stands. docs/rectification.md draws the workflow.
 */
public enum CaseStatus {
    /** opened; the organiser has not issued the feedback letter yet */
    OPEN,
    /** the feedback letter 反馈函 is issued; the unit submits its measures 整改措施 */
    ISSUED,
    /** the unit submitted its measures; it reports when it has rectified */
    MEASURES,
    /** the unit reported 整改报告; the organiser closes or returns the case */
    REPORTED,
    /** the organiser returned the report with reasons; the unit reports again */
    RETURNED,
    /** the deadline passed before the unit reported: the subject is under strict control until rectified */
    OVERDUE,
    /** closed: rectified 销号 */
    RECTIFIED,
    /** closed: not rectified 整改不到位 (the subject stays under strict control) */
    NOT_RECTIFIED;

    /** @return whether the case is closed */
    public boolean closed() {
        return this == RECTIFIED || this == NOT_RECTIFIED;
    }

    /** @return whether the unit has something to do: submit measures or report */
    public boolean awaitsUnit() {
        return this == ISSUED || this == MEASURES || this == RETURNED || this == OVERDUE;
    }
}
