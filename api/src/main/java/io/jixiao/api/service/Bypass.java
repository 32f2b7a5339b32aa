package io.jixiao.api.service;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Reason;
import java.time.Instant;
import java.util.Objects;

/**
 * An emergency bypass of the payment guard for one fiscal region: while it is open, the region's payments pass
 * whatever holds they carry, each recorded as passed by the bypass. Opened by finance with a reason and an end.
 *
 * @param bypassId its id
 * @param mofDivCode the region (exactly this code; regions below it are not covered)
 * @param openedAt when it was opened
 * @param until when it ends by itself
 * @param reason why, as opened
 * @param openedBy who opened it
 * @param closedAt when it was closed early, or {@code null}
 * @param closedBy who closed it, or {@code null}
 * @param closeReason why it was closed, or {@code null}
 * @since 1.3.0
 */
public record Bypass(long bypassId, MofDivCode mofDivCode, Instant openedAt, Instant until, Reason reason,
        Actor openedBy, Instant closedAt, Actor closedBy, Reason closeReason) {
    public Bypass {
        Objects.requireNonNull(mofDivCode, "mofDivCode");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(openedBy, "openedBy");
    }

    /**
     * @param now a moment
     * @return whether it lets payments through at that moment
     */
    public boolean openAt(Instant now) {
        return closedAt == null && !now.isBefore(openedAt) && now.isBefore(until);
    }
}
