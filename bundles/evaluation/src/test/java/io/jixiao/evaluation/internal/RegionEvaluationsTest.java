package io.jixiao.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.evaluation.AdjustmentStatus;
import io.jixiao.api.evaluation.ApplicationRun;
import io.jixiao.api.evaluation.Grade;
import io.jixiao.api.evaluation.RegionCriterion;
import io.jixiao.api.evaluation.RegionEvaluation;
import io.jixiao.api.evaluation.RegionScorecard;
import io.jixiao.api.evaluation.ResultPolicy;
import io.jixiao.api.evaluation.TaskStatus;
import io.jixiao.api.evaluation.TransferAdjustment;
import io.jixiao.api.goal.RuleSetView;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Role;
import io.jixiao.api.model.Scope;
import io.jixiao.api.model.Violation;
import io.jixiao.api.port.PortUnavailableException;
import io.jixiao.api.port.TransferAllocation;
import io.jixiao.api.port.TransferChange;
import io.jixiao.api.port.TransferPort;
import io.jixiao.api.service.AuditQuery;
import io.jixiao.api.service.AuditRecord;
import io.jixiao.rules.RuleReader;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.Repositories;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A city's finance bureau evaluates its counties' finances and ties the grades to the transfer payments it allocates
 * to them (Tianjin, Changzhi art. 35). The store is real (H2); the host's compilation module is a stand-in that, like a
 * real one, applies a change id once.
 */
class RegionEvaluationsTest {
    private static final MofDivCode CITY = MofDivCode.of("140400000");
    private static final MofDivCode COUNTY_A = MofDivCode.of("140421000");
    private static final MofDivCode COUNTY_B = MofDivCode.of("140423000");
    private static final MofDivCode COUNTY_C = MofDivCode.of("140425000");
    /** configured under the province, not under the city */
    private static final MofDivCode OTHER_CITY = MofDivCode.of("140500000");
    private static final FiscalYear YEAR = FiscalYear.of(2026);
    private static final Actor FINANCE = Actor.of("JIXIAO-UI", "li.finance", Role.FINANCE);
    private static final Actor COUNTY_A_FINANCE = new Actor("JIXIAO-UI", "zhao.county", Set.of(Role.FINANCE),
            new Scope(Set.of(COUNTY_A.value()), Set.of()));
    private static final Actor THIRD_PARTY = Actor.of("JIXIAO-UI", "evaluator01", Role.EVALUATOR);

    /** The host's 2028 transfer payments to the counties, and the change ids it applied. */
    private final Map<MofDivCode, BigDecimal> allocated = new LinkedHashMap<>();
    private final Map<String, BigDecimal> appliedIds = new HashMap<>();
    /** Changes the host applies in the next call before it fails; negative: it does not fail. */
    private int failAfter = -1;
    /** The budget year of each write-back call. */
    private final List<Integer> writtenInto = new java.util.ArrayList<>();
    private final Map<String, String> rules = new HashMap<>(Map.of(
            "result.transfer.action.EXCELLENT", "PRIORITY", "result.transfer.action.GOOD", "KEEP",
            "result.transfer.action.FAIR", "CUT:5", "result.transfer.action.POOR", "CUT:10"));
    private Repositories store;
    private RegionEvaluations service;

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=Oracle;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Database.migrate(ds);
        var sessions = Database.sessions(ds, "");
        store = Repositories.over(sessions);
        Map<MofDivCode, MofDivCode> parents = Map.of(COUNTY_A, CITY, COUNTY_B, CITY, COUNTY_C, CITY,
                OTHER_CITY, MofDivCode.of("140000000"), CITY, MofDivCode.of("140000000"));
        TransferPort host = new TransferPort() {
            @Override
            public Map<MofDivCode, TransferAllocation> allocated(MofDivCode payer, FiscalYear year,
                    Collection<MofDivCode> recipients) {
                assertThat(payer).isEqualTo(CITY);
                assertThat(year.value()).as("the evaluated year + 2").isEqualTo(2028);
                Map<MofDivCode, TransferAllocation> out = new HashMap<>();
                recipients.stream().filter(allocated::containsKey)
                        .forEach(r -> out.put(r, new TransferAllocation(r, allocated.get(r))));
                return out;
            }

            @Override
            public Map<String, TransferOutcome> applyTransfers(MofDivCode payer, FiscalYear year,
                    List<TransferChange> changes) {
                writtenInto.add(year.value());
                Map<String, TransferOutcome> out = new HashMap<>();
                int n = 0;
                for (TransferChange c : changes) {
                    if (failAfter >= 0 && n++ == failAfter) {
                        failAfter = -1;
                        throw new PortUnavailableException("transfer", "connection reset", null);
                    }
                    if (appliedIds.containsKey(c.changeId())) {
                        out.put(c.changeId(), TransferOutcome.DUPLICATE);
                    } else if (!allocated.containsKey(c.recipient())) {
                        out.put(c.changeId(), TransferOutcome.UNKNOWN_RECIPIENT);
                    } else {
                        appliedIds.put(c.changeId(), c.change());
                        allocated.merge(c.recipient(), c.change(), BigDecimal::add);
                        out.put(c.changeId(), TransferOutcome.APPLIED);
                    }
                }
                return out;
            }
        };
        service = new RegionEvaluations(Repositories.over(sessions).regionEvaluation(),
                Repositories.over(sessions).rectification(),
                (region, year) -> new RuleSetView("140400000/2020#2 < national/2019#3", region.value(), 2, rules,
                        Map.of()), r -> Optional.ofNullable(parents.get(r)), () -> host,
                Clock.fixed(Instant.parse("2027-07-20T02:00:00Z"), ZoneOffset.UTC));
    }

    private static RegionCriterion c(String dimension, String name, String points, String score) {
        return new RegionCriterion(dimension, name, new BigDecimal(points), new BigDecimal(score));
    }

    /**
     * A plan of five dimensions, 100 points. Hand-checked:
     * 财政收入 20 = 税收收入占比 10 → 8.5 + 收入预算完成率 10 → 9
     * 财政支出 30 = 民生支出占比 15 → 13.25 + 支出进度 15 → 12
     * 转移支付 20 = 资金下达及时性 20 → 18
     * 债务风险 15 = 债务率 15 → 11.245
     * 预算管理 15 = 绩效管理 15 → 12
     * total 8.5 + 9 + 13.25 + 12 + 18 + 11.245 + 12 = 83.995 → HALF_UP 84.00 → 良 (GOOD).
     */
    private static List<RegionCriterion> plan() {
        return List.of(c("财政收入", "税收收入占比", "10", "8.5"), c("财政收入", "收入预算完成率", "10", "9"),
                c("财政支出", "民生支出占比", "15", "13.25"), c("财政支出", "支出进度", "15", "12"),
                c("转移支付", "资金下达及时性", "20", "18"), c("债务风险", "债务率", "15", "11.245"),
                c("预算管理", "绩效管理", "15", "12"));
    }

    /** A plan worth 100 whose scores add up to the given total: one criterion of 100 points. */
    private static List<RegionCriterion> scored(String total) {
        return List.of(c("财政运行", "综合", "100", total));
    }

    @Test
    void theWorkedPlanScores84AndGood() {
        RegionEvaluation e = service.open(CITY, YEAR, List.of(COUNTY_A), null, LocalDate.of(2027, 9, 30), FINANCE)
                .get(0);
        assertThat(e.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(e.subject()).isEqualTo(COUNTY_A);
        RegionScorecard card = service.submit(e.evaluationId(), plan(), FINANCE);
        assertThat(card.total()).isEqualByComparingTo("84.00");
        assertThat(card.grade()).isEqualTo(Grade.GOOD);
        RegionEvaluation stored = service.evaluation(e.evaluationId(), FINANCE);
        assertThat(stored.status()).isEqualTo(TaskStatus.SUBMITTED);
        assertThat(stored.submittedBy()).isEqualTo("li.finance");
        assertThat(stored.total()).isEqualByComparingTo("84.00");
        RegionScorecard read = service.scorecard(e.evaluationId(), COUNTY_A_FINANCE);
        assertThat(read.criteria()).hasSize(7);
        assertThat(read.criteria().get(5).score()).isEqualByComparingTo("11.245");
        assertThat(read.criteria().get(0).points().toString()).as("never 1E+1").isEqualTo("10");
        assertThatThrownBy(() -> service.submit(e.evaluationId(), plan(), FINANCE))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void gradeBoundariesComeFromTheRoundedTotal() {
        Map<String, Grade> expected = new LinkedHashMap<>();
        expected.put("89.9949", Grade.GOOD); // 89.99
        expected.put("89.995", Grade.EXCELLENT); // 90.00
        expected.put("79.995", Grade.GOOD); // 80.00
        expected.put("60", Grade.FAIR);
        expected.put("59.99", Grade.POOR);
        List<MofDivCode> subjects = List.of(COUNTY_A, COUNTY_B, COUNTY_C);
        for (int year = 2020; year < 2025; year++) {
            FiscalYear y = FiscalYear.of(year);
            service.open(CITY, y, subjects, null, null, FINANCE);
        }
        int year = 2020;
        for (Map.Entry<String, Grade> e : expected.entrySet()) {
            RegionEvaluation open = service.evaluations(CITY, FiscalYear.of(year++), FINANCE).get(0);
            assertThat(service.submit(open.evaluationId(), scored(e.getKey()), FINANCE).grade()).as(e.getKey())
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void aPlanThatDoesNotAddUpTo100OrACriterionScoredAboveItsPointsIsRefusedAndNothingIsStored() {
        RegionEvaluation e = service.open(CITY, YEAR, List.of(COUNTY_A), null, null, FINANCE).get(0);
        assertThatThrownBy(() -> service.submit(e.evaluationId(), List.of(c("财政收入", "税收收入占比", "60", "50"),
                c("财政支出", "支出进度", "30", "20")), FINANCE))
                .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("CRITERIA", "sum")));
        assertThatThrownBy(() -> service.submit(e.evaluationId(), List.of(c("财政收入", "税收收入占比", "60", "50"),
                c("财政支出", "支出进度", "40", "41"), c(" ", "债务率", "0", "0")), FINANCE))
                .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.violations())
                        .extracting(Violation::field).containsExactly("CRITERIA[1].SCORE", "CRITERIA[2].DIMENSION",
                                "CRITERIA[2].POINTS"));
        assertThat(service.evaluation(e.evaluationId(), FINANCE).status()).isEqualTo(TaskStatus.OPEN);
    }

    @Test
    void onlyGovernmentsConfiguredDirectlyUnderTheRegionAreEvaluatedAndOpeningAgainKeepsTheirEvaluation() {
        assertThatThrownBy(() -> service.open(CITY, YEAR, List.of(COUNTY_A, OTHER_CITY, CITY), null, null, FINANCE))
                .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.violations())
                        .extracting(Violation::field).containsExactly("MOF_DIV_CODES[1]", "MOF_DIV_CODES[2]"));
        assertThat(service.evaluations(CITY, YEAR, FINANCE)).isEmpty();
        List<RegionEvaluation> first = service.open(CITY, YEAR, List.of(COUNTY_B, COUNTY_A), "evaluator01", null,
                FINANCE);
        List<RegionEvaluation> again = service.open(CITY, YEAR, List.of(COUNTY_A, COUNTY_C), null, null, FINANCE);
        assertThat(again.get(0)).isEqualTo(first.get(1));
        assertThat(again.get(1).evaluator()).isNull();
        assertThat(service.evaluations(CITY, YEAR, FINANCE)).extracting(RegionEvaluation::subject)
                .containsExactly(COUNTY_A, COUNTY_B, COUNTY_C);
        assertThat(store.audit().search(new AuditQuery(CITY, null, null, null, null, null, 0, 100), Set.of()).entries())
                .filteredOn(r -> r.action().equals("REGION_EVALUATION_OPENED")).hasSize(3);
        assertThatThrownBy(() -> service.open(CITY, YEAR, List.of(COUNTY_A), null, LocalDate.of(2026, 12, 31),
                FINANCE)).isInstanceOf(InvalidInputException.class).hasMessageContaining("DUE");
    }

    @Test
    void theAssignedEvaluatorAloneScoresAndEachGovernmentSeesOnlyItsOwnEvaluation() {
        List<RegionEvaluation> opened = service.open(CITY, YEAR, List.of(COUNTY_A, COUNTY_B), "evaluator01", null,
                FINANCE);
        long a = opened.get(0).evaluationId();
        long b = opened.get(1).evaluationId();
        assertThatThrownBy(() -> service.open(CITY, YEAR, List.of(COUNTY_C), null, null, COUNTY_A_FINANCE))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.submit(a, plan(), FINANCE)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("evaluator01");
        assertThatThrownBy(() -> service.submit(a, plan(), COUNTY_A_FINANCE)).isInstanceOf(ForbiddenException.class);
        assertThat(service.evaluations(CITY, YEAR, THIRD_PARTY)).hasSize(2);
        assertThat(service.submit(a, plan(), THIRD_PARTY).grade()).isEqualTo(Grade.GOOD);
        assertThat(service.evaluations(CITY, YEAR, COUNTY_A_FINANCE)).extracting(RegionEvaluation::subject)
                .containsExactly(COUNTY_A);
        assertThatThrownBy(() -> service.evaluation(b, COUNTY_A_FINANCE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.evaluation(a, Actor.of("JIXIAO-UI", "wang.unit", Role.UNIT)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.applyResults(CITY, YEAR, COUNTY_A_FINANCE))
                .isInstanceOf(ForbiddenException.class);
    }

    /** Counties A 92 (优), B 71.5 (中), C 55 (差) scored; 2028 allocates A 80,000,000.00, B 50,000,000.00, C nothing. */
    private List<RegionEvaluation> threeCountiesGraded() {
        allocated.put(COUNTY_A, new BigDecimal("80000000.00"));
        allocated.put(COUNTY_B, new BigDecimal("50000000.00"));
        List<RegionEvaluation> opened = service.open(CITY, YEAR, List.of(COUNTY_A, COUNTY_B, COUNTY_C), null, null,
                FINANCE);
        service.submit(opened.get(0).evaluationId(), scored("92"), FINANCE);
        service.submit(opened.get(1).evaluationId(), scored("71.5"), FINANCE);
        service.submit(opened.get(2).evaluationId(), scored("55"), FINANCE);
        return opened;
    }

    /**
     * County A 优 (PRIORITY), B 中 (CUT:5), C 差 (CUT:10) but allocated nothing in 2028:
     * A 80,000,000.00 unchanged; B 50,000,000.00 − 5 % = −2,500,000.00; C not in the draft.
     */
    @Test
    void gradesChangeTheTransferPaymentsOfTheTargetYearOnceEach() {
        List<RegionEvaluation> opened = threeCountiesGraded();
        ApplicationRun run = service.applyResults(CITY, YEAR, FINANCE);
        assertThat(run.targetYear()).isEqualTo(2028);
        assertThat(run.recorded()).isEqualTo(3);
        assertThat(run.applied()).isEqualTo(2);
        assertThat(run.notInDraft()).isEqualTo(1);
        assertThat(run.pending()).isZero();
        assertThat(run.change()).isEqualByComparingTo("-2500000.00");
        assertThat(allocated.get(COUNTY_A)).isEqualByComparingTo("80000000.00");
        assertThat(allocated.get(COUNTY_B)).isEqualByComparingTo("47500000.00");
        List<TransferAdjustment> adjustments = service.adjustments(CITY, YEAR, FINANCE);
        assertThat(adjustments).extracting(TransferAdjustment::status).containsExactly(AdjustmentStatus.APPLIED,
                AdjustmentStatus.APPLIED, AdjustmentStatus.NOT_IN_DRAFT);
        assertThat(adjustments.get(1).action()).isEqualTo(ResultPolicy.Kind.CUT);
        assertThat(adjustments.get(1).policy()).isEqualTo("result.transfer.action.FAIR=CUT:5 @ 140400000/2020#2 < "
                + "national/2019#3");
        assertThat(adjustments.get(1).changeId()).isEqualTo("JX-CE-" + opened.get(1).evaluationId());
        assertThat(service.adjustments(CITY, YEAR, COUNTY_A_FINANCE)).extracting(TransferAdjustment::recipient)
                .containsExactly(COUNTY_A);
        List<AuditRecord> cuts = store.audit().search(new AuditQuery(CITY, null, null, null, null, null, 0, 100),
                Set.of())
                .entries().stream().filter(r -> r.action().equals("TRANSFER_CUT")).toList();
        assertThat(cuts).singleElement().satisfies(r -> {
            assertThat(r.operator()).isEqualTo("li.finance");
            assertThat(r.subjectId()).isEqualTo(String.valueOf(opened.get(1).evaluationId()));
            assertThat(r.reason()).contains("71.50 分 (中)", "140423000", "result.transfer.action.FAIR=CUT:5");
            assertThat(r.detail()).contains("allocated=50000000.00", "change=-2500000.00");
        });
        ApplicationRun again = service.applyResults(CITY, YEAR, FINANCE);
        assertThat(again.recorded()).isZero();
        assertThat(again.applied()).isZero();
        assertThat(allocated.get(COUNTY_B)).isEqualByComparingTo("47500000.00");
    }

    /**
     * The same three counties (优, 中, 差; C allocated nothing): the region's rows cut B by 5 % (−2,500,000.00); proposed
     * 良-and-better untouched but 中 CUT:8 → B −4,000,000.00; nothing recorded, nothing written to the host.
     */
    @Test
    void whatIfShowsTheEffectOfTheRegionsOrProposedRowsAndWritesNothing() {
        List<RegionEvaluation> opened = threeCountiesGraded();
        var own = service.whatIf(CITY, YEAR, Map.of(), FINANCE);
        assertThat(own.targetYear()).isEqualTo(2028);
        assertThat(own.allocated()).isEqualByComparingTo("130000000.00");
        assertThat(own.change()).isEqualByComparingTo("-2500000.00");
        assertThat(own.result()).isEqualByComparingTo("127500000.00");
        assertThat(own.cut()).isEqualTo(1);
        assertThat(own.recipients()).extracting(TransferAdjustment::status).containsExactly(AdjustmentStatus.PENDING,
                AdjustmentStatus.PENDING, AdjustmentStatus.NOT_IN_DRAFT);
        var proposed = service.whatIf(CITY, YEAR, Map.of("result.transfer.action.FAIR", "CUT:8"),
                Actor.of("JIXIAO-UI", "sun.audit", Role.AUDITOR));
        assertThat(proposed.policyVersion()).startsWith("proposed < ");
        assertThat(proposed.change()).isEqualByComparingTo("-4000000.00");
        assertThat(appliedIds).as("nothing written to the host").isEmpty();
        assertThat(service.adjustments(CITY, YEAR, FINANCE)).as("nothing recorded").isEmpty();
        assertThatThrownBy(() -> service.whatIf(CITY, YEAR, Map.of("evaluation.grades", "90,80,60"), FINANCE))
                .isInstanceOfSatisfying(InvalidInputException.class, x -> assertThat(x.violations().get(0).field())
                        .isEqualTo("POLICY.evaluation.grades"));
        assertThatThrownBy(() -> service.whatIf(CITY, YEAR, Map.of(), COUNTY_A_FINANCE))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aHostFailingMidBatchNeitherSkipsNorDoublesAChange() {
        allocated.put(COUNTY_A, new BigDecimal("10000000.00"));
        allocated.put(COUNTY_B, new BigDecimal("20000000.00"));
        allocated.put(COUNTY_C, new BigDecimal("30000000.00"));
        List<RegionEvaluation> opened = service.open(CITY, YEAR, List.of(COUNTY_A, COUNTY_B, COUNTY_C), null, null,
                FINANCE);
        for (RegionEvaluation e : opened) {
            service.submit(e.evaluationId(), scored("50"), FINANCE); // 差: CUT:10
        }
        failAfter = 1; // the host applies county A's change, then the connection breaks
        assertThatThrownBy(() -> service.applyResults(CITY, YEAR, FINANCE))
                .isInstanceOf(PortUnavailableException.class);
        assertThat(service.adjustments(CITY, YEAR, FINANCE)).extracting(TransferAdjustment::status)
                .containsOnly(AdjustmentStatus.PENDING);
        ApplicationRun retry = service.applyResults(CITY, YEAR, FINANCE);
        assertThat(retry.recorded()).isZero();
        assertThat(retry.applied()).isEqualTo(3); // A answered DUPLICATE: acknowledged, not applied twice
        assertThat(allocated).containsEntry(COUNTY_A, new BigDecimal("9000000.00"))
                .containsEntry(COUNTY_B, new BigDecimal("18000000.00"))
                .containsEntry(COUNTY_C, new BigDecimal("27000000.00"));
        assertThat(appliedIds).hasSize(3);
    }

    @Test
    void whatAnInterruptedRunLeftIsSentIntoTheYearItWasMadeForEvenIfTheOffsetChangedSince() {
        allocated.put(COUNTY_A, new BigDecimal("10000000.00"));
        RegionEvaluation e = service.open(CITY, YEAR, List.of(COUNTY_A), null, null, FINANCE).get(0);
        service.submit(e.evaluationId(), scored("50"), FINANCE);
        failAfter = 0;
        assertThatThrownBy(() -> service.applyResults(CITY, YEAR, FINANCE))
                .isInstanceOf(PortUnavailableException.class);
        rules.put("result.targetYearOffset", "3");
        ApplicationRun retry = service.applyResults(CITY, YEAR, FINANCE);
        assertThat(retry.applied()).isEqualTo(1);
        assertThat(writtenInto).containsExactly(2028, 2028);
        assertThat(allocated.get(COUNTY_A)).isEqualByComparingTo("9000000.00");
    }

    @Test
    void aHostSystemNamingTheEvaluatorOrAnAgencyLimitedAccountGetsNowhere() {
        RegionEvaluation e = service.open(CITY, YEAR, List.of(COUNTY_A), "evaluator01", null, FINANCE).get(0);
        Actor countySystem = new Actor("COUNTY-BUDGET", "evaluator01", Set.of(Role.HOST_SYSTEM, Role.FINANCE),
                new Scope(Set.of(COUNTY_A.value()), Set.of()));
        assertThatThrownBy(() -> service.submit(e.evaluationId(), plan(), countySystem))
                .isInstanceOf(ForbiddenException.class);
        Actor agencyOnly = new Actor("JIXIAO-UI", "qian.finance", Set.of(Role.FINANCE),
                new Scope(Set.of(), Set.of("101001")));
        assertThatThrownBy(() -> service.evaluation(e.evaluationId(), agencyOnly))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.evaluations(CITY, YEAR, agencyOnly)).isInstanceOf(ForbiddenException.class);
        assertThat(service.evaluation(e.evaluationId(), FINANCE).status()).isEqualTo(TaskStatus.OPEN);
    }

    @Test
    void aTransferPolicyCannotCancelALowerGovernmentsTransfersNorCutByMoreThanTwoDecimals() {
        rules.put("result.transfer.action.POOR", "CANCEL");
        assertThatThrownBy(() -> RuleReader.resultPolicy("v", rules)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("result.transfer.action.POOR cannot CANCEL");
        rules.put("result.transfer.action.POOR", "CUT:12.345");
        assertThatThrownBy(() -> RuleReader.resultPolicy("v", rules)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 2 decimals");
    }
}
