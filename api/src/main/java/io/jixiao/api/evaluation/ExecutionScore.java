package io.jixiao.api.evaluation;

import io.jixiao.api.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The budget execution line of a scorecard: execution rate × the execution weight, capped at the weight.
 *
 * @param budget the full-year budget (全年预算数)
 * @param spent the full-year execution (全年执行数), read from the host's ledger
 * @param rate spent / budget, unrounded
 * @param weight the execution weight (10 by default)
 * @param points min(rate, 1) × weight, unrounded
 */
public record ExecutionScore(Money budget, Money spent, BigDecimal rate, BigDecimal weight, BigDecimal points) {
    public ExecutionScore {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(spent, "spent");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(points, "points");
    }

    /** @return the execution rate in percent, two decimals, half up */
    public BigDecimal ratePercent() {
        return rate.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }
}
