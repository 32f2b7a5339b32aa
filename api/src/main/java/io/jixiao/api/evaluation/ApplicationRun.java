package io.jixiao.api.evaluation;

import java.math.BigDecimal;

/**
 * What one run of result application did.
 *
 * @param targetYear the budget year changed
 * @param recorded evaluations given an adjustment now
 * @param applied adjustments the host acknowledged now (including ones recorded by an earlier, interrupted run)
 * @param notInDraft adjustments of projects absent from the target year's compilation
 * @param pending adjustments still waiting for the host (0 when the run completed)
 * @param change the sum of the changes acknowledged now, yuan
 */
public record ApplicationRun(int targetYear, int recorded, int applied, int notInDraft, int pending,
        BigDecimal change) {
}
