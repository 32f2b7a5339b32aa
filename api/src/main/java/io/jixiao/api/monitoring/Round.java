package io.jixiao.api.monitoring;

import io.jixiao.api.goal.GateMode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A monitoring round: one pass over a region's ledger for a year up to a cut-off day.
 *
 * @param id the round's id
 * @param mofDivCode the fiscal region
 * @param fiscalYear the budget year
 * @param cutOff the last day of the data judged
 * @param due the day units' reports were due (a missing report is overdue from then), or {@code null}
 * @param scheduled whether the schedule started it (else a user, on demand)
 * @param status where it stands
 * @param ruleVersion the rules it judged by
 * @param mode the monitoring mode in force when it started
 * @param total ledger lines the host reported for the region and year, -1 if unknown
 * @param processed ledger lines judged so far
 * @param projects projects judged so far
 * @param counts projects (and departments) judged so far, per level
 * @param holds holds placed by the round
 * @param error why it failed, or {@code null}
 * @param startedBy the user who started it, {@code schedule} for a scheduled round
 * @param startedAt when it was started
 * @param finishedAt when it finished, or {@code null}
 */
public record Round(long id, MofDivCode mofDivCode, FiscalYear fiscalYear, LocalDate cutOff, LocalDate due,
        boolean scheduled, RoundStatus status, String ruleVersion, GateMode mode, long total, long processed,
        long projects, Map<AlertLevel, Long> counts, long holds, String error, String startedBy, Instant startedAt,
        Instant finishedAt) {
    public Round {
        Objects.requireNonNull(mofDivCode, "mofDivCode");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(cutOff, "cutOff");
        Objects.requireNonNull(status, "status");
        EnumMap<AlertLevel, Long> c = new EnumMap<>(AlertLevel.class);
        for (AlertLevel level : AlertLevel.values()) {
            c.put(level, counts == null ? 0L : counts.getOrDefault(level, 0L));
        }
        counts = Collections.unmodifiableMap(c);
    }

    /** @return progress in whole percent: processed of total lines; 100 once completed */
    public int percent() {
        if (status == RoundStatus.COMPLETED) {
            return 100;
        }
        if (total <= 0) {
            return 0;
        }
        return (int) Math.min(99, processed * 100 / total);
    }
}
