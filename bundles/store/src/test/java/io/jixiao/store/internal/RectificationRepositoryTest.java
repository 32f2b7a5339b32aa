package io.jixiao.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import io.jixiao.api.rectification.CaseOrigin;
import io.jixiao.api.rectification.CaseStatus;
import io.jixiao.api.rectification.CaseStep;
import io.jixiao.api.rectification.CaseSubject;
import io.jixiao.api.rectification.Problem;
import io.jixiao.api.rectification.RectificationCase;
import io.jixiao.api.rectification.Responsible;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.RectificationRepository;
import io.jixiao.store.RectificationRepository.Change;
import io.jixiao.store.RectificationRepository.StoredCase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rectification statement on every dialect: H2, the oracle statements on H2, and PostgreSQL when set. */
class RectificationRepositoryTest extends EveryDialect {
    private static final MofDivCode REGION = MofDivCode.of("440100000");
    private static final Actor FINANCE = Actor.of("JIXIAO-UI", "li.finance", Role.FINANCE);
    private static final Instant AT = Instant.parse("2026-09-01T02:00:00Z");

    private static RectificationRepository.Opening opening(RectificationRepository cases, CaseOrigin origin,
            String originId, String agency, String project, LocalDate deadline) {
        long id = cases.nextCaseId();
        RectificationCase c = new RectificationCase(id, origin, originId, REGION, FiscalYear.of(2026),
                CaseSubject.PROJECT, AgencyCode.of(agency), ProCode.of(project), "101", null, Role.FINANCE,
                List.of(new Problem("执行率偏低", "资金到位率"), new Problem("未按时报送", null)),
                new Responsible("王五", "wangwu", null), deadline, CaseStatus.OPEN, null, null, null, null,
                "JIXIAO-UI/li", AT, null, "440100000/2020#1");
        return new RectificationRepository.Opening(c, new CaseStep(id, 1, "OPENED", CaseStatus.OPEN, "JIXIAO-UI/li",
                AT, null, deadline), new AuditEntry(AT, "RECTIFICATION_OPENED", REGION, "RECTIFICATION_CASE",
                        String.valueOf(id), FINANCE, "test", ""));
    }

    private static Change change(StoredCase s, RectificationCase next, String action) {
        return new Change(s, next, new CaseStep(next.id(), s.steps() + 1, action, next.status(), "JIXIAO-UI/li", AT,
                action, next.deadline()), new AuditEntry(AT, "RECTIFICATION_" + action, REGION, "RECTIFICATION_CASE",
                        String.valueOf(next.id()), FINANCE, "test", ""));
    }

    private static RectificationCase strict(RectificationCase c, CaseStatus status, Instant since, Instant lifted) {
        return new RectificationCase(c.id(), c.origin(), c.originId(), c.mofDivCode(), c.fiscalYear(), c.subject(),
                c.agencyCode(), c.proCode(), c.deptCode(), c.subjectDivCode(), c.organiser(), c.problems(),
                c.responsible(), c.deadline(), status, null, since, lifted, c.holdId(), c.openedBy(), c.openedAt(),
                status.closed() ? AT : null, c.ruleVersion());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void casesAreOpenedOncePerOriginAndReadBackWithTheirProblems(TestDatabase db) {
        RectificationRepository cases = store(db).rectification();
        String alert = UUID.randomUUID().toString().substring(0, 8);
        RectificationRepository.Opening first = opening(cases, CaseOrigin.ALERT, alert, "101001", "P-" + alert,
                LocalDate.of(2026, 10, 1));
        assertThat(cases.open(List.of(first))).hasSize(1);
        assertThat(cases.open(List.of(opening(cases, CaseOrigin.ALERT, alert, "101001", "P-" + alert,
                LocalDate.of(2026, 10, 1))))).as("one case per alert").isEmpty();

        StoredCase read = cases.byOrigin(CaseOrigin.ALERT, alert).orElseThrow();
        assertThat(read.steps()).isEqualTo(1);
        assertThat(read.value().problems()).containsExactly(new Problem("执行率偏低", "资金到位率"),
                new Problem("未按时报送", null));
        assertThat(read.value().responsible()).isEqualTo(new Responsible("王五", "wangwu", null));
        assertThat(read.value()).isEqualTo(first.value());
        assertThat(cases.steps(read.value().id())).singleElement().satisfies(s -> {
            assertThat(s.action()).isEqualTo("OPENED");
            assertThat(s.at()).isEqualTo(AT);
        });
        assertThat(cases.page(REGION, Set.of("101001"), true, read.value().id() - 1, 10))
                .extracting(RectificationCase::id).contains(read.value().id());
        assertThat(cases.page(REGION, Set.of("909090"), false, 0, 10)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aChangeExpectsTheStepsItReadAndAClosedRectifiedCaseLiftsItsSubject(TestDatabase db) {
        RectificationRepository cases = store(db).rectification();
        String project = "P-" + UUID.randomUUID().toString().substring(0, 8);
        RectificationRepository.Opening overdue = opening(cases, CaseOrigin.MANUAL, null, "101002", project,
                LocalDate.of(2026, 8, 1));
        RectificationRepository.Opening current = opening(cases, CaseOrigin.MANUAL, null, "101002", project,
                LocalDate.of(2026, 12, 1));
        cases.open(List.of(overdue, current));

        List<StoredCase> due = cases.due(REGION, LocalDate.of(2026, 9, 1), 10_000);
        assertThat(due).extracting(s -> s.value().id()).contains(overdue.value().id())
                .doesNotContain(current.value().id());
        StoredCase s = cases.find(overdue.value().id()).orElseThrow();
        Change toOverdue = change(s, strict(s.value(), CaseStatus.OVERDUE, AT, null), "OVERDUE");
        assertThat(cases.changeAll(List.of(toOverdue, toOverdue))).as("the second expects a step count gone")
                .hasSize(1);
        assertThat(cases.change(toOverdue, false)).as("a stale change").isEmpty();
        assertThat(cases.underStrictControl(REGION, AgencyCode.of("101002"))).extracting(RectificationCase::id)
                .containsExactly(overdue.value().id());
        cases.linkHold(overdue.value().id(), 4242L);

        StoredCase other = cases.find(current.value().id()).orElseThrow();
        RectificationCase rectified = strict(other.value(), CaseStatus.RECTIFIED, null, null);
        List<RectificationCase> lifted = cases.change(change(other, rectified, "RECTIFIED"), true).orElseThrow();
        assertThat(lifted).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(overdue.value().id());
            assertThat(c.holdId()).isEqualTo(4242L);
            assertThat(c.strictLiftedAt()).isEqualTo(AT);
        });
        assertThat(cases.underStrictControl(REGION, AgencyCode.of("101002"))).isEmpty();
        assertThat(cases.steps(overdue.value().id())).extracting(CaseStep::action).containsExactly("OPENED", "OVERDUE");
        assertThat(cases.find(current.value().id()).orElseThrow().value().closedAt()).isEqualTo(AT);
        assertThat(store(db).chainHeadsThatDisagree()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aReferralKeepsTheAuditRowsItRestsOnAndItsOutcomesInOrder(TestDatabase db) {
        RectificationRepository cases = store(db).rectification();
        RectificationRepository.Opening o = opening(cases, CaseOrigin.MANUAL, null, "101003", "P-REF-" + db.name(),
                LocalDate.of(2026, 10, 1));
        cases.open(List.of(o));
        AuditEntry audit = new AuditEntry(AT, "ACCOUNTABILITY_REFERRED", REGION, "ACCOUNTABILITY_REFERRAL", "0",
                FINANCE, "test", "");
        io.jixiao.api.rectification.Referral none = cases.refer(new io.jixiao.api.rectification.Referral(0,
                o.value().id(), REGION, io.jixiao.api.rectification.ReferralGround.FRAUD, "区纪委监委", "弄虚作假",
                List.of(), "JIXIAO-UI/li", AT, List.of()), audit);
        assertThat(none.auditIds()).as("none (Oracle keeps an empty text as NULL)").isEmpty();
        io.jixiao.api.rectification.Referral r = cases.refer(new io.jixiao.api.rectification.Referral(0,
                o.value().id(), REGION, io.jixiao.api.rectification.ReferralGround.FRAUD, "区纪委监委", "弄虚作假",
                List.of(7L, 9L), "JIXIAO-UI/li", AT, List.of()), audit);
        assertThat(r.auditIds()).containsExactly(7L, 9L);
        io.jixiao.api.rectification.Referral.Outcome first = new io.jixiao.api.rectification.Referral.Outcome(1,
                "诫勉谈话", "JIXIAO-UI/li", AT);
        assertThat(cases.addOutcome(r.id(), first, audit)).isTrue();
        assertThat(cases.addOutcome(r.id(), first, audit)).as("number 1 is taken").isFalse();
        assertThat(cases.referral(r.id()).orElseThrow().outcomes()).containsExactly(first);
        assertThat(cases.referrals(REGION)).extracting(io.jixiao.api.rectification.Referral::id).contains(none.id(),
                r.id());
        assertThat(store(db).chainHeadsThatDisagree()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void manyIdsComeInOneRoundTripAndAreNeverReused(TestDatabase db) {
        RectificationRepository cases = store(db).rectification();
        List<Long> ids = cases.nextCaseIds(500);
        assertThat(ids).hasSize(500).doesNotHaveDuplicates();
        assertThat(cases.nextCaseId()).isNotIn(ids);
    }
}
