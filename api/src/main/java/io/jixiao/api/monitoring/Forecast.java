package io.jixiao.api.monitoring;

/** A unit's full-year forecast for one performance indicator (全年完成情况预计). */
public enum Forecast {
    /** 确定能完成 */
    WILL_COMPLETE,
    /** 有偏差但能完成 */
    DEVIATING_CAN_COMPLETE,
    /** 无法完成 */
    CANNOT_COMPLETE
}
