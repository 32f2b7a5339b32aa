package io.jixiao.api.service;

/**
 * What a hold does to payments.
 */
public enum HoldKind {
    /** 暂缓拨款: payments wait until the hold is released. */
    SUSPEND,
    /** 停止拨款: payments are refused; only finance may release. */
    STOP
}
