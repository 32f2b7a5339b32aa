package io.jixiao.guard.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Episodes of a guard that cannot do its whole job: answering project payments fail-safe (HOLD
 * GUARD_STATE_UNKNOWN), or keeping HOLDs only in its spool because the database did not take them within the answer
 * budget. One WARN when an episode begins, one INFO when it ends (with how many answers and how long), nothing per
 * answer in between.
 */
final class GuardHealth {
    private static final Logger LOG = LoggerFactory.getLogger(GuardHealth.class);

    private final Clock clock;
    private Episode failSafe;
    private Episode spooled;
    /** Read on every project check without a lock: whether either episode is open. */
    private volatile boolean open;

    private static final class Episode {
        final Instant since;
        final String why;
        long answers = 1;

        Episode(Instant since, String why) {
            this.since = since;
            this.why = why;
        }
    }

    GuardHealth(Clock clock) {
        this.clock = clock;
    }

    /** A project payment was held fail-safe. */
    synchronized void failSafe(String payment, String why) {
        if (failSafe != null) {
            failSafe.answers++;
            return;
        }
        failSafe = new Episode(clock.instant(), why);
        open = true;
        LOG.warn("Payment guard answers project payments fail-safe (HOLD GUARD_STATE_UNKNOWN) from payment {}: {}; "
                + "until it trusts its index again, further answers are not logged one by one", payment, why);
    }

    /** A HOLD was answered while its record went only to the spool. */
    synchronized void heldInSpool(String payment, String why) {
        if (spooled != null) {
            spooled.answers++;
            return;
        }
        spooled = new Episode(clock.instant(), why);
        open = true;
        LOG.warn("Payment guard keeps HOLD decisions in its spool, from payment {}: {}; the decision journal writes "
                + "each with its audit row when the database takes them", payment, why);
    }

    /** A project payment was decided from a trusted index. */
    void decided() {
        if (open) {
            endFailSafe();
        }
    }

    /** A HOLD was committed within its budget. */
    void recorded() {
        if (open) {
            endSpooled();
        }
    }

    private synchronized void endFailSafe() {
        if (failSafe != null) {
            LOG.info("Payment guard trusts its index again after {} fail-safe answers in {} s", failSafe.answers,
                    Duration.between(failSafe.since, clock.instant()).toSeconds());
            failSafe = null;
        }
        open = failSafe != null || spooled != null;
    }

    private synchronized void endSpooled() {
        if (spooled != null) {
            LOG.info("Payment guard commits HOLD decisions within its budget again; {} were kept in the spool in {} s",
                    spooled.answers, Duration.between(spooled.since, clock.instant()).toSeconds());
            spooled = null;
        }
        open = failSafe != null || spooled != null;
    }

    /** @return why project payments are being held fail-safe, with since when, or {@code null} */
    synchronized String failSafeEpisode() {
        return failSafe == null ? null : "project payments held fail-safe since " + failSafe.since + " ("
                + failSafe.answers + " answers): " + failSafe.why;
    }
}
