package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.PayAppNo;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Role;
import io.jixiao.api.service.AuditService;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldService;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.DecisionRepository;
import java.util.List;

/**
 * The state of region 440100000 that the registry's requests address — a held project, the corpus project and
 * application, the region's audit chain — captured before a batch of refused requests and checked after it.
 */
final class UnchangedState {
    static final MofDivCode REGION = MofDivCode.of("440100000");
    private static final Actor FINANCE = Actor.of("state-check", "state-check", Role.FINANCE);

    private final Hold held;
    private final long auditRows;

    private UnchangedState(Hold held, long auditRows) {
        this.held = held;
        this.auditRows = auditRows;
    }

    /** Makes sure the held project has an active hold to address, and records the audit chain's length. */
    static UnchangedState capture(HoldService holds, AuditService audit) {
        HoldTarget target = HoldTarget.project(REGION, ProCode.of(Endpoints.HELD_PROJECT));
        List<Hold> active = holds.activeHolds(target);
        Hold held = active.isEmpty()
                ? holds.place(target, HoldKind.SUSPEND, Reason.of("addressed by the registry's requests"), FINANCE)
                : active.get(0);
        return new UnchangedState(held, audit.verify(REGION, FINANCE).rowsChecked());
    }

    long holdId() {
        return held.holdId();
    }

    /** Nothing the refused requests asked for happened. */
    void assertUnchanged(HoldService holds, DecisionRepository decisions, AuditService audit)
            throws InterruptedException {
        Thread.sleep(300); // longer than the journal's flush interval: a PASS would have been written by now
        assertThat(decisions.findByApplication(REGION, FiscalYear.of(2026), PayAppNo.of(Endpoints.CORPUS_APP)))
                .isEmpty();
        assertThat(holds.activeHolds(HoldTarget.project(REGION, ProCode.of(Endpoints.CORPUS_PROJECT)))).isEmpty();
        assertThat(holds.find(held.holdId()).orElseThrow().isActive()).isTrue();
        assertThat(audit.verify(REGION, FINANCE).rowsChecked()).isEqualTo(auditRows);
    }
}
