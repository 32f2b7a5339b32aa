package io.jixiao.api.port;

import io.jixiao.api.model.ProCode;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A change Jixiao writes to a project's requested amount in a budget year open for compilation, from an
 * evaluation's result (since 1.1.0). The host applies a change id once: sending it again changes nothing.
 *
 * @param changeId unique and stable for the evaluation it comes from (a retry sends the same id)
 * @param proCode the project
 * @param action what the policy decided: PRIORITY, KEEP, CUT or CANCEL
 * @param cutPercent the share of the requested amount cut, 0 to 100
 * @param change the change to the requested amount, yuan: 0 or negative
 * @param reason the evaluation and the policy row that caused it, for the host's users
 */
public record AllocationChange(String changeId, ProCode proCode, String action, BigDecimal cutPercent,
        BigDecimal change, String reason) {
    public AllocationChange {
        Objects.requireNonNull(changeId, "changeId");
        Objects.requireNonNull(proCode, "proCode");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(cutPercent, "cutPercent");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * What the change does, as a hash the host keeps with the change id: a host that meets the id again with
     * another hash answers CONFLICT instead of DUPLICATE (the reason, text for people, is not part of it).
     *
     * @return 64 lower-case hex digits of SHA-256 over the lines change id, proCode.value(), action, cut percent and change
     *         (plain, two decimals), each ended by a line feed
     * @since 1.3.0
     */
    public String contentHash() {
        return ContentHash.of(changeId, proCode.value(), action, cutPercent, change);
    }
}
