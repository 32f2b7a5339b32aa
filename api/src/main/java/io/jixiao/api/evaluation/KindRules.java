package io.jixiao.api.evaluation;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of the evaluation kinds beyond self-evaluation, per region and year (docs/evaluation.md#evaluation-kinds):
 * the {@code evaluation.key.*} and {@code evaluation.spotCheck.*} keys of the region's rule sets, inheritance applied.
 * Absent keys take the defaults below.
 *
 * @param version the rule sets that made them
 * @param keyWeights the points of each part of a key evaluation; they add up to 100 (default decision 20, process 20,
 *        output 30, benefit 30 — illustrative: the framework names the parts, the evaluation plan weighs them)
 * @param spotShare the share of the year's submitted self-evaluations a spot-check sample draws, percent (default 10)
 * @param spotMinimum the fewest projects a sample draws while there are that many (default 1)
 * @param spotGap a re-evaluated total further than this many points from the self-evaluated one is flagged
 *        (default 10)
 * @param wholeDepartment whether closing a unit's year also opens its whole-department self-evaluation 部门(单位)整体
 *        绩效自评 ({@code evaluation.wholeDepartment}, default false; Tianjin and Changzhi require one)
 */
public record KindRules(String version, Map<KeyPart, BigDecimal> keyWeights, BigDecimal spotShare, int spotMinimum,
        BigDecimal spotGap, boolean wholeDepartment) {

    /** The key-evaluation weights when a region sets none. */
    public static final Map<KeyPart, BigDecimal> DEFAULT_KEY_WEIGHTS;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static {
        EnumMap<KeyPart, BigDecimal> defaults = new EnumMap<>(KeyPart.class);
        defaults.put(KeyPart.DECISION, BigDecimal.valueOf(20));
        defaults.put(KeyPart.PROCESS, BigDecimal.valueOf(20));
        defaults.put(KeyPart.OUTPUT, BigDecimal.valueOf(30));
        defaults.put(KeyPart.BENEFIT, BigDecimal.valueOf(30));
        DEFAULT_KEY_WEIGHTS = Collections.unmodifiableMap(defaults);
    }

    public KindRules {
        Objects.requireNonNull(version, "version");
        EnumMap<KeyPart, BigDecimal> w = new EnumMap<>(KeyPart.class);
        BigDecimal sum = BigDecimal.ZERO;
        for (KeyPart part : KeyPart.values()) {
            BigDecimal weight = Objects.requireNonNull(keyWeights.get(part), "evaluation.key.weight." + part);
            w.put(part, weight);
            sum = sum.add(weight);
        }
        if (sum.compareTo(HUNDRED) != 0) {
            throw new IllegalArgumentException("evaluation.key.weight.* must add up to 100, got " + sum.toPlainString()
                    + " " + w);
        }
        keyWeights = Collections.unmodifiableMap(w);
        if (spotShare.signum() <= 0 || spotShare.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("evaluation.spotCheck.share must be a percentage above 0 and at most "
                    + "100, got " + spotShare.toPlainString());
        }
        if (spotMinimum < 0) {
            throw new IllegalArgumentException("evaluation.spotCheck.minimum must be 0 or more, got " + spotMinimum);
        }
        if (spotGap.signum() <= 0 || spotGap.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("evaluation.spotCheck.gap must be points above 0 and at most 100, got "
                    + spotGap.toPlainString());
        }
    }

    /**
     * @param part a part of a key evaluation
     * @return its points
     */
    public BigDecimal keyWeight(KeyPart part) {
        return keyWeights.get(part);
    }

    /**
     * @param submitted how many self-evaluations a sample draws from
     * @return how many it draws: the share rounded up, at least the minimum, at most all
     */
    public int sampleSize(int submitted) {
        int byShare = BigDecimal.valueOf(submitted).multiply(spotShare).divide(HUNDRED, 0,
                java.math.RoundingMode.CEILING).intValue();
        return Math.min(submitted, Math.max(spotMinimum, byShare));
    }

}
