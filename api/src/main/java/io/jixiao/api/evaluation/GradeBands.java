package io.jixiao.api.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Where the grades begin on the 100-point scale: 优 [excellent, 100], 良 [good, excellent), 中 [fair, good),
 * 差 [0, fair). The national bands (and Changzhi's) are 90 / 80 / 60.
 *
 * @param excellent the lowest total graded 优
 * @param good the lowest total graded 良
 * @param fair the lowest total graded 中
 */
public record GradeBands(BigDecimal excellent, BigDecimal good, BigDecimal fair) {
    /** 90 / 80 / 60. */
    public static final GradeBands NATIONAL = new GradeBands(BigDecimal.valueOf(90), BigDecimal.valueOf(80),
            BigDecimal.valueOf(60));

    public GradeBands {
        Objects.requireNonNull(excellent, "excellent");
        Objects.requireNonNull(good, "good");
        Objects.requireNonNull(fair, "fair");
        if (excellent.compareTo(BigDecimal.valueOf(100)) > 0 || excellent.compareTo(good) <= 0
                || good.compareTo(fair) <= 0 || fair.signum() <= 0) {
            throw new IllegalArgumentException("grade bands must satisfy 100 ≥ 优 > 良 > 中 > 0, got "
                    + excellent.toPlainString() + "," + good.toPlainString() + "," + fair.toPlainString());
        }
    }

    /**
     * @param total a total already rounded to two decimals (the grade comes from the rounded total)
     * @return its grade
     */
    public Grade gradeOf(BigDecimal total) {
        if (total.scale() > 2 && total.setScale(2, RoundingMode.DOWN).compareTo(total) != 0) {
            throw new IllegalArgumentException("grade the rounded total (2 decimals), got " + total.toPlainString());
        }
        if (total.compareTo(excellent) >= 0) {
            return Grade.EXCELLENT;
        }
        if (total.compareTo(good) >= 0) {
            return Grade.GOOD;
        }
        return total.compareTo(fair) >= 0 ? Grade.FAIR : Grade.POOR;
    }
}
