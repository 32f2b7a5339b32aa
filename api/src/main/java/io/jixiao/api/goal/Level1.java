package io.jixiao.api.goal;

/** Level-1 indicator categories (一级指标). */
public enum Level1 {
    /** 产出指标 */
    OUTPUT("产出指标"),
    /** 效益指标 */
    BENEFIT("效益指标"),
    /** 满意度指标 */
    SATISFACTION("满意度指标");

    private final String chinese;

    Level1(String chinese) {
        this.chinese = chinese;
    }

    /** @return the name on the forms */
    public String chinese() {
        return chinese;
    }
}
