package io.jixiao.api.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount in yuan with exactly two decimals. Never built from a {@code double}.
 *
 * @param yuan the amount, scale 2
 */
public record Money(BigDecimal yuan) implements Comparable<Money> {
    /** Largest amount accepted: 16 integer digits, far above any single budget line. */
    public static final BigDecimal MAX = new BigDecimal("9999999999999999.99");

    public Money {
        Objects.requireNonNull(yuan, "yuan");
        if (yuan.scale() != 2) {
            throw new IllegalArgumentException("Money must have scale 2; use Money.of");
        }
    }

    /**
     * Validates a strictly positive amount of at most two decimals.
     *
     * @param field element name used in the violation, e.g. {@code PAY_APP_AMT}
     * @param amount the amount as received
     * @return the amount at scale 2
     * @throws InvalidInputException if missing, not positive, with more than 2 decimals or above {@link #MAX}
     */
    public static Money positive(String field, BigDecimal amount) {
        Checks.required(field, amount);
        if (amount.signum() <= 0) {
            throw InvalidInputException.of(field, "positive", "must be greater than 0, got " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw InvalidInputException.of(field, "scale", "must have at most 2 decimals (yuan and fen), got "
                    + amount.toPlainString());
        }
        if (amount.compareTo(MAX) > 0) {
            throw InvalidInputException.of(field, "max", "must be at most " + MAX.toPlainString());
        }
        return new Money(amount.setScale(2, RoundingMode.UNNECESSARY));
    }

    @Override
    public int compareTo(Money other) {
        return yuan.compareTo(other.yuan);
    }

    @Override
    public String toString() {
        return yuan.toPlainString();
    }
}
