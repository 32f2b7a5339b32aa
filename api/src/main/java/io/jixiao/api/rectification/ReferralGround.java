package io.jixiao.api.rectification;

/** Why a case is referred for accountability 问责 (Tianjin 000 六(二): 线索移送). */
public enum ReferralGround {
    /** the case went OVERDUE: the unit did not rectify in time */
    OVERDUE,
    /** the case was closed NOT_RECTIFIED 整改不到位 */
    NOT_RECTIFIED,
    /** fraud or falsification 弄虚作假 found in the evaluation or the rectification */
    FRAUD,
    /** a serious loss of public money 造成重大损失 */
    SERIOUS_LOSS
}
