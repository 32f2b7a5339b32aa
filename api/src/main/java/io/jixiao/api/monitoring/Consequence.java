package io.jixiao.api.monitoring;

/** What an alert level entails, configured per region (docs/monitoring.md). */
public enum Consequence {
    /** a notice to the unit 预警提醒 */
    NOTICE,
    /** rectification required 督促整改 */
    RECTIFY,
    /** a proposal to adjust or cancel the budget 调整或取消预算 (Changzhi Art. 22) */
    ADJUST_PROPOSAL,
    /** recovery of idle funds 收回闲置资金 (Tianjin, Yunxi) */
    RECOVER_IDLE,
    /** payments suspended 暂缓拨款: a SUSPEND hold on the project */
    HOLD,
    /** payments stopped 停止拨款: a STOP hold on the project */
    STOP
}
