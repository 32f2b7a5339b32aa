package io.jixiao.api.evaluation;

import io.jixiao.api.goal.Level1;

/** The level-1 parts of a self-evaluation's 100 points: the three indicator categories and budget execution. */
public enum ScoreCategory {
    /** 产出指标 */
    OUTPUT,
    /** 效益指标 */
    BENEFIT,
    /** 满意度指标 */
    SATISFACTION,
    /** 预算执行率 */
    EXECUTION;

    /**
     * @param level1 an indicator's level-1 category
     * @return the part of the score it counts in
     */
    public static ScoreCategory of(Level1 level1) {
        return switch (level1) {
            case OUTPUT -> OUTPUT;
            case BENEFIT -> BENEFIT;
            case SATISFACTION -> SATISFACTION;
        };
    }
}
