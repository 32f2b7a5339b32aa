package io.jixiao.api.evaluation;

import java.math.BigDecimal;

/**
 * How far a qualitative indicator was achieved (财预〔2020〕10号): the evaluator chooses the share of the indicator's
 * points inside the band of the achievement — achieved 80–100 %, partly achieved 60–80 %, not achieved 0–60 %
 * (lower bounds inclusive, upper bounds exclusive except 100).
 */
public enum Achievement {
    /** 达成年度指标 */
    ACHIEVED(80, 100),
    /** 部分达成年度指标 */
    PARTLY(60, 80),
    /** 未达成年度指标 */
    NOT_ACHIEVED(0, 60);

    private final BigDecimal from;
    private final BigDecimal to;

    Achievement(int from, int to) {
        this.from = BigDecimal.valueOf(from);
        this.to = BigDecimal.valueOf(to);
    }

    /** @return the lowest percentage of the band */
    public BigDecimal from() {
        return from;
    }

    /** @return the percentage the band stops before (100 belongs to ACHIEVED) */
    public BigDecimal to() {
        return to;
    }

    /**
     * @param percent a share of the points, in percent
     * @return whether the share lies in this band
     */
    public boolean admits(BigDecimal percent) {
        return percent.compareTo(from) >= 0
                && (percent.compareTo(to) < 0 || this == ACHIEVED && percent.compareTo(to) == 0);
    }
}
