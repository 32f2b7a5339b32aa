package io.jixiao.api.goal;

import io.jixiao.api.model.InvalidInputException;

/**
 * How an indicator's actual value is compared with its target: the platform's {@code COMPUTESIGN} 1–6.
 * Quantitative indicators use 1–5 with a numeric target; 6 is qualitative (定性).
 */
public enum ComputeSign {
    /** 1 ≥ */
    GE(1, "≥"),
    /** 2 &gt; */
    GT(2, ">"),
    /** 3 = */
    EQ(3, "="),
    /** 4 &lt; */
    LT(4, "<"),
    /** 5 ≤ */
    LE(5, "≤"),
    /** 6 qualitative 定性 */
    QUALITATIVE(6, "定性");

    /** Element name in the platform's contracts. */
    public static final String FIELD = "COMPUTESIGN";

    private final int code;
    private final String symbol;

    ComputeSign(int code, String symbol) {
        this.code = code;
        this.symbol = symbol;
    }

    /** @return the platform code 1–6 */
    public int code() {
        return code;
    }

    /** @return the sign as shown on the declaration form */
    public String symbol() {
        return symbol;
    }

    /** @return whether the indicator has a numeric target (codes 1–5) */
    public boolean quantitative() {
        return this != QUALITATIVE;
    }

    /**
     * @param code the platform code
     * @return the sign
     * @throws InvalidInputException unless 1–6
     */
    public static ComputeSign of(int code) {
        for (ComputeSign sign : values()) {
            if (sign.code == code) {
                return sign;
            }
        }
        throw InvalidInputException.of(FIELD, "range", "must be 1 (≥), 2 (>), 3 (=), 4 (<), 5 (≤) or 6 (qualitative), got "
                + code);
    }
}
