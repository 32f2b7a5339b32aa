package io.jixiao.api.monitoring;

/** The traffic light of a monitored project, in rising severity (the MoF platform's 绿 / 蓝 / 黄 / 红). */
public enum AlertLevel {
    GREEN,
    BLUE,
    YELLOW,
    RED;

    /** @return the more severe of the two */
    public AlertLevel max(AlertLevel other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
