package io.jixiao.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.evaluation.AdjustmentStatus;
import io.jixiao.api.evaluation.Grade;
import io.jixiao.api.evaluation.RegionCriterion;
import io.jixiao.api.evaluation.RegionEvaluation;
import io.jixiao.api.evaluation.RegionScorecard;
import io.jixiao.api.evaluation.ResultPolicy;
import io.jixiao.api.evaluation.TaskStatus;
import io.jixiao.api.evaluation.TransferAdjustment;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Role;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.RegionEvaluationRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Comprehensive evaluations of lower governments and their transfer adjustments, on every SQL dialect. */
class RegionEvaluationRepositoryTest extends EveryDialect {
    private static final Actor FINANCE = Actor.of("JIXIAO-UI", "li.finance", Role.FINANCE);
    private static final FiscalYear YEAR = FiscalYear.of(2026);

    private RegionEvaluationRepository repo(TestDatabase db) {
        return new MyBatisRegionEvaluation(Database.sessions(db.dataSource(), db.databaseId()));
    }

    /** A region of its own per test and dialect, so that tests do not see each other's evaluations. */
    private static MofDivCode region() {
        return MofDivCode.of("7" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000));
    }

    private static RegionEvaluation open(MofDivCode region, String subject) {
        return new RegionEvaluation(0, region, YEAR, MofDivCode.of(subject), TaskStatus.OPEN, "li.finance",
                Instant.now().truncatedTo(ChronoUnit.MILLIS), LocalDate.of(2027, 9, 30), null, null, null, null, null,
                null);
    }

    private static AuditEntry audit(RegionEvaluation e) {
        return new AuditEntry(e.openedAt(), "REGION_EVALUATION_OPENED", e.mofDivCode(), "REGION_EVALUATION",
                String.valueOf(e.evaluationId()), FINANCE, "opened", "subject=" + e.subject());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void evaluationsOpenOncePerGovernmentAndKeepTheirScores(TestDatabase db) {
        RegionEvaluationRepository repo = repo(db);
        MofDivCode region = region();
        List<RegionEvaluation> stored = repo.open(List.of(open(region, "140423000"), open(region, "140421000")),
                RegionEvaluationRepositoryTest::audit);
        assertThat(stored).extracting(RegionEvaluation::evaluationId).doesNotContain(0L).doesNotHaveDuplicates();
        assertThat(repo.find(stored.get(0).evaluationId())).contains(stored.get(0));
        assertThat(repo.evaluations(region, YEAR, null, null)).extracting(e -> e.subject().value())
                .containsExactly("140421000", "140423000");
        assertThatThrownBy(() -> repo.open(List.of(open(region, "140425000"), open(region, "140421000")),
                RegionEvaluationRepositoryTest::audit)).isInstanceOf(ConflictException.class);
        assertThat(repo.evaluations(region, YEAR, null, null)).as("all or none").hasSize(2);

        RegionScorecard card = new RegionScorecard("v1", List.of(
                new RegionCriterion("财政收入", "税收收入占比", new BigDecimal("40"), new BigDecimal("35.5")),
                new RegionCriterion("债务风险", "债务率", new BigDecimal("60"), new BigDecimal("50.2345"))),
                new BigDecimal("85.73"), Grade.GOOD);
        RegionEvaluation first = stored.get(1);
        RegionEvaluation submitted = first.submitted("evaluator01", Instant.now().truncatedTo(ChronoUnit.MILLIS), card);
        AuditEntry entry = new AuditEntry(submitted.submittedAt(), "REGION_EVALUATION_SUBMITTED", region,
                "REGION_EVALUATION", String.valueOf(first.evaluationId()), FINANCE, "scored", "");
        assertThat(repo.scorecard(first.evaluationId())).isEmpty();
        assertThat(repo.submit(submitted, card, entry)).isTrue();
        assertThat(repo.submit(submitted, card, entry)).as("no longer open").isFalse();
        assertThat(repo.find(first.evaluationId())).contains(submitted);
        assertThat(repo.scorecard(first.evaluationId())).hasValueSatisfying(c -> {
            assertThat(c.total()).isEqualByComparingTo("85.73");
            assertThat(c.criteria()).extracting(RegionCriterion::score)
                    .containsExactly(new BigDecimal("35.5"), new BigDecimal("50.2345"));
            assertThat(c.criteria().get(1).dimension()).isEqualTo("债务风险");
        });
        assertThat(repo.evaluations(region, YEAR, null, TaskStatus.SUBMITTED)).containsExactly(submitted);
        assertThat(repo.unapplied(region, YEAR)).containsExactly(submitted);

        TransferAdjustment adjustment = new TransferAdjustment(first.evaluationId(), region, YEAR, FiscalYear.of(2028),
                first.subject(), Grade.GOOD, new BigDecimal("85.73"), ResultPolicy.Kind.CUT, new BigDecimal("5"),
                new BigDecimal("1000000.00"), new BigDecimal("-50000.00"), "result.transfer.action.GOOD=CUT:5 @ v1",
                AdjustmentStatus.PENDING, "li.finance", Instant.now().truncatedTo(ChronoUnit.MILLIS), null);
        repo.insertAdjustments(List.of(adjustment), a -> new AuditEntry(a.createdAt(), "TRANSFER_CUT", region,
                "REGION_EVALUATION", String.valueOf(a.evaluationId()), FINANCE, "cut", ""));
        assertThat(repo.unapplied(region, YEAR)).isEmpty();
        assertThatThrownBy(() -> repo.insertAdjustments(List.of(adjustment), a -> new AuditEntry(a.createdAt(),
                "TRANSFER_CUT", region, "REGION_EVALUATION", String.valueOf(a.evaluationId()), FINANCE, "cut", "")))
                .as("an evaluation is applied once");
        assertThat(repo.adjustments(region, YEAR, AdjustmentStatus.PENDING)).containsExactly(adjustment);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        assertThat(repo.markAdjustments(List.of(first.evaluationId()), AdjustmentStatus.APPLIED, at)).isEqualTo(1);
        assertThat(repo.markAdjustments(List.of(first.evaluationId()), AdjustmentStatus.APPLIED, at)).isZero();
        assertThat(repo.adjustments(region, YEAR, null)).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(AdjustmentStatus.APPLIED);
            assertThat(a.appliedAt()).isEqualTo(at);
            assertThat(a.change()).isEqualByComparingTo("-50000.00");
        });
    }
}
