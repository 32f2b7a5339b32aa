package io.jixiao.api.service;

/**
 * Lifecycle of a hold.
 */
public enum HoldStatus {
    ACTIVE,
    RELEASED
}
