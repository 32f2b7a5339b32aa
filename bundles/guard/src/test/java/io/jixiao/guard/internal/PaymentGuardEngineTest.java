package io.jixiao.guard.internal;

import static io.jixiao.guard.internal.Fixture.FINANCE;
import static io.jixiao.guard.internal.Fixture.HOST;
import static io.jixiao.guard.internal.Fixture.REGION;
import static io.jixiao.guard.internal.Fixture.payment;
import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.hook.PaymentApplication;
import io.jixiao.api.hook.PaymentDecision;
import io.jixiao.api.hook.PaymentDecision.Outcome;
import io.jixiao.api.hook.PaymentDecision.ReasonCode;
import io.jixiao.api.model.BgtId;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.DecisionRecord;
import io.jixiao.store.internal.Repositories;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentGuardEngineTest {
    private Repositories store;
    private HoldRegistry holds;
    private DecisionJournal journal;
    private PaymentGuardEngine guard;

    @BeforeEach
    void setUp() {
        store = Fixture.store();
        HoldIndex index = new HoldIndex();
        holds = new HoldRegistry(store.holds(), index, Clock.systemUTC());
        journal = new DecisionJournal(store.decisions(), Fixture.spool(), 100, Duration.ofMillis(20),
                Duration.ofSeconds(5));
        guard = new PaymentGuardEngine(index, store.decisions(), journal, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        journal.close();
    }

    @Test
    void projectPaymentWithoutHoldPasses() {
        assertThat(guard.check(payment(2026, "PA-1", "P1", "B1", ExpenditureKind.PROJECT), HOST))
                .isEqualTo(PaymentDecision.pass(ReasonCode.NO_ACTIVE_HOLD));
    }

    @Test
    void projectHoldStopsProjectPaymentsUntilReleased() {
        Hold hold = holds.place(project("P1"), HoldKind.SUSPEND, Reason.of("执行率严重偏离"), FINANCE);
        PaymentApplication app = payment(2026, "PA-1", "P1", "B1", ExpenditureKind.PROJECT);

        PaymentDecision held = guard.check(app, HOST);
        assertThat(held).isEqualTo(new PaymentDecision(Outcome.HOLD, ReasonCode.PROJECT_HELD, hold.holdId(),
                HoldKind.SUSPEND, "执行率严重偏离"));
        assertThat(guard.check(app, HOST)).as("a retried check gets the same answer").isEqualTo(held);

        holds.release(hold.holdId(), Reason.of("整改完成"), FINANCE);
        assertThat(guard.check(app, HOST).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void basicExpenditureIsNeverHeld() {
        holds.place(project("P1"), HoldKind.STOP, Reason.of("停止拨款"), FINANCE);
        holds.place(HoldTarget.budgetLine(REGION, BgtId.of("B1")), HoldKind.STOP, Reason.of("停止拨款"), FINANCE);

        assertThat(guard.check(payment(2026, "PA-9", "P1", "B1", ExpenditureKind.BASIC), HOST))
                .isEqualTo(PaymentDecision.pass(ReasonCode.BASIC_EXPENDITURE));
    }

    @Test
    void projectHoldCoversEveryFiscalYearOfItsFunds() {
        holds.place(project("P1"), HoldKind.SUSPEND, Reason.of("偏离"), FINANCE);

        assertThat(guard.check(payment(2025, "CARRY-1", "P1", "B-2025", ExpenditureKind.PROJECT), HOST).outcome())
                .isEqualTo(Outcome.HOLD);
    }

    @Test
    void budgetLineHoldCoversOnlyThatLine() {
        Hold hold = holds.place(HoldTarget.budgetLine(REGION, BgtId.of("B1")), HoldKind.SUSPEND, Reason.of("偏离"),
                FINANCE);

        PaymentDecision onLine = guard.check(payment(2026, "PA-1", "P1", "B1", ExpenditureKind.PROJECT), HOST);
        assertThat(onLine.reasonCode()).isEqualTo(ReasonCode.BUDGET_LINE_HELD);
        assertThat(onLine.holdId()).isEqualTo(hold.holdId());
        assertThat(guard.check(payment(2026, "PA-2", "P1", "B2", ExpenditureKind.PROJECT), HOST).passes()).isTrue();
    }

    @Test
    void holdsBelongToTheirRegion() {
        holds.place(project("P1"), HoldKind.STOP, Reason.of("停止"), FINANCE);
        PaymentApplication elsewhere = new PaymentApplication(MofDivCode.of("440106000"),
                io.jixiao.api.model.FiscalYear.of(2026), io.jixiao.api.model.PayAppNo.of("PA-X"),
                io.jixiao.api.model.AgencyCode.of("101001"), ProCode.of("P1"), BgtId.of("B1"),
                io.jixiao.api.model.Money.positive("PAY_APP_AMT", java.math.BigDecimal.ONE), ExpenditureKind.PROJECT);

        assertThat(guard.check(elsewhere, HOST).passes()).isTrue();
    }

    @Test
    void stopOutranksSuspendAndTheChoiceIsStable() {
        holds.place(project("P1"), HoldKind.SUSPEND, Reason.of("first"), FINANCE);
        Hold stop = holds.place(HoldTarget.budgetLine(REGION, BgtId.of("B1")), HoldKind.STOP, Reason.of("stop"),
                FINANCE);
        holds.place(project("P1"), HoldKind.STOP, Reason.of("later stop"), FINANCE);
        PaymentApplication app = payment(2026, "PA-1", "P1", "B1", ExpenditureKind.PROJECT);

        PaymentDecision decision = guard.check(app, HOST);
        assertThat(decision.holdKind()).isEqualTo(HoldKind.STOP);
        assertThat(decision.holdId()).isEqualTo(stop.holdId());
        assertThat(guard.check(app, HOST)).isEqualTo(decision);
    }

    @Test
    void heldDecisionIsRecordedWithItsAuditRowBeforeTheAnswer() {
        Hold hold = holds.place(project("P1"), HoldKind.SUSPEND, Reason.of("偏离"), FINANCE);
        PaymentApplication app = payment(2026, "PA-7", "P1", "B1", ExpenditureKind.PROJECT);

        guard.check(app, HOST);

        List<DecisionRecord> recorded = store.decisions().findByApplication(app.mofDivCode(), app.fiscalYear(),
                app.payAppNo());
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.decision().holdId()).isEqualTo(hold.holdId());
            assertThat(r.actor()).isEqualTo(HOST);
        });
        assertThat(store.audit().findBySubject("PAY_APP", PaymentGuardEngine.subjectId(app), 10)).singleElement()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo("PAYMENT_HELD");
                    assertThat(e.actor().operator()).isEqualTo("zhang");
                    assertThat(e.reason()).isEqualTo("偏离");
                    assertThat(e.detail()).contains("holdId=" + hold.holdId());
                });
    }

    @Test
    void passDecisionsBecomeDurableWithinTheFlushInterval() throws InterruptedException {
        PaymentApplication app = payment(2026, "PA-8", "P1", "B1", ExpenditureKind.PROJECT);
        for (int i = 0; i < 50; i++) {
            guard.check(app, HOST);
        }
        long deadline = System.currentTimeMillis() + 5_000;
        while (store.decisions().findByApplication(app.mofDivCode(), app.fiscalYear(), app.payAppNo()).size() < 50
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(store.decisions().findByApplication(app.mofDivCode(), app.fiscalYear(), app.payAppNo()))
                .hasSize(50).allSatisfy(r -> assertThat(r.decision().passes()).isTrue());
        assertThat(store.audit().findBySubject("PAY_APP", PaymentGuardEngine.subjectId(app), 10))
                .as("PASS is recorded but not audited as a blocking decision").isEmpty();
    }

    @Test
    void checksOutsideTheCallersScopeAreRefusedAndNotRecorded() {
        io.jixiao.api.model.Actor district = new io.jixiao.api.model.Actor("PAY", "teller", java.util.Set.of(
                io.jixiao.api.model.Role.HOST_SYSTEM), new io.jixiao.api.model.Scope(java.util.Set.of("440100000"),
                java.util.Set.of("606001")));
        PaymentApplication app = payment(2026, "PA-S", "P1", "B1", ExpenditureKind.PROJECT);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> guard.check(app, district))
                .isInstanceOf(io.jixiao.api.model.ForbiddenException.class);
        assertThat(store.decisions().findByApplication(app.mofDivCode(), app.fiscalYear(), app.payAppNo())).isEmpty();
    }

    private static HoldTarget project(String code) {
        return HoldTarget.project(REGION, ProCode.of(code));
    }
}
