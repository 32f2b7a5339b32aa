package io.jixiao.rectification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Role;
import io.jixiao.api.model.Scope;
import io.jixiao.api.rectification.CaseOpening;
import io.jixiao.api.rectification.CaseStatus;
import io.jixiao.api.rectification.CaseStep;
import io.jixiao.api.rectification.CaseSubject;
import io.jixiao.api.rectification.FeedbackLetter;
import io.jixiao.api.rectification.Problem;
import io.jixiao.api.rectification.RectificationCase;
import io.jixiao.api.rectification.Referral;
import io.jixiao.api.rectification.ReferralGround;
import io.jixiao.api.rectification.Responsible;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldStatus;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.guard.internal.Fixture;
import io.jixiao.guard.internal.HoldIndex;
import io.jixiao.guard.internal.HoldRegistry;
import io.jixiao.rules.RuleReader;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.internal.Repositories;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rectification workflow below the adapters: the real store on H2, the real hold registry, a clock we move. */
class RectificationsTest {
    private static final MofDivCode REGION = Fixture.REGION;
    private static final FiscalYear YEAR = FiscalYear.of(2026);
    private static final Actor FINANCE = Fixture.FINANCE;
    private static final Actor UNIT = new Actor("UNIT-PORTAL", "wang", Set.of(Role.UNIT),
            new Scope(Set.of(), Set.of("101001")));
    private static final Actor OTHER_UNIT = new Actor("UNIT-PORTAL", "zhao", Set.of(Role.UNIT),
            new Scope(Set.of(), Set.of("202002")));
    private static final Actor AUDITOR = Actor.of("AUDIT", "qian", Role.AUDITOR);

    private final MovingClock clock = new MovingClock(Instant.parse("2026-09-01T02:00:00Z"));
    private final Map<String, String> rules = new HashMap<>();
    private Repositories store;
    private HoldRegistry holds;
    private Rectifications cases;

    @BeforeEach
    void setUp() {
        store = Repositories.over(Fixture.sessions());
        holds = new HoldRegistry(store.holds(), new HoldIndex(), clock);
        rules.putAll(Map.of("rectification.deadlineDays.MANUAL", "30", "rectification.strictControl.mode", "ENFORCE",
                "rectification.strictControl.hold", "SUSPEND", "rectification.strictControl.article",
                "长治市 第三十二条"));
        cases = new Rectifications(store.rectification(), store.monitoring(), store.audit(), holds,
                (region, year) -> RuleReader.rectification("test#1", rules), clock);
    }

    private RectificationCase openProjectCase(String problem) {
        return cases.open(new CaseOpening(REGION, YEAR, CaseSubject.PROJECT, AgencyCode.of("101001"),
                ProCode.of("P1"), null, List.of(new Problem(problem, "资金到位率")),
                new Responsible("王五", "wangwu", "020-12345678"), null), FINANCE);
    }

    @Test
    void aCaseGoesOverdueUnderStrictControlWithAHoldAndIsLiftedWhenClosedRectified() {
        RectificationCase opened = openProjectCase("执行率偏低");
        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.deadline()).as("30 days from 1 September, China time").isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(cases.find(opened.id(), UNIT)).isPresent();
        assertThat(cases.find(opened.id(), OTHER_UNIT)).as("another unit's case").isEmpty();
        assertThat(cases.list(REGION, true, 0, 100, UNIT).cases()).extracting(RectificationCase::id)
                .containsExactly(opened.id());
        assertThat(cases.list(REGION, true, 0, 100, OTHER_UNIT).cases()).isEmpty();

        cases.issueLetter(opened.id(), FINANCE);
        RectificationCase measured = cases.submitMeasures(opened.id(), "加快支付进度", UNIT);
        assertThat(measured.status()).isEqualTo(CaseStatus.MEASURES);

        clock.set(Instant.parse("2026-10-02T01:00:00Z")); // 2 October in China: the deadline has passed
        assertThat(cases.markOverdue(REGION, FINANCE)).isEqualTo(1);
        assertThat(cases.markOverdue(REGION, FINANCE)).as("a second pass finds nothing new").isZero();
        RectificationCase overdue = cases.find(opened.id(), FINANCE).orElseThrow();
        assertThat(overdue.status()).isEqualTo(CaseStatus.OVERDUE);
        assertThat(overdue.strictControl()).isTrue();
        assertThat(store.rectification().underStrictControl(REGION, AgencyCode.of("101001")))
                .extracting(RectificationCase::id).containsExactly(opened.id());
        Hold hold = holds.find(overdue.holdId(), FINANCE).orElseThrow();
        assertThat(hold.target()).isEqualTo(HoldTarget.project(REGION, ProCode.of("P1")));
        assertThat(hold.kind()).isEqualTo(HoldKind.SUSPEND);
        assertThat(hold.reason().text()).startsWith("STRICT_CONTROL case " + opened.id()).contains("长治市 第三十二条");

        assertThatThrownBy(() -> cases.close(opened.id(), CaseStatus.RECTIFIED, Reason.of("ok"), FINANCE))
                .as("nothing reported yet").isInstanceOf(ConflictException.class);
        cases.report(opened.id(), "已完成支付，执行率达到 80%", UNIT);
        RectificationCase returned = cases.returnCase(opened.id(), Reason.of("缺少支付凭证"), FINANCE);
        assertThat(returned.status()).isEqualTo(CaseStatus.RETURNED);
        cases.report(opened.id(), "补充支付凭证", UNIT);
        assertThatThrownBy(() -> cases.close(opened.id(), CaseStatus.RECTIFIED, Reason.of("ok"), AUDITOR))
                .as("auditors read, never write").isInstanceOf(ForbiddenException.class);
        RectificationCase closed = cases.close(opened.id(), CaseStatus.RECTIFIED, Reason.of("整改到位，予以销号"),
                FINANCE);

        assertThat(closed.status()).isEqualTo(CaseStatus.RECTIFIED);
        assertThat(closed.strictControl()).isFalse();
        assertThat(store.rectification().underStrictControl(REGION, null)).isEmpty();
        assertThat(holds.find(hold.holdId(), FINANCE).orElseThrow().status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(cases.steps(opened.id(), AUDITOR)).extracting(CaseStep::action).containsExactly("OPENED",
                "LETTER_ISSUED", "MEASURES", "OVERDUE", "REPORTED", "RETURNED", "REPORTED", "RECTIFIED");
        assertThat(audit(opened.id())).extracting(AuditEntry::action).containsExactly("RECTIFICATION_OPENED",
                "RECTIFICATION_LETTER_ISSUED", "RECTIFICATION_MEASURES", "RECTIFICATION_OVERDUE",
                "RECTIFICATION_REPORTED", "RECTIFICATION_RETURNED", "RECTIFICATION_REPORTED",
                "RECTIFICATION_RECTIFIED");
        assertThat(store.chainHeadsThatDisagree()).isEmpty();
    }

    @Test
    void anExtensionMovesTheDeadlineAndAnOverdueCaseReturnsToWhereItStood() {
        RectificationCase c = openProjectCase("指标未完成");
        cases.issueLetter(c.id(), FINANCE);
        assertThatThrownBy(() -> cases.requestExtension(c.id(), LocalDate.of(2026, 9, 20), Reason.of("x"), UNIT))
                .as("before the deadline").isInstanceOf(InvalidInputException.class);
        cases.requestExtension(c.id(), LocalDate.of(2026, 11, 1), Reason.of("项目延期验收"), UNIT);
        assertThatThrownBy(() -> cases.requestExtension(c.id(), LocalDate.of(2026, 11, 2), Reason.of("again"), UNIT))
                .isInstanceOf(ConflictException.class);
        clock.set(Instant.parse("2026-10-05T01:00:00Z"));
        cases.markOverdue(REGION, FINANCE);
        assertThat(cases.find(c.id(), FINANCE).orElseThrow().status()).isEqualTo(CaseStatus.OVERDUE);

        RectificationCase granted = cases.decideExtension(c.id(), true, null, Reason.of("同意延期"), FINANCE);

        assertThat(granted.deadline()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(granted.status()).as("back to where it stood").isEqualTo(CaseStatus.ISSUED);
        assertThat(granted.extensionUntil()).isNull();
        assertThat(granted.strictControl()).as("strict control stays until a case is closed RECTIFIED").isTrue();
        assertThatThrownBy(() -> cases.decideExtension(c.id(), true, null, Reason.of("again"), FINANCE))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void notRectifiedPutsTheProjectUnderStrictControlAndTheLetterEscapesWhatUnitsWrote() throws Exception {
        RectificationCase c = openProjectCase("<script>alert(1)</script> 资金闲置");
        assertThatThrownBy(() -> cases.letter(c.id(), UNIT)).isInstanceOf(ConflictException.class);
        FeedbackLetter letter = cases.issueLetter(c.id(), FINANCE);

        assertThat(letter.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt; 资金闲置", "2026年10月1日",
                "长治市 第三十二条", "default-src 'none'").doesNotContain("<script>");
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(letter.docx()));
                XWPFWordExtractor text = new XWPFWordExtractor(docx)) {
            assertThat(text.getText()).contains(letter.title(), "<script>alert(1)</script> 资金闲置",
                    "请于2026年10月1日前完成整改", "整改责任人：王五");
        }
        assertThat(cases.letter(c.id(), UNIT).html()).isEqualTo(letter.html());
        assertThatThrownBy(() -> cases.issueLetter(c.id(), FINANCE)).as("issued once")
                .isInstanceOf(ConflictException.class);

        RectificationCase closed = cases.close(c.id(), CaseStatus.NOT_RECTIFIED, Reason.of("整改不到位"), FINANCE);
        assertThat(closed.strictControl()).isTrue();
        assertThat(holds.activeHolds(HoldTarget.project(REGION, ProCode.of("P1")), FINANCE)).hasSize(1);
        assertThatThrownBy(() -> cases.report(c.id(), "late", UNIT)).isInstanceOf(ConflictException.class);

        // a new case on the same project, closed RECTIFIED, lifts it
        RectificationCase second = openProjectCase("复查");
        cases.report(second.id(), "已整改", UNIT);
        cases.close(second.id(), CaseStatus.RECTIFIED, Reason.of("销号"), FINANCE);
        assertThat(cases.find(c.id(), FINANCE).orElseThrow().strictControl()).isFalse();
        assertThat(holds.activeHolds(HoldTarget.project(REGION, ProCode.of("P1")), FINANCE)).isEmpty();
    }

    @Test
    void anOverdueCaseIsReferredForAccountabilityWithTheAuditRowsItRestsOnAndUnitsNeverSeeIt() {
        RectificationCase c = openProjectCase("资金闲置");
        assertThatThrownBy(() -> cases.refer(c.id(), ReferralGround.OVERDUE, "区纪委监委", Reason.of("逾期未整改"),
                FINANCE)).as("not overdue (yet)").isInstanceOf(ConflictException.class);
        clock.set(Instant.parse("2026-10-05T01:00:00Z"));
        cases.markOverdue(REGION, FINANCE);

        Referral referral = cases.refer(c.id(), ReferralGround.OVERDUE, "区纪委监委", Reason.of("逾期未整改，线索移送"),
                FINANCE);

        assertThat(referral.caseId()).isEqualTo(c.id());
        assertThat(referral.auditIds()).as("OPENED and OVERDUE").hasSize(2);
        assertThat(store.audit().recordsBySubject("RECTIFICATION_CASE", String.valueOf(c.id()), 10))
                .extracting(r -> r.auditId()).containsExactlyElementsOf(referral.auditIds());
        assertThatThrownBy(() -> cases.refer(c.id(), ReferralGround.OVERDUE, "x", Reason.of("x"), UNIT))
                .isInstanceOf(ForbiddenException.class);
        assertThat(cases.referral(referral.id(), UNIT)).as("units never see it").isEmpty();
        assertThat(cases.referral(referral.id(), AUDITOR)).isPresent();
        assertThatThrownBy(() -> cases.referrals(REGION, UNIT)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> cases.addOutcome(referral.id(), Reason.of("x"), AUDITOR))
                .as("auditors read, never write").isInstanceOf(ForbiddenException.class);

        Referral withOutcome = cases.addOutcome(referral.id(), Reason.of("诫勉谈话"), FINANCE);
        assertThat(withOutcome.outcomes()).extracting(Referral.Outcome::text).containsExactly("诫勉谈话");
        assertThat(cases.referrals(REGION, AUDITOR)).extracting(Referral::id).containsExactly(referral.id());
        assertThat(store.audit().findBySubject("ACCOUNTABILITY_REFERRAL", String.valueOf(referral.id()), 10))
                .extracting(AuditEntry::action).containsExactly("ACCOUNTABILITY_REFERRED", "ACCOUNTABILITY_OUTCOME");

        RectificationCase other = openProjectCase("虚报完成值");
        assertThat(cases.refer(other.id(), ReferralGround.FRAUD, "区审计局", Reason.of("弄虚作假"), FINANCE).ground())
                .as("fraud: any case").isEqualTo(ReferralGround.FRAUD);
        assertThat(store.chainHeadsThatDisagree()).isEmpty();
    }

    @Test
    void rolesAndScopeAreCheckedHere() {
        assertThatThrownBy(() -> openProjectCaseAs(UNIT)).isInstanceOf(ForbiddenException.class);
        RectificationCase c = openProjectCase("问题");
        assertThatThrownBy(() -> cases.report(c.id(), "done", OTHER_UNIT)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> cases.report(c.id(), "done", FINANCE)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> cases.report(c.id(), " ", UNIT)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> cases.issueLetter(c.id(), UNIT)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> cases.markOverdue(REGION, UNIT)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> cases.close(c.id(), CaseStatus.REPORTED, Reason.of("x"), FINANCE))
                .isInstanceOf(InvalidInputException.class);
        assertThat(cases.steps(c.id(), FINANCE)).hasSize(1);
    }

    @Test
    void withoutEnforcementNoHoldIsPlaced() {
        rules.put("rectification.strictControl.mode", "WARN");
        RectificationCase c = openProjectCase("问题");
        clock.set(clock.instant().plus(Duration.ofDays(40)));
        cases.markOverdue(REGION, FINANCE);
        RectificationCase overdue = cases.find(c.id(), FINANCE).orElseThrow();
        assertThat(overdue.strictControl()).isTrue();
        assertThat(overdue.holdId()).isNull();
        assertThat(holds.activeHolds(HoldTarget.project(REGION, ProCode.of("P1")), FINANCE)).isEmpty();
    }

    private void openProjectCaseAs(Actor actor) {
        cases.open(new CaseOpening(REGION, YEAR, CaseSubject.PROJECT, AgencyCode.of("101001"), ProCode.of("P1"), null,
                List.of(new Problem("x", null)), null, null), actor);
    }

    private List<AuditEntry> audit(long caseId) {
        return store.audit().findBySubject("RECTIFICATION_CASE", String.valueOf(caseId), 100);
    }

    /** A clock a test moves. */
    private static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void set(Instant next) {
            now = next;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
