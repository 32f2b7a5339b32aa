package io.jixiao.api.service;

import java.time.Instant;
import java.util.List;

/**
 * The payment guard as one node sees it, for a region.
 *
 * @param consistency {@code BOUNDED} or {@code STRICT}
 * @param loaded whether the hold index was loaded
 * @param trusted whether the guard decides from its index now (else project payments are held fail-safe)
 * @param indexAgeMillis how long since the index was last brought up to date, or {@code null} before it was loaded
 * @param lastSync when that was, or {@code null}
 * @param appliedChange the last hold change applied with all before it
 * @param heldTargets projects and budget lines of all regions with an active hold in the index
 * @param staleAfterMillis the age beyond which the index is not trusted (BOUNDED)
 * @param bypass the region's open emergency bypass, or {@code null}
 * @since 1.3.0
 */
public record GuardState(String consistency, boolean loaded, boolean trusted, Long indexAgeMillis, Instant lastSync,
        long appliedChange, int heldTargets, long staleAfterMillis, Bypass bypass) {
}
