package io.jixiao.api.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One step of a case's history, as its audit row records it too.
 *
 * @param caseId the case
 * @param seq the step's number, from 1
 * @param action what happened, e.g. {@code OPENED}, {@code LETTER_ISSUED}, {@code MEASURES}, {@code REPORTED},
 *        {@code RETURNED}, {@code EXTENSION_REQUESTED}, {@code EXTENSION_GRANTED}, {@code EXTENSION_REFUSED},
 *        {@code OVERDUE}, {@code RECTIFIED}, {@code NOT_RECTIFIED}, {@code STRICT_CONTROL_LIFTED}
 * @param status the case's status after it
 * @param actor who acted (caller system and operator)
 * @param at when
 * @param text the measures, report, reasons or extension request as written, or {@code null}
 * @param deadline the deadline after the step
 */
public record CaseStep(long caseId, int seq, String action, CaseStatus status, String actor, Instant at, String text,
        LocalDate deadline) {
    public CaseStep {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
