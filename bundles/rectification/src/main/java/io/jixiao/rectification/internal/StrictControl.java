package io.jixiao.rectification.internal;

import io.jixiao.api.goal.GateMode;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.rectification.CaseStatus;
import io.jixiao.api.rectification.CaseSubject;
import io.jixiao.api.rectification.RectificationCase;
import io.jixiao.api.rectification.RectificationRules;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldService;
import io.jixiao.api.service.HoldStatus;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.RectificationRepository;
import io.jixiao.store.RectificationRepository.Change;
import io.jixiao.store.RectificationRepository.StoredCase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strict control 从严控制: the overdue pass that puts cases' subjects under it, and the holds it places on a
 * project's payments where the region's rules enforce one (an ordinary hold through the hold service, so the payment
 * guard finds it in its index: no read per check), released when a case on the project is closed RECTIFIED.
 * Safe on several nodes at once: each case is moved by one change that expects its step count, and a hold is
 * placed only for a change this node applied (a pass also places those a stopped node left out, after checking the
 * project's active holds for one of the case's).
 */
final class StrictControl {
    /** Holds placed by strict control say so first, with the case: a later pass finds them by it. */
    static final String HOLD_MARK = "STRICT_CONTROL case ";
    private static final Logger LOG = LoggerFactory.getLogger(StrictControl.class);
    private static final int PAGE = 500;
    /** Holds are placed and released in the system's name (the case's audit rows name the person). */
    private static final Actor SYSTEM = Actor.system("strict-control");

    private final RectificationRepository cases;
    private final HoldService holds;
    private final BiFunction<MofDivCode, FiscalYear, RectificationRules> rules;
    private final Clock clock;

    StrictControl(RectificationRepository cases, HoldService holds,
            BiFunction<MofDivCode, FiscalYear, RectificationRules> rules, Clock clock) {
        this.cases = cases;
        this.holds = holds;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Marks every case of the region awaiting its unit past its deadline OVERDUE, a page per transaction, and
     * applies strict control to their subjects.
     *
     * @return how many cases this pass marked
     */
    int overdue(MofDivCode region, Actor actor) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Rectifications.CHINA);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int marked = 0;
        int idle = 0;
        while (idle < 2) {
            List<StoredCase> due = cases.due(region, today, PAGE);
            if (due.isEmpty()) {
                break;
            }
            List<Change> changes = new ArrayList<>(due.size());
            for (StoredCase s : due) {
                RectificationCase c = s.value();
                RectificationCase next = new RectificationCase(c.id(), c.origin(), c.originId(), c.mofDivCode(),
                        c.fiscalYear(), c.subject(), c.agencyCode(), c.proCode(), c.deptCode(), c.subjectDivCode(),
                        c.organiser(), c.problems(), c.responsible(), c.deadline(), CaseStatus.OVERDUE,
                        c.extensionUntil(), c.strictSince() == null ? now : c.strictSince(), c.strictLiftedAt(),
                        c.holdId(), c.openedBy(), c.openedAt(), c.closedAt(), c.ruleVersion());
                changes.add(Rectifications.change(s, next, "OVERDUE", actor, null,
                        "deadline " + c.deadline() + " passed without a report", now));
            }
            List<Change> applied = cases.changeAll(changes);
            marked += applied.size();
            began(applied.stream().map(Change::after).toList());
            // a page another node (or a caller) moved first is read again; twice in a row nothing: leave it to them
            idle = applied.isEmpty() ? idle + 1 : 0;
        }
        // holds a node stopped before placing, where the region's rules place any
        RectificationRules in = rules.apply(region, FiscalYear.of(today.getYear()));
        if (in.strictHold() != null && in.strictModeOn(today) == GateMode.ENFORCE) {
            began(cases.withoutHold(region));
        }
        if (marked > 0) {
            LOG.info("Rectification: {} case(s) of {} overdue on {}; their subjects are under strict control", marked,
                    region, today);
        }
        return marked;
    }

    /** Places the holds strict control calls for on the cases' projects, where the region's rules enforce one. */
    void began(List<RectificationCase> strict) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Rectifications.CHINA);
        FiscalYear year = FiscalYear.of(today.getYear());
        for (RectificationCase c : strict) {
            if (c.subject() != CaseSubject.PROJECT || c.holdId() != null || !c.strictControl()) {
                continue;
            }
            RectificationRules in = rules.apply(c.mofDivCode(), year);
            if (in.strictHold() == null || in.strictModeOn(today) != GateMode.ENFORCE) {
                continue;
            }
            HoldTarget target = HoldTarget.project(c.mofDivCode(), c.proCode());
            String mark = HOLD_MARK + c.id() + " ";
            Optional<Hold> placed = holds.activeHolds(target, SYSTEM).stream()
                    .filter(h -> h.reason().text().startsWith(mark)).findFirst();
            long holdId = placed.isPresent() ? placed.get().holdId()
                    : holds.place(target, in.strictHold(), Reason.of(Rectifications.abbreviate(mark + c.status() + ": "
                            + in.article() + "; rules " + in.version())), SYSTEM).holdId();
            cases.linkHold(c.id(), holdId);
        }
    }

    /** Releases the holds of the cases whose strict control a case closed RECTIFIED lifted. */
    void lifted(List<RectificationCase> lifted, RectificationCase closing, Reason reason) {
        for (RectificationCase c : lifted) {
            if (c.holdId() == null) {
                continue;
            }
            if (holds.find(c.holdId(), SYSTEM).filter(h -> h.status() == HoldStatus.ACTIVE).isPresent()) {
                try {
                    holds.release(c.holdId(), Reason.of(Rectifications.abbreviate("strict control lifted: case " + closing.id()
                            + " closed RECTIFIED; " + reason.text())), SYSTEM);
                } catch (ConflictException alreadyReleased) {
                    // released by hand meanwhile: nothing left to release
                }
            }
        }
    }
}
