package io.jixiao.rectification.internal;

import io.jixiao.api.goal.GoalRuleService;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Role;
import io.jixiao.api.model.Violations;
import io.jixiao.api.monitoring.Alert;
import io.jixiao.api.monitoring.AlertStatus;
import io.jixiao.api.rectification.CaseOpening;
import io.jixiao.api.rectification.CaseOrigin;
import io.jixiao.api.rectification.CasePage;
import io.jixiao.api.rectification.CaseStatus;
import io.jixiao.api.rectification.CaseStep;
import io.jixiao.api.rectification.CaseSubject;
import io.jixiao.api.rectification.FeedbackLetter;
import io.jixiao.api.rectification.RectificationCase;
import io.jixiao.api.rectification.RectificationRules;
import io.jixiao.api.rectification.RectificationService;
import io.jixiao.api.rectification.Referral;
import io.jixiao.api.rectification.ReferralGround;
import io.jixiao.api.service.HoldService;
import io.jixiao.api.service.HoldStatus;
import io.jixiao.rules.RulesInForce;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.AuditTrail;
import io.jixiao.store.MonitoringRepository;
import io.jixiao.store.RectificationRepository;
import io.jixiao.store.RectificationRepository.Change;
import io.jixiao.store.RectificationRepository.StoredCase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rectification workflow: who may take which step in which status, each step written with its history row and
 * its audit row in one transaction, and what a step entails elsewhere — strict control and its holds (through
 * {@link StrictControl}), the alert a case was opened from. Roles and data scope are checked here.
 */
@Component(service = RectificationService.class, immediate = true, configurationPid = RectificationConfiguration.PID)
@Designate(ocd = RectificationConfiguration.class)
public final class Rectifications implements RectificationService {
    private static final Logger LOG = LoggerFactory.getLogger(Rectifications.class);
    private static final Actor RULES_READER = Actor.system("rectification");
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int MAX_PAGE = 1000;
    private static final Set<CaseStatus> MEASURABLE = EnumSet.of(CaseStatus.OPEN, CaseStatus.ISSUED,
            CaseStatus.RETURNED, CaseStatus.OVERDUE);
    private static final Set<CaseStatus> REPORTABLE = EnumSet.of(CaseStatus.OPEN, CaseStatus.ISSUED,
            CaseStatus.MEASURES, CaseStatus.RETURNED, CaseStatus.OVERDUE);

    private final RectificationRepository cases;
    private final MonitoringRepository alerts;
    private final AuditTrail audit;
    private final HoldService holds;
    private final BiFunction<MofDivCode, FiscalYear, RectificationRules> rules;
    private final StrictControl strict;
    private final RehearsalClock clock;
    private ScheduledExecutorService schedule;

    /** The component: the service, and the scheduled overdue pass over the configured regions. */
    @Activate
    public Rectifications(RectificationConfiguration config, @Reference RectificationRepository cases,
            @Reference MonitoringRepository alerts, @Reference AuditTrail audit, @Reference HoldService holds,
            @Reference GoalRuleService ruleService) {
        this(cases, alerts, audit, holds, RulesInForce.of(ruleService, RULES_READER)::rectification,
                Clock.systemUTC());
        List<MofDivCode> regions = Arrays.stream(config.regions()).map(String::trim).filter(r -> !r.isEmpty())
                .map(MofDivCode::of).toList();
        if (!regions.isEmpty()) {
            long tick = Math.max(60, Math.min(86_400, config.tickSeconds()));
            schedule = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "jixiao-rectification-overdue");
                t.setDaemon(true);
                return t;
            });
            schedule.scheduleWithFixedDelay(() -> regions.forEach(this::scheduledPass), tick, tick, TimeUnit.SECONDS);
        }
        LOG.info("Rectification ready: scheduled overdue pass for {}", regions.isEmpty() ? "no region" : regions);
    }

    /** A rehearsal clock: deadlines and the overdue pass go by it while it is registered (docs/rectification.md). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(jixiao.clock=rehearsal)")
    void bindClock(Clock rehearsal) {
        LOG.warn("Rectification goes by a rehearsal clock now: {}", rehearsal.instant());
        clock.use(rehearsal);
    }

    void unbindClock(Clock rehearsal) {
        clock.drop(rehearsal);
        LOG.info("Rectification goes by the system clock again");
    }

    @Deactivate
    void deactivate() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    private void scheduledPass(MofDivCode region) {
        try {
            markOverdue(region);
        } catch (RuntimeException e) {
            // the next tick tries again; a database that is down is reported by the store
            LOG.warn("Rectification: the overdue pass over {} failed: {}", region, e.toString());
        }
    }

    /**
     * @param cases the cases
     * @param alerts the alerts cases are opened from, closed with them
     * @param audit the trail an accountability referral points into
     * @param holds where strict control places its holds and a closed case releases them
     * @param rules the rectification rules in force for a region and year
     * @param clock the time (a test's clock moves deadlines past)
     */
    public Rectifications(RectificationRepository cases, MonitoringRepository alerts, AuditTrail audit,
            HoldService holds, BiFunction<MofDivCode, FiscalYear, RectificationRules> rules, Clock clock) {
        this.cases = cases;
        this.alerts = alerts;
        this.audit = audit;
        this.holds = holds;
        this.rules = rules;
        this.clock = new RehearsalClock(clock);
        this.strict = new StrictControl(cases, holds, rules, this.clock);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CHINA);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public RectificationCase open(CaseOpening opening, Actor actor) {
        requireFinance(actor, opening.mofDivCode());
        RectificationRules in = rules.apply(opening.mofDivCode(), opening.fiscalYear());
        LocalDate today = today();
        LocalDate deadline = opening.deadline() != null ? opening.deadline() : in.deadline(CaseOrigin.MANUAL, today);
        if (deadline.isBefore(today)) {
            throw InvalidInputException.of("DEADLINE", "future", "must not lie before today (" + today + ")");
        }
        long id = cases.nextCaseId();
        Instant now = now();
        RectificationCase c = new RectificationCase(id, CaseOrigin.MANUAL, null, opening.mofDivCode(),
                opening.fiscalYear(), opening.subject(), opening.agencyCode(), opening.proCode(), null,
                opening.subjectDivCode(), Role.FINANCE, opening.problems(), opening.responsible(), deadline,
                CaseStatus.OPEN, null, null, null, null, name(actor), now, null, in.version());
        cases.open(List.of(RectificationRepository.Opening.of(c, actor, "opened by hand", "origin=MANUAL;deadline="
                + deadline + ";rules=" + in.version())));
        return c;
    }

    @Override
    public Optional<RectificationCase> find(long caseId, Actor actor) {
        return cases.find(caseId).map(StoredCase::value).filter(c -> visible(actor, c));
    }

    @Override
    public List<CaseStep> steps(long caseId, Actor actor) {
        visibleCase(caseId, actor);
        return cases.steps(caseId);
    }

    @Override
    public CasePage list(MofDivCode mofDivCode, boolean openOnly, long afterId, int limit, Actor actor) {
        if (!actor.hasAny(Role.STAFF) || !actor.scope().covers(mofDivCode)) {
            throw new ForbiddenException("region " + mofDivCode + " is outside your scope");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw InvalidInputException.of("LIMIT", "range", "1 to " + MAX_PAGE);
        }
        List<RectificationCase> page = cases.page(mofDivCode, actor.scope().agencies(), openOnly, afterId, limit);
        return new CasePage(page, page.size() < limit ? null : page.get(page.size() - 1).id());
    }

    @Override
    public FeedbackLetter issueLetter(long caseId, Actor actor) {
        StoredCase s = visibleCase(caseId, actor);
        RectificationCase c = s.value();
        requireOrganiser(actor, c);
        requireStatus(c, EnumSet.of(CaseStatus.OPEN), "issue its feedback letter again (read it instead)");
        c = step(s, c.withStatus(CaseStatus.ISSUED), "LETTER_ISSUED", actor, null, "feedback letter issued");
        return Letters.render(c, rules.apply(c.mofDivCode(), c.fiscalYear()), issuedOn(c));
    }

    @Override
    public FeedbackLetter letter(long caseId, Actor actor) {
        RectificationCase c = visibleCase(caseId, actor).value();
        if (c.status() == CaseStatus.OPEN) {
            throw new ConflictException("the feedback letter of case " + caseId + " is not issued yet");
        }
        return Letters.render(c, rules.apply(c.mofDivCode(), c.fiscalYear()), issuedOn(c));
    }

    private LocalDate issuedOn(RectificationCase c) {
        return cases.steps(c.id()).stream().filter(s -> s.action().equals("LETTER_ISSUED")).findFirst()
                .map(s -> LocalDate.ofInstant(s.at(), CHINA)).orElse(today());
    }

    @Override
    public RectificationCase submitMeasures(long caseId, String measures, Actor actor) {
        text("MEASURES", measures);
        StoredCase s = visibleCase(caseId, actor);
        RectificationCase c = s.value();
        requireUnit(actor, c);
        requireStatus(c, MEASURABLE, "submit measures");
        CaseStatus next = c.status() == CaseStatus.OVERDUE ? CaseStatus.OVERDUE : CaseStatus.MEASURES;
        return step(s, c.withStatus(next), "MEASURES", actor, measures, "rectification measures submitted");
    }

    @Override
    public RectificationCase report(long caseId, String report, Actor actor) {
        text("REPORT", report);
        StoredCase s = visibleCase(caseId, actor);
        RectificationCase c = s.value();
        requireUnit(actor, c);
        requireStatus(c, REPORTABLE, "report");
        RectificationCase next = step(s, c.withStatus(CaseStatus.REPORTED), "REPORTED", actor, report,
                "rectification reported");
        mirrorAlert(next, AlertStatus.RECTIFIED, report, actor, "MONITORING_ALERT_RECTIFIED", null);
        return next;
    }

    @Override
    public RectificationCase returnCase(long caseId, Reason reasons, Actor actor) {
        StoredCase s = visibleCase(caseId, actor);
        RectificationCase c = s.value();
        requireOrganiser(actor, c);
        requireStatus(c, EnumSet.of(CaseStatus.REPORTED), "return");
        return step(s, c.withStatus(CaseStatus.RETURNED), "RETURNED", actor, reasons.text(), reasons.text());
    }

    @Override
    public RectificationCase close(long caseId, CaseStatus outcome, Reason reason, Actor actor) {
        if (outcome == null || !outcome.closed()) {
            throw InvalidInputException.of("OUTCOME", "oneOf", "RECTIFIED or NOT_RECTIFIED");
        }
        StoredCase s = visibleCase(caseId, actor);
        RectificationCase c = s.value();
        requireOrganiser(actor, c);
        if (outcome == CaseStatus.RECTIFIED) {
            requireStatus(c, EnumSet.of(CaseStatus.REPORTED), "close as RECTIFIED");
        } else if (c.status().closed()) {
            throw new ConflictException("rectification case " + caseId + " is already " + c.status());
        }
        Instant now = now();
        RectificationCase next = new RectificationCase(c.id(), c.origin(), c.originId(), c.mofDivCode(),
                c.fiscalYear(), c.subject(), c.agencyCode(), c.proCode(), c.deptCode(), c.subjectDivCode(),
                c.organiser(), c.problems(), c.responsible(), c.deadline(), outcome, null,
                outcome == CaseStatus.NOT_RECTIFIED && c.strictSince() == null ? now : c.strictSince(),
                outcome == CaseStatus.RECTIFIED && c.strictSince() != null ? now : c.strictLiftedAt(), c.holdId(),
                c.openedBy(), c.openedAt(), now, c.ruleVersion());
        boolean rectified = outcome == CaseStatus.RECTIFIED;
        List<RectificationCase> lifted = cases.change(change(s, next, outcome.name(), actor, reason.text(),
                reason.text(), now), rectified).orElseThrow(() -> changed(caseId));
        if (rectified) {
            strict.lifted(lifted, next, reason);
            mirrorAlert(next, AlertStatus.CLOSED, null, actor, "MONITORING_ALERT_RELEASED", reason);
        } else {
            strict.began(List.of(next));
        }
        return next;
    }

    @Override
    public RectificationCase requestExtension(long caseId, LocalDate until, Reason reason, Actor actor) {
        StoredCase s = visibleCase(caseId, actor);
        RectificationCase c = s.value();
        requireUnit(actor, c);
        requireStatus(c, REPORTABLE, "request an extension");
        if (c.extensionUntil() != null) {
            throw new ConflictException("rectification case " + caseId + " has an extension request pending (to "
                    + c.extensionUntil() + ")");
        }
        if (until == null || !until.isAfter(c.deadline()) || until.isBefore(today())) {
            throw InvalidInputException.of("UNTIL", "after", "must come after the deadline " + c.deadline()
                    + " and not before today");
        }
        RectificationCase next = with(c, c.status(), c.deadline(), until);
        return step(s, next, "EXTENSION_REQUESTED", actor, reason.text(), reason.text());
    }

    @Override
    public RectificationCase decideExtension(long caseId, boolean grant, LocalDate deadline, Reason reason,
            Actor actor) {
        StoredCase s = visibleCase(caseId, actor);
        RectificationCase c = s.value();
        requireOrganiser(actor, c);
        if (c.extensionUntil() == null) {
            throw new ConflictException("rectification case " + caseId + " has no extension request pending");
        }
        if (!grant) {
            return step(s, with(c, c.status(), c.deadline(), null), "EXTENSION_REFUSED", actor, reason.text(),
                    reason.text());
        }
        LocalDate granted = deadline != null ? deadline : c.extensionUntil();
        if (!granted.isAfter(c.deadline()) || granted.isBefore(today())) {
            throw InvalidInputException.of("DEADLINE", "after", "must come after the deadline " + c.deadline()
                    + " and not before today");
        }
        CaseStatus back = c.status() == CaseStatus.OVERDUE ? beforeOverdue(caseId) : c.status();
        return step(s, with(c, back, granted, null), "EXTENSION_GRANTED", actor, reason.text(), reason.text());
    }

    /** Where a case stood before it went OVERDUE (strict control it caused stays). */
    private CaseStatus beforeOverdue(long caseId) {
        List<CaseStep> steps = cases.steps(caseId);
        for (int i = steps.size() - 1; i > 0; i--) {
            if (steps.get(i).action().equals("OVERDUE")) {
                return steps.get(i - 1).status();
            }
        }
        return CaseStatus.ISSUED;
    }

    @Override
    public int markOverdue(MofDivCode mofDivCode, Actor actor) {
        requireFinance(actor, mofDivCode);
        return strict.overdue(mofDivCode, actor);
    }

    /** The scheduled pass over a region, in the system's name. */
    int markOverdue(MofDivCode mofDivCode) {
        return strict.overdue(mofDivCode, Actor.system("rectification"));
    }

    private RectificationCase step(StoredCase s, RectificationCase next, String action, Actor actor, String text,
            String why) {
        Instant now = now();
        cases.change(change(s, next, action, actor, text, why, now), false)
                .orElseThrow(() -> changed(s.value().id()));
        return next;
    }

    static Change change(StoredCase s, RectificationCase next, String action, Actor actor, String text, String why,
            Instant at) {
        CaseStep step = new CaseStep(next.id(), s.steps() + 1, action, next.status(), name(actor), at, text,
                next.deadline());
        return new Change(s, next, step, audit(next, "RECTIFICATION_" + action, actor, at,
                why == null || why.isBlank() ? action.toLowerCase() : abbreviate(why),
                "status=" + s.value().status() + ">" + next.status() + ";deadline=" + next.deadline()));
    }

    static AuditEntry audit(RectificationCase c, String action, Actor actor, Instant at, String why, String detail) {
        return new AuditEntry(at, action, c.mofDivCode(), "RECTIFICATION_CASE", String.valueOf(c.id()), actor,
                abbreviate(why), detail, c.agencyCode(), c.proCode());
    }

    /** @return the text cut to what a {@link Reason} holds */
    static String abbreviate(String text) {
        return text.length() > Reason.MAX_LENGTH ? text.substring(0, Reason.MAX_LENGTH) : text;
    }

    static RectificationCase with(RectificationCase c, CaseStatus status, LocalDate deadline, LocalDate ext) {
        return new RectificationCase(c.id(), c.origin(), c.originId(), c.mofDivCode(), c.fiscalYear(), c.subject(),
                c.agencyCode(), c.proCode(), c.deptCode(), c.subjectDivCode(), c.organiser(), c.problems(),
                c.responsible(), deadline, status, ext, c.strictSince(), c.strictLiftedAt(), c.holdId(), c.openedBy(),
                c.openedAt(), c.closedAt(), c.ruleVersion());
    }

    /** Keeps the alert a case came from in step: reported → RECTIFIED, closed RECTIFIED → CLOSED and unheld. */
    private void mirrorAlert(RectificationCase c, AlertStatus to, String text, Actor actor, String action,
            Reason release) {
        if (c.origin() != CaseOrigin.ALERT || alerts == null) {
            return;
        }
        Optional<Alert> found = alerts.alert(Long.parseLong(c.originId()));
        if (found.isEmpty() || found.get().status() == AlertStatus.CLOSED || found.get().status() == to) {
            return;
        }
        Alert alert = found.get();
        Alert next = alert.withStatus(to, text != null ? abbreviate(text) : alert.rectification());
        alerts.changeAlert(alert, next, new AuditEntry(now(), action, alert.mofDivCode(), "MONITORING_ALERT",
                String.valueOf(alert.id()), actor, release != null ? release.text()
                        : "rectification case " + c.id() + " " + c.status(),
                "level=" + alert.level() + ";hold=" + alert.holdId() + ";case=" + c.id(), alert.agencyCode(),
                alert.proCode()));
        if (to == AlertStatus.CLOSED && alert.holdId() != null
                && holds.find(alert.holdId(), actor).filter(h -> h.status() == HoldStatus.ACTIVE).isPresent()) {
            try {
                holds.release(alert.holdId(), release, actor);
            } catch (ConflictException alreadyReleased) {
                // released by hand meanwhile: nothing left to release
            }
        }
    }

    private StoredCase visibleCase(long caseId, Actor actor) {
        return cases.find(caseId).filter(s -> visible(actor, s.value()))
                .orElseThrow(() -> new NotFoundException("no rectification case " + caseId));
    }

    private static boolean visible(Actor actor, RectificationCase c) {
        if (!actor.hasAny(Role.STAFF)) {
            return false;
        }
        if (c.subject() == CaseSubject.LOWER_GOVERNMENT && actor.has(Role.FINANCE)
                && actor.scope().covers(c.subjectDivCode()) && !actor.scope().regions().isEmpty()) {
            return true; // the lower government's own finance bureau
        }
        return actor.scope().covers(c.mofDivCode())
                && (actor.scope().agencies().isEmpty() || c.agencyCode() != null && actor.scope().covers(c.agencyCode()));
    }

    private static void requireOrganiser(Actor actor, RectificationCase c) {
        boolean ok = actor.has(c.organiser()) && actor.scope().covers(c.mofDivCode())
                && (c.organiser() != Role.DEPARTMENT || c.agencyCode() != null && actor.scope().covers(c.agencyCode()));
        if (!ok) {
            throw new ForbiddenException("only the case's organiser (" + c.organiser() + ") may do this");
        }
    }

    private static void requireUnit(Actor actor, RectificationCase c) {
        boolean ok;
        if (c.subject() == CaseSubject.LOWER_GOVERNMENT) {
            ok = actor.has(Role.FINANCE) && actor.scope().covers(c.subjectDivCode())
                    || actor.has(Role.HOST_SYSTEM) && actor.scope().covers(c.mofDivCode());
        } else {
            ok = (actor.has(Role.UNIT) || actor.has(Role.DEPARTMENT) || actor.has(Role.HOST_SYSTEM))
                    && actor.scope().covers(c.mofDivCode()) && actor.scope().covers(c.agencyCode());
        }
        if (!ok) {
            throw new ForbiddenException("measures, reports and extension requests come from the rectifying unit "
                    + "(UNIT or DEPARTMENT with the agency in scope, or HOST_SYSTEM)");
        }
    }

    private static void requireFinance(Actor actor, MofDivCode region) {
        if (!actor.has(Role.FINANCE)) {
            throw new ForbiddenException("only FINANCE may do this");
        }
        if (!actor.scope().covers(region)) {
            throw new ForbiddenException("region " + region + " is outside your scope");
        }
    }

    private static void requireStatus(RectificationCase c, Set<CaseStatus> allowed, String what) {
        if (!allowed.contains(c.status())) {
            throw new ConflictException("rectification case " + c.id() + " is " + c.status() + ": cannot " + what + " (only in "
                    + allowed + ")");
        }
    }

    private static void text(String field, String value) {
        Violations v = new Violations();
        v.text(field, value, MAX_TEXT, true);
        if (value != null && value.isBlank()) {
            v.add(field, "required", "must not be blank");
        }
        v.throwIfAny();
    }

    private static ConflictException changed(long caseId) {
        return new ConflictException("rectification case " + caseId + " changed meanwhile; read it again");
    }

    static String name(Actor actor) {
        return actor.callerSystem() + "/" + actor.operator();
    }

    /** Most audit rows a referral lists (a case has a few dozen at most). */
    private static final int MAX_AUDIT_ROWS = 200;

    @Override
    public Referral refer(long caseId, ReferralGround ground, String referredTo, Reason reason, Actor actor) {
        if (ground == null) {
            throw InvalidInputException.of("GROUND", "oneOf", "OVERDUE, NOT_RECTIFIED, FRAUD or SERIOUS_LOSS");
        }
        Violations v = new Violations();
        v.text("REFERRED_TO", referredTo, Referral.MAX_REFERRED_TO, true);
        if (referredTo != null && referredTo.isBlank()) {
            v.add("REFERRED_TO", "required", "must not be blank");
        }
        v.throwIfAny();
        RectificationCase c = referable(caseId, actor);
        boolean stands = switch (ground) {
            case OVERDUE -> c.status() == CaseStatus.OVERDUE || c.strictSince() != null && !c.status().closed();
            case NOT_RECTIFIED -> c.status() == CaseStatus.NOT_RECTIFIED;
            case FRAUD, SERIOUS_LOSS -> true;
        };
        if (!stands) {
            throw new ConflictException("rectification case " + caseId + " is " + c.status() + ": it cannot be "
                    + "referred on the ground " + ground);
        }
        List<Long> rows = audit.recordsBySubject("RECTIFICATION_CASE", String.valueOf(caseId), MAX_AUDIT_ROWS)
                .stream().map(r -> r.auditId()).toList();
        Instant now = now();
        Referral draft = new Referral(0, caseId, c.mofDivCode(), ground, referredTo, reason.text(), rows,
                name(actor), now, List.of());
        return cases.refer(draft, new AuditEntry(now, "ACCOUNTABILITY_REFERRED", c.mofDivCode(),
                "ACCOUNTABILITY_REFERRAL", "0", actor, reason.text(), "case=" + caseId + ";ground=" + ground
                        + ";to=" + abbreviate(referredTo) + ";auditRows=" + rows.size(), c.agencyCode(),
                c.proCode()));
    }

    @Override
    public Referral addOutcome(long referralId, Reason outcome, Actor actor) {
        Referral r = visibleReferral(referralId, actor);
        requireFinance(actor, r.mofDivCode());
        Instant now = now();
        Referral.Outcome next = new Referral.Outcome(r.outcomes().size() + 1, outcome.text(), name(actor), now);
        if (!cases.addOutcome(referralId, next, new AuditEntry(now, "ACCOUNTABILITY_OUTCOME", r.mofDivCode(),
                "ACCOUNTABILITY_REFERRAL", String.valueOf(referralId), actor, outcome.text(),
                "case=" + r.caseId() + ";outcome=" + next.seq()))) {
            throw new ConflictException("referral " + referralId + " changed meanwhile; read it again");
        }
        return cases.referral(referralId).orElseThrow();
    }

    @Override
    public Optional<Referral> referral(long referralId, Actor actor) {
        return cases.referral(referralId).filter(r -> mayReadReferrals(actor, r.mofDivCode()));
    }

    @Override
    public List<Referral> referrals(MofDivCode mofDivCode, Actor actor) {
        if (!mayReadReferrals(actor, mofDivCode)) {
            throw new ForbiddenException("accountability referrals are read by FINANCE and AUDITOR of the region");
        }
        return cases.referrals(mofDivCode);
    }

    private RectificationCase referable(long caseId, Actor actor) {
        RectificationCase c = visibleCase(caseId, actor).value();
        requireFinance(actor, c.mofDivCode());
        return c;
    }

    private Referral visibleReferral(long referralId, Actor actor) {
        return referral(referralId, actor).orElseThrow(() -> new NotFoundException("no referral " + referralId));
    }

    /** Units never see referrals: finance and auditors of the region, whole-region accounts only. */
    private static boolean mayReadReferrals(Actor actor, MofDivCode region) {
        return (actor.has(Role.FINANCE) || actor.has(Role.AUDITOR)) && actor.scope().covers(region)
                && actor.scope().agencies().isEmpty();
    }
}
