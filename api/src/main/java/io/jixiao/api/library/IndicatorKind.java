package io.jixiao.api.library;

/** Who keeps a library indicator. */
public enum IndicatorKind {
    /** 共性指标: the common framework, kept by finance. */
    COMMON("共性指标"),
    /** 行业核心指标: a department's industry core indicators, kept by that department. */
    INDUSTRY("行业核心指标");

    private final String chinese;

    IndicatorKind(String chinese) {
        this.chinese = chinese;
    }

    /** @return the name on the forms */
    public String chinese() {
        return chinese;
    }
}
