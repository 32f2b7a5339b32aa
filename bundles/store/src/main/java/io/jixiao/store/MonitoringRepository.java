package io.jixiao.store;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.monitoring.Alert;
import io.jixiao.api.monitoring.AlertLevel;
import io.jixiao.api.monitoring.AlertPage;
import io.jixiao.api.monitoring.Forecast;
import io.jixiao.api.monitoring.Round;
import io.jixiao.api.monitoring.RoundStatus;
import io.jixiao.api.monitoring.UnitReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Monitoring rounds, their results and the units' reports. A round is run by one node at a time: a node claims it
 * (a conditional update, the database being the lock) and moves its heartbeat on with every page; a round whose
 * heartbeat stopped is claimed again by another node and continues from its last checkpoint.
 *
 * @since 1.5.0
 */
@ProviderType
public interface MonitoringRepository {

    /**
     * A round with what only the runner needs.
     *
     * @param round the round
     * @param cursor the ledger token to continue from, {@code null} at the start
     * @param starter who started it (its holds are placed in that name)
     * @param owner the node running it, or {@code null}
     * @param heartbeat when the runner last checked in, or {@code null}
     */
    record RoundState(Round round, String cursor, Actor starter, String owner, Instant heartbeat) {
    }

    /**
     * What a round needs of a unit's report.
     *
     * @param worst the worst forecast reported
     * @param late whether it came after the due day
     */
    record ReportSummary(Forecast worst, boolean late) {
    }

    /**
     * A department's totals over a round's project results.
     *
     * @param deptCode the department
     * @param budgeted yuan budgeted
     * @param paid yuan paid
     */
    record DepartmentTotal(String deptCode, BigDecimal budgeted, BigDecimal paid) {
    }

    /** @return a new round id */
    long nextRoundId();

    /**
     * Stores a new round with its audit row.
     *
     * @param state the round, QUEUED
     * @param scheduleKey for a scheduled round {@code region/year/cut-off}, unique: a second node's insert of the
     *        same scheduled round is refused; {@code null} on demand
     * @param audit the audit row
     * @return false if the scheduled round already exists
     */
    boolean insertRound(RoundState state, String scheduleKey, AuditEntry audit);

    /**
     * @param roundId the round
     * @return the round and its runner's state
     */
    Optional<RoundState> round(long roundId);

    /**
     * @param mofDivCode a region
     * @param fiscalYear a year
     * @param cutOff a cut-off
     * @return whether a round for them is QUEUED or RUNNING
     */
    boolean active(MofDivCode mofDivCode, FiscalYear fiscalYear, LocalDate cutOff);

    /**
     * Claims a round for a node: a QUEUED one, or a RUNNING one whose heartbeat is older than {@code staleBefore}.
     *
     * @return whether this node now runs it
     */
    boolean claim(long roundId, String owner, Instant now, Instant staleBefore);

    /** @return ids of rounds to claim: QUEUED, or RUNNING with a heartbeat older than {@code staleBefore} */
    List<Long> runnable(Instant staleBefore);

    /**
     * Records a runner's progress, if it still owns the round and it is RUNNING.
     *
     * @return false if the round was cancelled or another node took it over: the runner stops
     */
    boolean checkpoint(long roundId, String owner, String cursor, long total, long processed, long projects,
            Map<AlertLevel, Long> counts, long holds, Instant now);

    /**
     * Ends a round the owner runs, with its audit row.
     *
     * @return false if the owner no longer runs it
     */
    boolean finish(long roundId, String owner, RoundStatus status, String error, Instant at, AuditEntry audit);

    /**
     * Moves a round from one of the given statuses to another (cancel, resume), with its audit row.
     *
     * @return false if it was in none of them
     */
    boolean changeStatus(long roundId, Set<RoundStatus> from, RoundStatus to, Instant at, AuditEntry audit);

    /**
     * @param roundId the round
     * @param department whether the codes are departments (else projects)
     * @param codes project or department codes
     * @return the results the round already has for them, by code
     */
    Map<String, Alert> results(long roundId, boolean department, Collection<String> codes);

    /**
     * Writes results of a round its owner runs (their ids are assigned here), in one batch and one transaction that
     * first locks the round: results already written (by an earlier owner of the round) are left out.
     *
     * @param roundId the round the results belong to
     * @param owner the node running it
     * @param results the results
     * @return the results written, with their ids; empty if the owner no longer runs the round (nothing written)
     * @since 2.0.0
     */
    Optional<List<Alert>> insertResults(long roundId, String owner, List<Alert> results);

    /**
     * Moves the heartbeat of a round its owner runs, between checkpoints.
     *
     * @return false if the round was cancelled or another node took it over
     * @since 2.0.0
     */
    boolean renew(long roundId, String owner, Instant now);

    /**
     * What a round's stored results add up to, counted in the database (after a takeover the runner's own tallies
     * miss what an earlier owner wrote after its last checkpoint).
     *
     * @param projects project results
     * @param levels project and department results per level
     * @since 2.0.0
     */
    record ResultCounts(long projects, Map<AlertLevel, Long> levels) {
    }

    /** @return the round's stored results, counted; @since 2.0.0 */
    ResultCounts countResults(long roundId);

    /** Links a result to the hold placed for it. */
    void linkHold(long alertId, long holdId);

    /** @return a result */
    Optional<Alert> alert(long alertId);

    /**
     * @param agencies if not empty, only these agencies' project results
     * @return a page of a round's results at or above a level, by id
     */
    AlertPage alerts(long roundId, AlertLevel minLevel, long afterId, int limit, Set<String> agencies);

    /**
     * Moves a result on (rectify, release) if it is still as read, with its audit row.
     *
     * @return false if it changed meanwhile
     */
    boolean changeAlert(Alert from, Alert to, AuditEntry audit);

    /** @return each department's totals over a round's project results */
    List<DepartmentTotal> departmentTotals(long roundId);

    /** Stores a unit's report, replacing one for the same project and cut-off, with its audit row. */
    void saveReport(UnitReport report, AuditEntry audit);

    /** @return the stored report */
    Optional<UnitReport> report(MofDivCode mofDivCode, FiscalYear fiscalYear, LocalDate cutOff, ProCode proCode);

    /** @return for the projects that reported for the cut-off, what a round needs */
    Map<ProCode, ReportSummary> reports(MofDivCode mofDivCode, FiscalYear fiscalYear, LocalDate cutOff,
            Collection<ProCode> proCodes);
}
