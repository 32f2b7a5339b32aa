package io.jixiao.monitoring.internal;

import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.monitoring.Alert;
import io.jixiao.api.monitoring.AlertLevel;
import io.jixiao.api.monitoring.AlertStatus;
import io.jixiao.api.monitoring.MonitoringRules;
import io.jixiao.api.monitoring.Round;
import io.jixiao.api.monitoring.RoundStatus;
import io.jixiao.api.port.LedgerLine;
import io.jixiao.api.port.LedgerPage;
import io.jixiao.api.port.LedgerPort;
import io.jixiao.api.port.MasterDataPort;
import io.jixiao.api.port.PortUnavailableException;
import io.jixiao.api.port.ProjectRecord;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldService;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.GoalRepository;
import io.jixiao.store.MonitoringRepository;
import io.jixiao.store.MonitoringRepository.DepartmentTotal;
import io.jixiao.store.MonitoringRepository.ReportSummary;
import io.jixiao.store.MonitoringRepository.RoundState;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed round: reads the ledger page by page (a project's lines may straddle pages), judges each project,
 * writes the page's results in one batch, places the holds the verdicts call for, and checks in after every page —
 * where it learns whether the round was cancelled or taken over; between checkpoints the worker renews the round's
 * lease and tells the runner when it was lost. A round resumed after a crash or a failure, or taken over after its
 * node stopped renewing, starts at its last checkpoint and skips the projects whose results are stored (placing
 * the holds those still lack), so no result and no hold is written twice.
 */
final class RoundRunner {
    /** Holds placed by monitoring say so first: a later round links to such a hold instead of placing another. */
    static final String HOLD_MARK = "monitoring round ";
    private static final Logger LOG = LoggerFactory.getLogger(RoundRunner.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final MonitoringRepository repository;
    private final GoalRepository goals;
    private final Supplier<LedgerPort> ledger;
    private final Supplier<MasterDataPort> masterData;
    private final HoldService holds;
    private final AlertCases cases;
    private final BiFunction<MofDivCode, FiscalYear, MonitoringRules> rules;
    private final Clock clock;
    private final int pageSize;

    RoundRunner(MonitoringRepository repository, GoalRepository goals, Supplier<LedgerPort> ledger,
            Supplier<MasterDataPort> masterData, HoldService holds, AlertCases cases,
            BiFunction<MofDivCode, FiscalYear, MonitoringRules> rules, Clock clock, int pageSize) {
        this.repository = repository;
        this.goals = goals;
        this.ledger = ledger;
        this.masterData = masterData;
        this.holds = holds;
        this.cases = cases;
        this.rules = rules;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /**
     * Runs a round this node has claimed until it completes, fails, is cancelled or is taken over.
     *
     * @param roundId the round
     * @param owner this node
     * @return the status it left the round in (RUNNING if it lost the round to a cancel or another node)
     */
    RoundStatus run(long roundId, String owner) {
        return run(roundId, owner, () -> false);
    }

    /**
     * @param lost tells whether the round's lease was lost (another node took it over, or it was cancelled): the
     *        runner then stops before its next write
     */
    RoundStatus run(long roundId, String owner, java.util.function.BooleanSupplier lost) {
        RoundState state = repository.round(roundId).orElseThrow();
        Round round = state.round();
        Progress p = new Progress(state);
        try {
            MonitoringRules r = rules.apply(round.mofDivCode(), round.fiscalYear());
            Judge judge = new Judge(r, round.mode(), round.cutOff(), round.due(), LocalDate.now(clock.withZone(CHINA)));
            LedgerPort port = ledger.get();
            if (port == null) {
                throw new PortUnavailableException("ledger", "no ledger port is registered or configured", null);
            }
            LOG.info("Monitoring round {} ({} {} to {}) running on {} from {}", roundId, round.mofDivCode(),
                    round.fiscalYear(), round.cutOff(), owner, state.cursor() == null ? "the start" : "its checkpoint");
            String token = state.cursor();
            String carryStart = null;
            List<LedgerLine> carry = new ArrayList<>();
            while (true) {
                LedgerPage page = port.lines(round.mofDivCode(), round.fiscalYear(), round.cutOff(), token, pageSize);
                if (page.total() >= 0) {
                    p.total = page.total();
                }
                boolean hadCarry = !carry.isEmpty();
                ProCode carried = hadCarry ? carry.get(0).proCode() : null;
                List<LedgerLine> lines = new ArrayList<>(carry);
                lines.addAll(page.lines());
                Map<ProCode, List<LedgerLine>> byProject = new LinkedHashMap<>();
                for (LedgerLine line : lines) {
                    byProject.computeIfAbsent(line.proCode(), k -> new ArrayList<>()).add(line);
                }
                carry = new ArrayList<>();
                if (page.next() != null && !lines.isEmpty()) {
                    // the last project may go on in the next page: judge it with all its lines. A resume re-reads
                    // from the page it started in.
                    ProCode last = lines.get(lines.size() - 1).proCode();
                    carry = byProject.remove(last);
                    carryStart = hadCarry && last.equals(carried) ? carryStart : token;
                } else {
                    carryStart = null;
                }
                boolean kept = judgePage(round, owner, judge, byProject, p, state.starter(), lost);
                p.cursor = carry.isEmpty() ? page.next() : carryStart;
                if (!kept || !repository.checkpoint(roundId, owner, p.cursor, p.total, p.processed, p.projects,
                        p.counts, p.holds, clock.instant())) {
                    LOG.info("Monitoring round {} stopped on {}: cancelled or taken over", roundId, owner);
                    return RoundStatus.RUNNING;
                }
                logProgress(roundId, p);
                if (page.next() == null) {
                    break;
                }
                token = page.next();
            }
            if (r.departments()) {
                if (!judgeDepartments(round, owner, judge, p, state.starter())) {
                    LOG.info("Monitoring round {} stopped on {}: cancelled or taken over", roundId, owner);
                    return RoundStatus.RUNNING;
                }
                repository.checkpoint(roundId, owner, null, p.total, p.processed, p.projects, p.counts, p.holds,
                        clock.instant());
            }
            finish(round, owner, RoundStatus.COMPLETED, null, p, state.starter());
            return RoundStatus.COMPLETED;
        } catch (PortUnavailableException e) {
            LOG.warn("Monitoring round {} failed: {}", roundId, e.getMessage());
            finish(round, owner, RoundStatus.FAILED, e.getMessage(), p, state.starter());
            return RoundStatus.FAILED;
        } catch (RuntimeException e) {
            LOG.error("Monitoring round {} failed", roundId, e);
            finish(round, owner, RoundStatus.FAILED, "internal error: " + e, p, state.starter());
            return RoundStatus.FAILED;
        }
    }

    /** Logs progress at every tenth of the ledger (every 100,000 lines when the host gives no total). */
    private static void logProgress(long roundId, Progress p) {
        long step = p.total > 0 ? Math.max(1, p.total / 10) : 100_000;
        long reached = p.processed / step;
        if (reached > p.logged) {
            p.logged = reached;
            LOG.info("Monitoring round {}: {} of {} ledger lines, {} projects (green {}, blue {}, yellow {}, red {}), "
                    + "{} holds", roundId, p.processed, p.total > 0 ? p.total : "?", p.projects,
                    p.counts.getOrDefault(AlertLevel.GREEN, 0L), p.counts.getOrDefault(AlertLevel.BLUE, 0L),
                    p.counts.getOrDefault(AlertLevel.YELLOW, 0L), p.counts.getOrDefault(AlertLevel.RED, 0L), p.holds);
        }
    }

    /** @return false if the round is no longer this node's: nothing more was written */
    private boolean judgePage(Round round, String owner, Judge judge, Map<ProCode, List<LedgerLine>> byProject,
            Progress p, Actor starter, java.util.function.BooleanSupplier lost) {
        // basic expenditure (salaries, running costs) is never monitored for holds: only project lines count
        Map<ProCode, List<LedgerLine>> projects = new LinkedHashMap<>();
        byProject.forEach((code, lines) -> {
            p.processed += lines.size();
            List<LedgerLine> projectLines = lines.stream().filter(l -> l.kind() == ExpenditureKind.PROJECT).toList();
            if (!projectLines.isEmpty()) {
                projects.put(code, projectLines);
            }
        });
        if (projects.isEmpty()) {
            return true;
        }
        // results an earlier run of this round stored (before a crash, a failure or a takeover) are kept as they are
        Map<String, Alert> existing = repository.results(round.id(), false,
                projects.keySet().stream().map(ProCode::value).toList());
        Map<ProCode, ProjectRecord> records = Map.of();
        MasterDataPort master = masterData.get();
        if (master != null) {
            records = master.projects(round.mofDivCode(), round.fiscalYear(), projects.keySet());
        }
        Map<ProCode, ReportSummary> reports = repository.reports(round.mofDivCode(), round.fiscalYear(),
                round.cutOff(), projects.keySet());
        // a report is owed only on a goal in force: one bulk read per page, and only once reports are overdue
        Set<ProCode> reportable = judge.reportsOverdue()
                ? goals.inForce(round.mofDivCode(), round.fiscalYear(), projects.keySet()).keySet()
                : Set.of();
        Instant now = clock.instant();
        List<Alert> fresh = new ArrayList<>();
        List<Alert> toHold = new ArrayList<>();
        for (Map.Entry<ProCode, List<LedgerLine>> e : projects.entrySet()) {
            Alert done = existing.get(e.getKey().value());
            if (done != null) {
                p.processed -= byProject.get(e.getKey()).size(); // counted before the checkpoint it resumed from
                if (done.enforced() && done.holdId() == null && done.status() != AlertStatus.CLOSED) {
                    toHold.add(done); // judged, but the node stopped before its hold was linked
                }
                continue;
            }
            List<LedgerLine> lines = e.getValue();
            BigDecimal budgeted = lines.stream().map(LedgerLine::budgeted).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal paid = lines.stream().map(LedgerLine::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
            ProjectRecord record = records.get(e.getKey());
            Judge.Verdict v = judge.judge(budgeted, paid, record, reports.get(e.getKey()),
                    reportable.contains(e.getKey()), false);
            String dept = record != null ? record.deptCode() : lines.get(0).agencyCode().value();
            fresh.add(new Alert(0, round.id(), round.mofDivCode(), round.fiscalYear(), e.getKey(),
                    lines.get(0).agencyCode(), dept, budgeted.setScale(2), paid.setScale(2), v.executionRate(),
                    judge.timeProgress(), v.findings(), v.level(), v.consequences(), v.enforced(), null, v.status(),
                    null, now));
        }
        if (lost.getAsBoolean()) {
            return false;
        }
        Optional<List<Alert>> written = repository.insertResults(round.id(), owner, fresh);
        if (written.isEmpty()) {
            return false;
        }
        List<Alert> toRectify = new ArrayList<>(existing.values()); // a resumed page opens what it left out
        toRectify.addAll(written.get());
        cases.open(toRectify, starter);
        for (Alert stored : written.get()) {
            p.projects++;
            p.counts.merge(stored.level(), 1L, Long::sum);
            if (stored.enforced()) {
                toHold.add(stored);
            }
        }
        for (Alert a : toHold) {
            if (lost.getAsBoolean()) {
                return false;
            }
            hold(round, a, starter, p);
        }
        return true;
    }

    @SuppressWarnings("deprecation") // the system acting on its own round: no caller to scope
    private void hold(Round round, Alert alert, Actor starter, Progress p) {
        HoldTarget target = HoldTarget.project(round.mofDivCode(), alert.proCode());
        Optional<Hold> mine = holds.activeHolds(target).stream()
                .filter(h -> h.reason().text().startsWith(HOLD_MARK)).findFirst();
        long holdId;
        if (mine.isPresent()) {
            holdId = mine.get().holdId(); // held by an earlier round, or placed before this node stopped
            if (mine.get().reason().text().startsWith(HOLD_MARK + round.id() + " ")) {
                p.holds++; // placed by this round before it stopped, not yet in a checkpoint
            }
        } else {
            String why = HOLD_MARK + round.id() + " (" + round.cutOff() + "): " + alert.level() + " "
                    + alert.findings().stream().map(Enum::name).collect(Collectors.joining(",")) + "; execution "
                    + alert.executionRate().toPlainString() + "% against time " + alert.timeProgress().toPlainString()
                    + "%; rules " + round.ruleVersion();
            HoldKind kind = alert.consequences().contains(io.jixiao.api.monitoring.Consequence.STOP) ? HoldKind.STOP
                    : HoldKind.SUSPEND;
            holdId = holds.place(target, kind, Reason.of(why.length() > Reason.MAX_LENGTH
                    ? why.substring(0, Reason.MAX_LENGTH) : why), starter).holdId();
            p.holds++;
        }
        repository.linkHold(alert.id(), holdId);
    }

    /** @return false if the round is no longer this node's */
    private boolean judgeDepartments(Round round, String owner, Judge judge, Progress p, Actor starter) {
        List<DepartmentTotal> totals = repository.departmentTotals(round.id());
        Map<String, Alert> existing = repository.results(round.id(), true,
                totals.stream().map(DepartmentTotal::deptCode).toList());
        Instant now = clock.instant();
        List<Alert> fresh = new ArrayList<>();
        for (DepartmentTotal t : totals) {
            if (existing.containsKey(t.deptCode())) {
                continue;
            }
            Judge.Verdict v = judge.judge(t.budgeted(), t.paid(), null, null, false, true);
            fresh.add(new Alert(0, round.id(), round.mofDivCode(), round.fiscalYear(), null, null, t.deptCode(),
                    t.budgeted(), t.paid(), v.executionRate(), judge.timeProgress(), v.findings(), v.level(),
                    v.consequences(), false, null, v.status(), null, now));
        }
        Optional<List<Alert>> written = repository.insertResults(round.id(), owner, fresh);
        written.ifPresent(stored -> stored.forEach(a -> p.counts.merge(a.level(), 1L, Long::sum)));
        if (written.isPresent()) {
            List<Alert> toRectify = new ArrayList<>(existing.values());
            toRectify.addAll(written.get());
            cases.open(toRectify, starter);
        }
        return written.isPresent();
    }

    private void finish(Round round, String owner, RoundStatus status, String error, Progress p, Actor starter) {
        String message = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
        if (status == RoundStatus.COMPLETED) {
            // after a takeover the tallies carried from the checkpoint miss what was stored after it: count them
            MonitoringRepository.ResultCounts stored = repository.countResults(round.id());
            p.projects = stored.projects();
            for (AlertLevel level : AlertLevel.values()) {
                p.counts.put(level, stored.levels().getOrDefault(level, 0L));
            }
        }
        String detail = "processed=" + p.processed + ";projects=" + p.projects + ";green="
                + p.counts.get(AlertLevel.GREEN) + ";blue=" + p.counts.get(AlertLevel.BLUE) + ";yellow="
                + p.counts.get(AlertLevel.YELLOW) + ";red=" + p.counts.get(AlertLevel.RED) + ";holds=" + p.holds;
        // a failed round keeps its last checkpoint, where a resume starts
        repository.checkpoint(round.id(), owner, status == RoundStatus.COMPLETED ? null : p.cursor, p.total,
                p.processed, p.projects, p.counts, p.holds, clock.instant());
        boolean done = repository.finish(round.id(), owner, status, message, clock.instant(), new AuditEntry(
                clock.instant(), "MONITORING_ROUND_" + status, round.mofDivCode(), "MONITORING_ROUND",
                String.valueOf(round.id()), starter, message == null ? "round " + status.name().toLowerCase()
                        : message, detail));
        if (done) {
            LOG.info("Monitoring round {} {}: {}", round.id(), status, detail);
        }
    }

    /** What the round has done so far, carried over from its checkpoint. */
    private static final class Progress {
        long total;
        long processed;
        long projects;
        long holds;
        String cursor;
        long logged;
        final Map<AlertLevel, Long> counts = new EnumMap<>(AlertLevel.class);

        Progress(RoundState state) {
            Round r = state.round();
            total = r.total();
            processed = r.processed();
            projects = r.projects();
            holds = r.holds();
            cursor = state.cursor();
            counts.putAll(r.counts());
        }
    }
}
