package io.jixiao.api.goal;

/**
 * The stages of a multi-stage goal review, where a region's rules ({@code review.stages}) have them. Guangzhou
 * (seed 002 ¶22): finance's project-library department reviews the goal and its indicators when the project enters
 * the library; finance's expenditure department reviews the amount jointly with the goal at compilation; after the
 * budget is sealed the department settles the year's goal on the reviews' opinions. Each stage follows the ones
 * before it, on the approved version of the goal.
 */
public enum ReviewStage {
    /** 入库评审: the goal's overall review when the project enters the library (FINANCE). */
    ADMISSION("入库评审"),
    /** 编制联合评审: the amount reviewed jointly with the goal at compilation (FINANCE); names the amount. */
    COMPILATION("编制联合评审"),
    /** 封库后确定: the department settles the year's goal after the budget is sealed (DEPARTMENT or FINANCE). */
    FINAL("封库后确定");

    private final String zh;

    ReviewStage(String zh) {
        this.zh = zh;
    }

    /** @return the stage's Chinese name */
    public String zh() {
        return zh;
    }
}
