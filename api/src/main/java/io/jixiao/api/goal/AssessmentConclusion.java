package io.jixiao.api.goal;

/** The conclusion of an ex-ante assessment. Only a supporting conclusion lets a project on. */
public enum AssessmentConclusion {
    /** 予以支持 */
    SUPPORT,
    /** 调整后支持 */
    SUPPORT_AFTER_ADJUSTMENT,
    /** 不予支持 */
    REJECT;

    /** @return whether the project may go on */
    public boolean supports() {
        return this != REJECT;
    }
}
