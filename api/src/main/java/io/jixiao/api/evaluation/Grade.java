package io.jixiao.api.evaluation;

/** The four grades of a 100-point evaluation, best first. */
public enum Grade {
    /** 优 */
    EXCELLENT("优"),
    /** 良 */
    GOOD("良"),
    /** 中 */
    FAIR("中"),
    /** 差 */
    POOR("差");

    private final String chinese;

    Grade(String chinese) {
        this.chinese = chinese;
    }

    /** @return the grade as written on the forms */
    public String chinese() {
        return chinese;
    }
}
