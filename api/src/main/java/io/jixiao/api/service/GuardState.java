package io.jixiao.api.service;

import java.time.Instant;

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
 * @param journalLagMillis how long the oldest PASS decision of this node not yet in the database has waited, or
 *        {@code null} when every one is written (since 1.4.0)
 * @param journalBacklogBytes bytes of PASS decisions in this node's spool not yet written to the database (about
 *        190 per decision) (since 1.4.0)
 * @param auditChainBreak what is wrong with the region's audit chain as last found (at the store's start or by a
 *        verification), until an auditor acknowledges it; {@code null} when nothing is known to be wrong (since 1.5.0)
 * @param untrustedReason why project payments are held fail-safe now ({@code trusted} false), or {@code null}
 *        (since 1.6.0)
 * @since 1.3.0
 */
public record GuardState(String consistency, boolean loaded, boolean trusted, Long indexAgeMillis, Instant lastSync,
        long appliedChange, int heldTargets, long staleAfterMillis, Bypass bypass, Long journalLagMillis,
        long journalBacklogBytes, String auditChainBreak, String untrustedReason) {

    /** The state without the reason it is not trusted (the constructor of version 1.5). */
    public GuardState(String consistency, boolean loaded, boolean trusted, Long indexAgeMillis, Instant lastSync,
            long appliedChange, int heldTargets, long staleAfterMillis, Bypass bypass, Long journalLagMillis,
            long journalBacklogBytes, String auditChainBreak) {
        this(consistency, loaded, trusted, indexAgeMillis, lastSync, appliedChange, heldTargets, staleAfterMillis,
                bypass, journalLagMillis, journalBacklogBytes, auditChainBreak, null);
    }

    /** The state without the audit chain's break (the constructor of version 1.4). */
    public GuardState(String consistency, boolean loaded, boolean trusted, Long indexAgeMillis, Instant lastSync,
            long appliedChange, int heldTargets, long staleAfterMillis, Bypass bypass, Long journalLagMillis,
            long journalBacklogBytes) {
        this(consistency, loaded, trusted, indexAgeMillis, lastSync, appliedChange, heldTargets, staleAfterMillis,
                bypass, journalLagMillis, journalBacklogBytes, null, null);
    }

    /** The state without the journal's backlog (the constructor of version 1.3). */
    public GuardState(String consistency, boolean loaded, boolean trusted, Long indexAgeMillis, Instant lastSync,
            long appliedChange, int heldTargets, long staleAfterMillis, Bypass bypass) {
        this(consistency, loaded, trusted, indexAgeMillis, lastSync, appliedChange, heldTargets, staleAfterMillis,
                bypass, null, 0L, null, null);
    }
}
