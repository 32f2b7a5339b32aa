package io.jixiao.api.goal;

/** Level-2 indicator categories (二级指标), each under one level-1 category. */
public enum Level2 {
    /** 数量指标 */
    QUANTITY(Level1.OUTPUT, "数量指标"),
    /** 质量指标 */
    QUALITY(Level1.OUTPUT, "质量指标"),
    /** 时效指标 */
    TIMELINESS(Level1.OUTPUT, "时效指标"),
    /** 成本指标 */
    COST(Level1.OUTPUT, "成本指标"),
    /** 经济效益指标 */
    ECONOMIC(Level1.BENEFIT, "经济效益指标"),
    /** 社会效益指标 */
    SOCIAL(Level1.BENEFIT, "社会效益指标"),
    /** 生态效益指标 */
    ECOLOGICAL(Level1.BENEFIT, "生态效益指标"),
    /** 可持续影响指标 */
    SUSTAINABLE(Level1.BENEFIT, "可持续影响指标"),
    /** 服务对象满意度指标 */
    SATISFACTION(Level1.SATISFACTION, "服务对象满意度指标");

    private final Level1 level1;
    private final String chinese;

    Level2(Level1 level1, String chinese) {
        this.level1 = level1;
        this.chinese = chinese;
    }

    /** @return the level-1 category this one belongs to */
    public Level1 level1() {
        return level1;
    }

    /** @return the name on the forms */
    public String chinese() {
        return chinese;
    }
}
