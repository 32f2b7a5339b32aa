package io.jixiao.rectification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The time rectification goes by: the system's, or while one is registered, a clock service marked
 * {@code jixiao.clock=rehearsal} — how a rehearsal environment (and the in-framework tests) sees what happens once
 * deadlines have passed without waiting for them. Deadlines and the overdue pass read it; nothing else does.
 */
final class RehearsalClock extends Clock {
    private final Clock system;
    private volatile Clock current;

    RehearsalClock(Clock system) {
        this.system = Objects.requireNonNull(system, "system");
        this.current = system;
    }

    void use(Clock rehearsal) {
        current = rehearsal;
    }

    void drop(Clock rehearsal) {
        if (current == rehearsal) {
            current = system;
        }
    }

    @Override
    public ZoneId getZone() {
        return current.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return current.withZone(zone);
    }

    @Override
    public Instant instant() {
        return current.instant();
    }
}
