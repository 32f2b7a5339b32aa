package io.jixiao.api.rectification;

import java.util.Objects;

/**
 * The feedback letter 反馈函 of a case: the problems and the deadline in the region's wording.
 *
 * @param caseId the case
 * @param title the letter's title
 * @param html the letter as a complete HTML page (every entered text escaped, no script)
 * @param docx the letter as an Office Open XML document (.docx)
 */
public record FeedbackLetter(long caseId, String title, String html, byte[] docx) {
    public FeedbackLetter {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(docx, "docx");
    }
}
