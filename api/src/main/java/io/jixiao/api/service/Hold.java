package io.jixiao.api.service;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.Reason;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment hold as stored.
 *
 * @param holdId the hold's id
 * @param target what is held
 * @param kind suspend or stop
 * @param reason why it was placed
 * @param status active or released
 * @param placedBy who placed it
 * @param placedAt when it was placed
 * @param release the release, {@code null} while active
 */
public record Hold(long holdId, HoldTarget target, HoldKind kind, Reason reason, HoldStatus status, Actor placedBy,
        Instant placedAt, Release release) {

    public Hold {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(placedBy, "placedBy");
        Objects.requireNonNull(placedAt, "placedAt");
        if ((status == HoldStatus.RELEASED) != (release != null)) {
            throw new IllegalArgumentException("a released hold, and only a released hold, carries its release");
        }
    }

    /**
     * @return whether the hold still applies to payments
     */
    public boolean isActive() {
        return status == HoldStatus.ACTIVE;
    }

    /**
     * How a hold ended.
     *
     * @param releasedBy who released it
     * @param releasedAt when
     * @param reason why (e.g. the rectification that was accepted)
     */
    public record Release(Actor releasedBy, Instant releasedAt, Reason reason) {
        public Release {
            Objects.requireNonNull(releasedBy, "releasedBy");
            Objects.requireNonNull(releasedAt, "releasedAt");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
