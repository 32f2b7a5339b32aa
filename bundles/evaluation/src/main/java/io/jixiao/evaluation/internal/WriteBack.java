package io.jixiao.evaluation.internal;

import io.jixiao.api.evaluation.AdjustmentStatus;
import io.jixiao.api.evaluation.ApplicationRun;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one write-back protocol of result application, for changes to projects' requested amounts (allocation port)
 * and to lower governments' transfer payments (transfer port). Each change is recorded before it is sent and keeps
 * its change id and content for good: a run sends what earlier runs recorded and the host did not report on (the
 * same ids, the same content, each into the year it was made for), then what it records itself. The host's answer
 * moves a change on: APPLIED and DUPLICATE (the id applied before, under the same content) to
 * {@link AdjustmentStatus#APPLIED}, an absent project or recipient to {@link AdjustmentStatus#NOT_IN_DRAFT}, CONFLICT
 * (the id applied before with another content hash) to {@link AdjustmentStatus#CONFLICT} — never counted as applied.
 * A change the host did not report on stays PENDING and is counted as such.
 */
final class WriteBack {
    private static final Logger LOG = LoggerFactory.getLogger(WriteBack.class);

    private WriteBack() {
    }

    /** What the host answered for one change, whatever the port. */
    enum Answer {
        APPLIED, DUPLICATE, NOT_FOUND, CONFLICT
    }

    /** Sends changes to the host in one call: the answer for each change it reported on, by change id. */
    @FunctionalInterface
    interface Sender<A> {
        /**
         * @throws io.jixiao.api.port.PortUnavailableException when the host does not answer; the changes stay
         *         PENDING and are sent again
         */
        Map<String, Answer> send(MofDivCode region, FiscalYear year, List<A> adjustments);
    }

    /** Moves PENDING adjustments on, returning how many moved. */
    @FunctionalInterface
    interface Marker {
        int mark(java.util.Collection<Long> keys, AdjustmentStatus to, java.time.Instant at);
    }

    /**
     * What one kind of adjustment gives the protocol.
     *
     * @param port the port's name, for the log
     * @param key the adjustment's key in its table (the evaluation it comes from)
     * @param changeId the id the host applies it under
     * @param targetYear the budget year it changes
     * @param change the change in yuan: 0 or negative
     * @param sender the host call
     * @param marker the repository's marks
     * @param <A> the adjustment
     */
    record Target<A>(String port, java.util.function.ToLongFunction<A> key, Function<A, String> changeId,
            Function<A, FiscalYear> targetYear, Function<A, BigDecimal> change, Sender<A> sender, Marker marker) {
    }

    /**
     * What a run did.
     *
     * @param recorded adjustments recorded now
     * @param applied adjustments the host applied now, or had applied under the same content
     * @param notInDraft adjustments whose project or recipient the target year does not have
     * @param pending adjustments the host did not report on
     * @param conflicts adjustments whose change id the host had applied with other content
     * @param change the sum of the applied changes, yuan
     */
    record Tally(int recorded, int applied, int notInDraft, int pending, int conflicts, BigDecimal change) {
        static final Tally NONE = new Tally(0, 0, 0, 0, 0, BigDecimal.ZERO.setScale(2));

        Tally plus(Tally o) {
            return new Tally(recorded + o.recorded, applied + o.applied, notInDraft + o.notInDraft,
                    pending + o.pending, conflicts + o.conflicts, change.add(o.change));
        }

        ApplicationRun run(FiscalYear targetYear) {
            return new ApplicationRun(targetYear.value(), recorded, applied, notInDraft, pending, conflicts, change);
        }

        @Override
        public String toString() {
            return recorded + " recorded, " + applied + " applied, " + notInDraft + " not in the draft, " + pending
                    + " not acknowledged, " + conflicts + " in conflict, change " + change.toPlainString();
        }
    }

    /** @return the tally of adjustments recorded now: those whose subject the draft lacks are already settled */
    static <A> Tally recorded(List<A> adjustments, Function<A, AdjustmentStatus> status) {
        int notInDraft = (int) adjustments.stream().filter(a -> status.apply(a) == AdjustmentStatus.NOT_IN_DRAFT)
                .count();
        return new Tally(adjustments.size(), 0, notInDraft, 0, 0, BigDecimal.ZERO.setScale(2));
    }

    /** Sends PENDING adjustments recorded by earlier runs, each into the year it was made for. */
    static <A> Tally resend(Target<A> target, MofDivCode region, List<A> pending, Clock clock) {
        Tally tally = Tally.NONE;
        Map<FiscalYear, List<A>> byYear = pending.stream().collect(Collectors.groupingBy(target.targetYear(),
                LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<FiscalYear, List<A>> year : byYear.entrySet()) {
            tally = tally.plus(send(target, region, year.getKey(), year.getValue(), clock));
        }
        return tally;
    }

    /** Sends adjustments of one target year and moves each on by the host's answer. */
    static <A> Tally send(Target<A> target, MofDivCode region, FiscalYear year, List<A> adjustments, Clock clock) {
        if (adjustments.isEmpty()) {
            return Tally.NONE;
        }
        Map<String, Answer> answers = target.sender().send(region, year, adjustments);
        List<Long> applied = new ArrayList<>();
        List<Long> notFound = new ArrayList<>();
        List<Long> conflicts = new ArrayList<>();
        int pending = 0;
        BigDecimal change = BigDecimal.ZERO.setScale(2);
        for (A a : adjustments) {
            Answer answer = answers.get(target.changeId().apply(a));
            if (answer == null) {
                pending++; // not reported on: stays PENDING for the next run, same id and content
            } else if (answer == Answer.NOT_FOUND) {
                notFound.add(target.key().applyAsLong(a));
            } else if (answer == Answer.CONFLICT) {
                conflicts.add(target.key().applyAsLong(a));
                LOG.warn("Write-back to the {} port: the host applied change {} ({} {}) before with other content; "
                        + "it is not counted as applied and not sent again (status CONFLICT: see docs/evaluation.md)",
                        target.port(), target.changeId().apply(a), region, year.value());
            } else {
                applied.add(target.key().applyAsLong(a));
                change = change.add(target.change().apply(a));
            }
        }
        int markedApplied = target.marker().mark(applied, AdjustmentStatus.APPLIED, clock.instant());
        int markedNotFound = target.marker().mark(notFound, AdjustmentStatus.NOT_IN_DRAFT, null);
        int markedConflicts = target.marker().mark(conflicts, AdjustmentStatus.CONFLICT, null);
        return new Tally(0, markedApplied, markedNotFound, pending, markedConflicts, change);
    }
}
