package io.jixiao.api.goal;

import io.jixiao.api.model.Actor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One stage of a goal version's multi-stage review, as recorded.
 *
 * @param goalId the goal
 * @param version the reviewed version
 * @param stage the stage
 * @param amount the amount the review settled (评审核定金额, yuan, scale 2), where the stage names one, else
 *        {@code null}; the gates allow the project no more than this
 * @param opinion the reviewers' opinion, possibly empty
 * @param reviewedBy who recorded the review
 * @param reviewedAt when
 */
public record StageReview(long goalId, int version, ReviewStage stage, BigDecimal amount, String opinion,
        Actor reviewedBy, Instant reviewedAt) {
    /** The longest opinion text. */
    public static final int MAX_OPINION = 500;

    public StageReview {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reviewedBy, "reviewedBy");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        opinion = opinion == null ? "" : opinion;
    }
}
