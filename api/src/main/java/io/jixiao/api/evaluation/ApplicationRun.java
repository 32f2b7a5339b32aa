package io.jixiao.api.evaluation;

import java.math.BigDecimal;

/**
 * What one run of result application did.
 *
 * @param targetYear the budget year changed
 * @param recorded evaluations given an adjustment now
 * @param applied adjustments the host acknowledged now (including ones recorded by an earlier, interrupted run)
 * @param notInDraft adjustments of projects absent from the target year's compilation
 * @param pending adjustments the host did not report on: they are sent again by the next run
 * @param conflicts adjustments whose change id the host had applied with other content: not applied, not sent
 *        again ({@link AdjustmentStatus#CONFLICT}; since 1.3.0)
 * @param change the sum of the changes the host applied now or had applied under the same content, yuan
 */
public record ApplicationRun(int targetYear, int recorded, int applied, int notInDraft, int pending, int conflicts,
        BigDecimal change) {

    /** A run without conflicts, as before 1.3.0. */
    public ApplicationRun(int targetYear, int recorded, int applied, int notInDraft, int pending, BigDecimal change) {
        this(targetYear, recorded, applied, notInDraft, pending, 0, change);
    }
}
