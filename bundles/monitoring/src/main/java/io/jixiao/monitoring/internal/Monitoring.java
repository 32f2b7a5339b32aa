package io.jixiao.monitoring.internal;

import io.jixiao.api.goal.GateMode;
import io.jixiao.api.goal.GoalRuleService;
import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.goal.Indicator;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Role;
import io.jixiao.api.model.Violation;
import io.jixiao.api.monitoring.Alert;
import io.jixiao.api.monitoring.AlertLevel;
import io.jixiao.api.monitoring.AlertPage;
import io.jixiao.api.monitoring.AlertStatus;
import io.jixiao.api.monitoring.Consequence;
import io.jixiao.api.monitoring.IndicatorProgress;
import io.jixiao.api.monitoring.MonitoringRules;
import io.jixiao.api.monitoring.MonitoringService;
import io.jixiao.api.monitoring.Round;
import io.jixiao.api.monitoring.RoundRequest;
import io.jixiao.api.monitoring.RoundSchedule;
import io.jixiao.api.monitoring.RoundStatus;
import io.jixiao.api.monitoring.UnitReport;
import io.jixiao.api.port.LedgerPort;
import io.jixiao.api.port.MasterDataPort;
import io.jixiao.api.rectification.CaseOrigin;
import io.jixiao.api.rectification.CaseStatus;
import io.jixiao.api.rectification.RectificationCase;
import io.jixiao.api.rectification.RectificationService;
import io.jixiao.api.service.HoldService;
import io.jixiao.api.service.HoldStatus;
import io.jixiao.rules.RulesInForce;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.GoalRepository;
import io.jixiao.store.MonitoringRepository;
import io.jixiao.store.MonitoringRepository.RoundState;
import io.jixiao.store.RectificationRepository;
import io.jixiao.store.RectificationRepository.StoredCase;
import io.jixiao.store.Transactions;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring service: starts, cancels and resumes rounds (this node's worker claims them and a runner does the
 * work), takes units' reports, and carries alerts through rectification and release. Roles and data scope are
 * checked here.
 */
@Component(service = MonitoringService.class, immediate = true, configurationPid = RoundsConfiguration.PID)
@Designate(ocd = RoundsConfiguration.class)
public final class Monitoring implements MonitoringService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Monitoring.class);
    private static final Actor RULES_READER = Actor.system("monitoring");
    /** The actor in whose name scheduled rounds run and place their holds. */
    static final Actor SCHEDULE = Actor.system("schedule");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int MAX_PAGE = 1000;

    private final MonitoringRepository repository;
    private final GoalRepository goals;
    private final HoldService holds;
    private final BiFunction<MofDivCode, FiscalYear, MonitoringRules> rules;
    private final RectificationRepository cases;
    private final RectificationService rectification;
    private final Runnable kick;
    private final Clock clock;
    private final RoundWorker worker;

    /**
     * The component: this node's monitoring over the configured regions' schedules, rounds reading the host's
     * ports as they are when a page is read.
     */
    @Activate
    public Monitoring(RoundsConfiguration config, @Reference MonitoringRepository repository,
            @Reference GoalRepository goals, @Reference GoalRuleService ruleService, @Reference HoldService holds,
            @Reference MonitoringPorts ports, @Reference RectificationRepository cases,
            @Reference RectificationService rectification) {
        this(repository, goals, holds, RulesInForce.of(ruleService, RULES_READER), cases, rectification, ports::ledger,
                ports::masterData, Clock.systemUTC(), config.node().isBlank() ? defaultNode() : config.node(),
                config.pageSize(), Duration.ofSeconds(Math.max(1, config.leaseSeconds())));
        List<MofDivCode> regions = Arrays.stream(config.regions()).map(String::trim).filter(s -> !s.isEmpty())
                .map(MofDivCode::of).toList();
        start(regions, Duration.ofSeconds(config.tickSeconds()));
        LOG.info("Monitoring ready on node {}: scheduled rounds for {}", worker.node(),
                regions.isEmpty() ? "no region" : regions);
    }

    /**
     * Monitoring with its runner and this node's worker, wired the same in the framework and in tests.
     *
     * @param repository rounds, results, reports
     * @param goals the goals in force, whose indicators units report on
     * @param holds where rounds place holds and an accepted rectification releases one
     * @param rules the monitoring and rectification rules in force for a region and year
     * @param cases the rectification cases alerts open
     * @param rectification the cases' workflow, which the alerts' own rectification and release go through
     * @param ledger the ledger port, or a supplier of {@code null} while there is none
     * @param masterData the master-data port, or a supplier of {@code null}
     * @param clock the time
     * @param node this node's name
     * @param pageSize ledger lines per port call
     * @param lease how long a runner keeps its round without renewing it
     */
    public Monitoring(MonitoringRepository repository, GoalRepository goals, HoldService holds, RulesInForce rules,
            RectificationRepository cases, RectificationService rectification, Supplier<LedgerPort> ledger,
            Supplier<MasterDataPort> masterData, Clock clock, String node, int pageSize, Duration lease) {
        if (pageSize < 1 || pageSize > 5000) {
            throw new IllegalArgumentException("pageSize must be 1-5000, got " + pageSize);
        }
        this.repository = repository;
        this.goals = goals;
        this.holds = holds;
        this.rules = rules::monitoring;
        this.cases = cases;
        this.rectification = rectification;
        this.clock = clock;
        this.worker = new RoundWorker(repository, new RoundRunner(repository, goals, ledger, masterData, holds,
                new AlertCases(cases, rules::rectification, clock), this.rules, clock, pageSize), node, lease, clock);
        this.kick = worker::kick; // tells the runner there is a round to claim (once the round is committed)
    }

    /** Starts the worker's ticks: scheduled rounds of these regions, and rounds left by a stopped node. */
    public void start(List<MofDivCode> scheduledRegions, Duration tick) {
        worker.start(this, scheduledRegions, rules, tick);
    }

    /** @return the worker, to drive by hand in tests and benchmarks */
    public RoundWorker worker() {
        return worker;
    }

    @Deactivate
    @Override
    public void close() {
        worker.close();
    }

    /** @return {@code host:pid} */
    public static String defaultNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    @Override
    public Round start(RoundRequest request, Actor actor) {
        requireFinance(actor, request.mofDivCode(), "start monitoring rounds");
        MonitoringRules r = rules.apply(request.mofDivCode(), request.fiscalYear());
        LocalDate due = request.due();
        if (due == null) {
            due = r.rounds().stream().filter(s -> s.cutOffIn(request.fiscalYear().value()).equals(request.cutOff()))
                    .map(s -> s.dueIn(request.fiscalYear().value())).findFirst().orElse(null);
        }
        if (repository.active(request.mofDivCode(), request.fiscalYear(), request.cutOff())) {
            throw new ConflictException("a round for " + request.mofDivCode() + " " + request.fiscalYear().value()
                    + " to " + request.cutOff() + " is already queued or running");
        }
        Round round = insert(request.mofDivCode(), request.fiscalYear(), request.cutOff(), due, false, r, actor, null)
                .orElseThrow();
        Transactions.afterCommit(kick);
        return round;
    }

    /**
     * Starts a scheduled round unless a node of the cluster already has.
     *
     * @return the round if this call started it
     */
    Optional<Round> startScheduled(MofDivCode region, FiscalYear year, RoundSchedule schedule) {
        MonitoringRules r = rules.apply(region, year);
        LocalDate cutOff = schedule.cutOffIn(year.value());
        String key = region.value() + "/" + year.value() + "/" + cutOff;
        Optional<Round> round = insert(region, year, cutOff, schedule.dueIn(year.value()), true, r, SCHEDULE, key);
        round.ifPresent(x -> Transactions.afterCommit(kick));
        return round;
    }

    private Optional<Round> insert(MofDivCode region, FiscalYear year, LocalDate cutOff, LocalDate due,
            boolean scheduled, MonitoringRules r, Actor actor, String scheduleKey) {
        Instant now = clock.instant();
        GateMode mode = r.modeOn(LocalDate.now(clock.withZone(CHINA)));
        long id = repository.nextRoundId();
        Round round = new Round(id, region, year, cutOff, due, scheduled, RoundStatus.QUEUED, r.version(), mode, -1, 0,
                0, Map.of(), 0, null, actor.operator(), now, null);
        AuditEntry audit = new AuditEntry(now, "MONITORING_ROUND_STARTED", region, "MONITORING_ROUND",
                String.valueOf(id), actor, scheduled ? "scheduled round" : "round on demand",
                "year=" + year.value() + ";cutOff=" + cutOff + ";due=" + due + ";mode=" + mode + ";rules=" + r.version());
        if (!repository.insertRound(new RoundState(round, null, actor, null, null), scheduleKey, audit)) {
            return Optional.empty();
        }
        return Optional.of(round);
    }

    @Override
    public Optional<Round> round(long roundId, Actor actor) {
        // rounds, alerts and reports carry amounts and findings: staff only (to others none exists)
        return repository.round(roundId).map(RoundState::round)
                .filter(r -> actor.hasAny(Role.STAFF) && actor.scope().covers(r.mofDivCode()));
    }

    @Override
    public Round cancel(long roundId, Actor actor) {
        Round round = visible(roundId, actor);
        requireFinance(actor, round.mofDivCode(), "cancel monitoring rounds");
        Instant now = clock.instant();
        if (!repository.changeStatus(roundId, EnumSet.of(RoundStatus.QUEUED, RoundStatus.RUNNING),
                RoundStatus.CANCELLED, now, new AuditEntry(now, "MONITORING_ROUND_CANCELLED", round.mofDivCode(),
                        "MONITORING_ROUND", String.valueOf(roundId), actor, "cancelled", ""))) {
            throw new ConflictException("round " + roundId + " has finished: " + status(roundId));
        }
        return visible(roundId, actor);
    }

    @Override
    public Round resume(long roundId, Actor actor) {
        Round round = visible(roundId, actor);
        requireFinance(actor, round.mofDivCode(), "resume monitoring rounds");
        Instant now = clock.instant();
        if (!repository.changeStatus(roundId, EnumSet.of(RoundStatus.FAILED), RoundStatus.QUEUED, now,
                new AuditEntry(now, "MONITORING_ROUND_RESUMED", round.mofDivCode(), "MONITORING_ROUND",
                        String.valueOf(roundId), actor, "resumed after: " + round.error(), ""))) {
            throw new ConflictException("only a FAILED round is resumed; round " + roundId + " is " + status(roundId));
        }
        Transactions.afterCommit(kick);
        return visible(roundId, actor);
    }

    @Override
    public AlertPage alerts(long roundId, AlertLevel minLevel, long afterId, int limit, Actor actor) {
        visible(roundId, actor);
        if (limit < 1 || limit > MAX_PAGE) {
            throw InvalidInputException.of("LIMIT", "range", "must be between 1 and " + MAX_PAGE);
        }
        return repository.alerts(roundId, minLevel == null ? AlertLevel.BLUE : minLevel, Math.max(0, afterId), limit,
                actor.scope().agencies());
    }

    @Override
    public Optional<Alert> alert(long alertId, Actor actor) {
        return repository.alert(alertId).filter(a -> actor.hasAny(Role.STAFF) && actor.scope().covers(a.mofDivCode())
                && (a.agencyCode() == null ? actor.scope().agencies().isEmpty() : actor.scope().covers(a.agencyCode())));
    }

    @Override
    public UnitReport report(UnitReport report, Actor actor) {
        requireReporter(actor, report.mofDivCode());
        GoalVersion goal = checked(report, actor);
        return save(report, goal, actor, late(report.mofDivCode(), report.fiscalYear(), report.cutOff()));
    }

    @Override
    public List<UnitReport> importReports(MofDivCode mofDivCode, FiscalYear fiscalYear, LocalDate cutOff,
            java.nio.file.Path file, java.nio.charset.Charset csvCharset, Actor actor) {
        try {
            requireReporter(actor, mofDivCode);
            RoundRequest.checkCutOff(cutOff, fiscalYear);
            Map<io.jixiao.api.model.ProCode, List<IndicatorProgress>> rows = MonitoringForm.read(file, csvCharset);
            // every project is checked before any is stored: a form with one bad project changes nothing
            List<Violation> problems = new ArrayList<>();
            List<UnitReport> reports = new ArrayList<>();
            List<GoalVersion> goalsInForce = new ArrayList<>();
            rows.forEach((project, indicators) -> {
                String at = "PRO_CODE " + project.value();
                try {
                    UnitReport report = new UnitReport(mofDivCode, fiscalYear, cutOff, project, indicators, null, null,
                            false);
                    goalsInForce.add(checked(report, actor));
                    reports.add(report);
                } catch (InvalidInputException e) {
                    e.violations().forEach(v -> problems.add(new Violation(at + " " + v.field(), v.rule(),
                            v.message())));
                } catch (io.jixiao.api.model.JixiaoException e) {
                    problems.add(new Violation(at, e.code(), e.getMessage()));
                }
            });
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            boolean late = late(mofDivCode, fiscalYear, cutOff); // the same for every project of the form
            List<UnitReport> stored = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                stored.add(save(reports.get(i), goalsInForce.get(i), actor, late));
            }
            return stored;
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(file);
            } catch (java.io.IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    private static void requireReporter(Actor actor, MofDivCode region) {
        if (!actor.has(Role.UNIT) && !actor.has(Role.DEPARTMENT) && !actor.has(Role.FINANCE)
                && !actor.has(Role.HOST_SYSTEM)) {
            throw new ForbiddenException("monitoring reports are submitted by UNIT, DEPARTMENT, FINANCE or HOST_SYSTEM");
        }
        if (!actor.scope().covers(region)) {
            throw new ForbiddenException("region " + region + " is outside your scope");
        }
    }

    /** The goal in force the report is checked against: it exists, is the actor's to report on, and matches. */
    private GoalVersion checked(UnitReport report, Actor actor) {
        GoalVersion goal = goals.inForce(report.mofDivCode(), report.fiscalYear(), report.proCode())
                .orElseThrow(() -> new NotFoundException("project " + report.proCode() + " has no approved goal for "
                        + report.fiscalYear().value() + ": there is nothing to report on"));
        if (!actor.scope().covers(goal.project().agencyCode())) {
            throw new ForbiddenException("project " + report.proCode() + " belongs to an agency outside your scope");
        }
        checkIndicators(report.indicators(), goal.goal().indicators());
        return goal;
    }

    /** @return whether a report for the cut-off comes after the due day of the scheduled round with that cut-off */
    private boolean late(MofDivCode region, FiscalYear year, LocalDate cutOff) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        return rules.apply(region, year).rounds().stream().filter(s -> s.cutOffIn(year.value()).equals(cutOff))
                .anyMatch(s -> today.isAfter(s.dueIn(year.value())));
    }

    private UnitReport save(UnitReport report, GoalVersion goal, Actor actor, boolean late) {
        Instant now = clock.instant();
        UnitReport stored = new UnitReport(report.mofDivCode(), report.fiscalYear(), report.cutOff(),
                report.proCode(), report.indicators(), actor.operator(), now, late);
        repository.saveReport(stored, new AuditEntry(now, "MONITORING_REPORTED", report.mofDivCode(),
                "MONITORING_REPORT", report.fiscalYear().value() + "/" + report.cutOff() + "/" + report.proCode(),
                actor, "monitoring report", "worst=" + stored.worst() + ";late=" + late + ";goal=" + goal.goalId()
                        + "/" + goal.version(), goal.project().agencyCode(), report.proCode()));
        return stored;
    }

    @Override
    public Optional<UnitReport> report(MofDivCode mofDivCode, FiscalYear fiscalYear, LocalDate cutOff,
            io.jixiao.api.model.ProCode proCode, Actor actor) {
        if (!actor.hasAny(Role.STAFF) || !actor.scope().covers(mofDivCode)) {
            return Optional.empty();
        }
        if (!actor.scope().agencies().isEmpty()) {
            Optional<GoalVersion> goal = goals.inForce(mofDivCode, fiscalYear, proCode);
            if (goal.isEmpty() || !actor.scope().covers(goal.get().project().agencyCode())) {
                return Optional.empty();
            }
        }
        return repository.report(mofDivCode, fiscalYear, cutOff, proCode);
    }

    private static void checkIndicators(List<IndicatorProgress> reported, List<Indicator> declared) {
        Set<String> names = new LinkedHashSet<>();
        declared.forEach(i -> names.add(i.name()));
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < reported.size(); i++) {
            String name = reported.get(i).name();
            if (!names.contains(name)) {
                violations.add(new Violation("INDICATORS[" + i + "].KPI_CONTENT", "unknown",
                        "'" + name + "' is not an indicator of the project's goal in force"));
            } else if (!seen.add(name)) {
                violations.add(new Violation("INDICATORS[" + i + "].KPI_CONTENT", "duplicate",
                        "'" + name + "' is reported twice"));
            }
        }
        names.removeAll(seen);
        if (!names.isEmpty() && violations.isEmpty()) {
            violations.add(new Violation("INDICATORS", "missing", "every indicator of the goal is reported; missing: "
                    + String.join(", ", names)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    @Override
    public Alert rectify(long alertId, Reason account, Actor actor) {
        if (!actor.has(Role.UNIT) && !actor.has(Role.DEPARTMENT) && !actor.has(Role.HOST_SYSTEM)) {
            throw new ForbiddenException("rectification is reported by UNIT, DEPARTMENT or HOST_SYSTEM");
        }
        Alert alert = alert(alertId, actor)
                .orElseThrow(() -> new NotFoundException("no alert " + alertId));
        Optional<RectificationCase> rectifying = caseOf(alert);
        if (rectifying.isPresent()) {
            // the alert's rectification is its case's: the report moves the case, and the case the alert
            rectification.report(rectifying.get().id(), account.text(), actor);
            return alert(alertId, actor).orElseThrow();
        }
        if (alert.status() != AlertStatus.OPEN) {
            throw new ConflictException("alert " + alertId + " is " + alert.status() + ", not OPEN");
        }
        Alert next = alert.withStatus(AlertStatus.RECTIFIED, account.text());
        Instant now = clock.instant();
        if (!repository.changeAlert(alert, next, new AuditEntry(now, "MONITORING_ALERT_RECTIFIED", alert.mofDivCode(),
                "MONITORING_ALERT", String.valueOf(alertId), actor, account.text(), "level=" + alert.level(),
                alert.agencyCode(), alert.proCode()))) {
            throw new ConflictException("alert " + alertId + " changed meanwhile; read it again");
        }
        return next;
    }

    @Override
    public Alert release(long alertId, Reason reason, Actor actor) {
        Alert alert = alert(alertId, actor).orElseThrow(() -> new NotFoundException("no alert " + alertId));
        requireFinance(actor, alert.mofDivCode(), "release alerts and their holds");
        if (alert.status() == AlertStatus.CLOSED) {
            throw new ConflictException("alert " + alertId + " is already CLOSED");
        }
        Optional<RectificationCase> rectifying = caseOf(alert).filter(c -> !c.status().closed());
        if (rectifying.isPresent()) {
            // closing the case RECTIFIED closes the alert and releases its hold
            rectification.close(rectifying.get().id(), CaseStatus.RECTIFIED, reason, actor);
            return alert(alertId, actor).orElseThrow();
        }
        if (alert.status() == AlertStatus.OPEN && alert.consequences().contains(Consequence.RECTIFY)) {
            throw new ConflictException("alert " + alertId + " requires rectification: the unit reports it first");
        }
        Alert next = alert.withStatus(AlertStatus.CLOSED, alert.rectification());
        Instant now = clock.instant();
        if (!repository.changeAlert(alert, next, new AuditEntry(now, "MONITORING_ALERT_RELEASED", alert.mofDivCode(),
                "MONITORING_ALERT", String.valueOf(alertId), actor, reason.text(),
                "level=" + alert.level() + ";hold=" + alert.holdId(), alert.agencyCode(), alert.proCode()))) {
            throw new ConflictException("alert " + alertId + " changed meanwhile; read it again");
        }
        if (alert.holdId() != null && holds.find(alert.holdId()).filter(h -> h.status() == HoldStatus.ACTIVE)
                .isPresent()) {
            try {
                holds.release(alert.holdId(), reason, actor);
            } catch (ConflictException alreadyReleased) {
                // released by hand meanwhile: nothing left to release
            }
        }
        return next;
    }

    /** @return the rectification case the alert opened, if it opened one */
    private Optional<RectificationCase> caseOf(Alert alert) {
        return cases.byOrigin(CaseOrigin.ALERT, String.valueOf(alert.id())).map(StoredCase::value);
    }

    private Round visible(long roundId, Actor actor) {
        return round(roundId, actor).orElseThrow(() -> new NotFoundException("no monitoring round " + roundId));
    }

    private String status(long roundId) {
        return repository.round(roundId).map(s -> s.round().status().name()).orElse("gone");
    }

    private static void requireFinance(Actor actor, MofDivCode region, String what) {
        if (!actor.has(Role.FINANCE)) {
            throw new ForbiddenException("only FINANCE may " + what);
        }
        if (!actor.scope().covers(region)) {
            throw new ForbiddenException("region " + region + " is outside your scope");
        }
    }
}
