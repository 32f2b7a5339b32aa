package io.jixiao.guard.internal;

import static io.jixiao.guard.internal.Fixture.FINANCE;
import static io.jixiao.guard.internal.Fixture.HOST;
import static io.jixiao.guard.internal.Fixture.REGION;
import static io.jixiao.guard.internal.Fixture.UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.Role;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldStatus;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.internal.Repositories;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HoldRegistryTest {
    private static final HoldTarget P1 = HoldTarget.project(REGION, ProCode.of("P1"));

    private Repositories store;
    private HoldIndex index;
    private HoldRegistry holds;

    @BeforeEach
    void setUp() {
        store = Fixture.store();
        index = new HoldIndex();
        holds = new HoldRegistry(store.holds(), index, Clock.systemUTC());
    }

    @Test
    void placedHoldIsStoredAuditedAndIndexed() {
        Hold hold = holds.place(P1, HoldKind.SUSPEND, Reason.of("执行率偏离"), FINANCE);

        assertThat(holds.find(hold.holdId())).contains(hold);
        assertThat(index.get(HoldTarget.Type.PROJECT, "440100000", "P1")).containsExactly(hold);
        assertThat(audit(hold)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("HOLD_PLACED");
            assertThat(e.actor()).isEqualTo(FINANCE);
            assertThat(e.reason()).isEqualTo("执行率偏离");
        });
        assertThat(holds.activeHolds(P1)).containsExactly(hold);
    }

    @Test
    void onlyFinanceOrTheHostPlacesHoldsAndARefusalChangesNothing() {
        assertThatThrownBy(() -> holds.place(P1, HoldKind.STOP, Reason.of("no"), UNIT))
                .isInstanceOf(ForbiddenException.class);
        assertThat(holds.activeHolds(P1)).isEmpty();
        assertThat(index.targets()).isZero();
        assertThat(holds.place(P1, HoldKind.SUSPEND, Reason.of("monitoring alert"), HOST).isActive()).isTrue();
    }

    @Test
    void missingArgumentsAreNamed() {
        assertThatThrownBy(() -> holds.place(P1, null, Reason.of("x"), FINANCE))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("HOLD_KIND"));
    }

    @Test
    void stopIsReleasedOnlyByFinance() {
        Hold stop = holds.place(P1, HoldKind.STOP, Reason.of("停止拨款"), FINANCE);

        assertThatThrownBy(() -> holds.release(stop.holdId(), Reason.of("please"), HOST))
                .isInstanceOf(ForbiddenException.class);
        assertThat(holds.find(stop.holdId()).orElseThrow().isActive()).isTrue();
        assertThat(audit(stop)).hasSize(1);

        Hold released = holds.release(stop.holdId(), Reason.of("整改完成"), FINANCE);
        assertThat(released.status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(released.release().releasedBy()).isEqualTo(FINANCE);
        assertThat(holds.find(stop.holdId())).contains(released);
        assertThat(index.targets()).isZero();
        assertThat(audit(stop)).extracting(AuditEntry::action).containsExactly("HOLD_PLACED", "HOLD_RELEASED");
    }

    @Test
    void suspendIsReleasedByTheHostToo() {
        Hold suspend = holds.place(P1, HoldKind.SUSPEND, Reason.of("暂缓"), FINANCE);
        assertThatThrownBy(() -> holds.release(suspend.holdId(), Reason.of("mine"), UNIT))
                .isInstanceOf(ForbiddenException.class);
        assertThat(holds.release(suspend.holdId(), Reason.of("rectified"), HOST).isActive()).isFalse();
    }

    @Test
    void releasingTwiceOrUnknownHoldsFails() {
        Hold hold = holds.place(P1, HoldKind.SUSPEND, Reason.of("暂缓"), FINANCE);
        holds.release(hold.holdId(), Reason.of("done"), FINANCE);

        assertThatThrownBy(() -> holds.release(hold.holdId(), Reason.of("again"), FINANCE))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> holds.release(987654L, Reason.of("?"), FINANCE))
                .isInstanceOf(NotFoundException.class);
        assertThat(audit(hold)).hasSize(2);
    }

    @Test
    void aNewIndexLoadsTheActiveHoldsFromTheDatabase() {
        Hold kept = holds.place(P1, HoldKind.SUSPEND, Reason.of("kept"), FINANCE);
        Hold released = holds.place(HoldTarget.project(REGION, ProCode.of("P2")), HoldKind.STOP, Reason.of("gone"),
                FINANCE);
        holds.release(released.holdId(), Reason.of("done"), FINANCE);

        HoldIndex fresh = new HoldIndex();
        int loaded = new HoldSync(store.holds(), fresh, Clock.systemUTC(), java.time.Duration.ofSeconds(10)).load();

        assertThat(loaded).isEqualTo(1);
        assertThat(fresh.get(HoldTarget.Type.PROJECT, "440100000", "P1")).containsExactly(kept);
        assertThat(fresh.get(HoldTarget.Type.PROJECT, "440100000", "P2")).isEmpty();
    }

    @Test
    void scopeLimitsWhatAnActorSeesAndChanges() {
        Actor district = new Actor("UI", "finance02", java.util.Set.of(Role.FINANCE),
                new io.jixiao.api.model.Scope(java.util.Set.of("440106000"), java.util.Set.of()));
        Hold hold = holds.place(P1, HoldKind.SUSPEND, Reason.of("city hold"), FINANCE);

        assertThatThrownBy(() -> holds.place(P1, HoldKind.STOP, Reason.of("not yours"), district))
                .isInstanceOf(ForbiddenException.class);
        assertThat(holds.find(hold.holdId(), district)).isEmpty();
        assertThat(holds.find(hold.holdId(), FINANCE)).contains(hold);
        assertThatThrownBy(() -> holds.release(hold.holdId(), Reason.of("not yours"), district))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> holds.activeHolds(P1, district)).isInstanceOf(ForbiddenException.class);
        assertThat(holds.activeHolds(P1)).containsExactly(hold);
        assertThat(audit(hold)).hasSize(1);
    }

    private java.util.List<AuditEntry> audit(Hold hold) {
        return store.audit().findBySubject("HOLD", Long.toString(hold.holdId()), 100);
    }
}
