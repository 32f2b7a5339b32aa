package io.jixiao.api.goal;

/** The hooks that admit a project or a budget line only with an approved goal. */
public enum Gate {
    /** Project-library admission 入库. */
    ADMISSION,
    /** A department's budget draft 预算编制. */
    COMPILATION,
    /** Mid-year budget adjustments and supplementary appropriations 预算调整 / 追加. */
    ADJUSTMENT
}
