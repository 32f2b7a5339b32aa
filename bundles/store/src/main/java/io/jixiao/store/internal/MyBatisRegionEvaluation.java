package io.jixiao.store.internal;

import io.jixiao.api.evaluation.AdjustmentStatus;
import io.jixiao.api.evaluation.Grade;
import io.jixiao.api.evaluation.RegionCriterion;
import io.jixiao.api.evaluation.RegionEvaluation;
import io.jixiao.api.evaluation.RegionScorecard;
import io.jixiao.api.evaluation.ResultPolicy;
import io.jixiao.api.evaluation.TaskStatus;
import io.jixiao.api.evaluation.TransferAdjustment;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.RegionEvaluationRepository;
import io.jixiao.store.internal.mapper.RegionCriterionRow;
import io.jixiao.store.internal.mapper.RegionEvalRow;
import io.jixiao.store.internal.mapper.RegionEvaluationMapper;
import io.jixiao.store.internal.mapper.TransferAdjustmentRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Comprehensive evaluations over MyBatis. A region evaluates tens of lower governments a year: rows are written one
 * statement at a time, each call in one transaction with its audit rows.
 */
@Component(service = RegionEvaluationRepository.class)
public final class MyBatisRegionEvaluation implements RegionEvaluationRepository {
    private final SqlSessionFactory sessions;

    @Activate
    public MyBatisRegionEvaluation(@Reference StoreComponent store) {
        this(store.sessions());
    }

    MyBatisRegionEvaluation(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public List<RegionEvaluation> open(List<RegionEvaluation> evaluations,
            Function<RegionEvaluation, AuditEntry> auditOf) {
        List<RegionEvaluation> stored = new ArrayList<>(evaluations.size());
        if (evaluations.isEmpty()) {
            return stored;
        }
        try (SqlSession session = sessions.openSession(false)) {
            RegionEvaluationMapper mapper = session.getMapper(RegionEvaluationMapper.class);
            for (RegionEvaluation e : evaluations) {
                RegionEvaluation withId = new RegionEvaluation(mapper.nextEvaluationId(), e.mofDivCode(),
                        e.fiscalYear(), e.subject(), TaskStatus.OPEN, e.openedBy(), e.openedAt(), e.due(),
                        e.evaluator(), null, null, null, null, null);
                mapper.insertEvaluation(row(withId));
                stored.add(withId);
            }
            AuditChainWriter.append(session, stored.stream().map(auditOf).toList());
            session.commit();
        } catch (PersistenceException e) {
            if (Rows.isDuplicateKey(e)) {
                throw new ConflictException("a government listed was given its evaluation of the year meanwhile; "
                        + "nothing was opened: send the request again");
            }
            throw e;
        }
        return stored;
    }

    @Override
    public Optional<RegionEvaluation> find(long evaluationId) {
        try (SqlSession session = sessions.openSession()) {
            return Optional.ofNullable(session.getMapper(RegionEvaluationMapper.class).evaluation(evaluationId))
                    .map(MyBatisRegionEvaluation::evaluation);
        }
    }

    @Override
    public List<RegionEvaluation> evaluations(MofDivCode mofDivCode, FiscalYear fiscalYear, String evaluator,
            TaskStatus status) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(RegionEvaluationMapper.class).evaluations(mofDivCode.value(), fiscalYear.value(),
                    evaluator, status == null ? null : status.name(), false).stream()
                    .map(MyBatisRegionEvaluation::evaluation).toList();
        }
    }

    @Override
    public boolean submit(RegionEvaluation submitted, RegionScorecard card, AuditEntry auditEntry) {
        try (SqlSession session = sessions.openSession(false)) {
            RegionEvaluationMapper mapper = session.getMapper(RegionEvaluationMapper.class);
            if (mapper.submit(row(submitted)) != 1) {
                return false;
            }
            int n = 0;
            for (RegionCriterion c : card.criteria()) {
                RegionCriterionRow row = new RegionCriterionRow();
                row.evalId = submitted.evaluationId();
                row.lineNo = ++n;
                row.dimension = c.dimension();
                row.name = c.name();
                row.planPoints = c.points();
                row.score = c.score();
                mapper.insertCriterion(row);
            }
            AuditChainWriter.append(session, auditEntry);
            session.commit();
            return true;
        }
    }

    @Override
    public Optional<RegionScorecard> scorecard(long evaluationId) {
        try (SqlSession session = sessions.openSession()) {
            RegionEvaluationMapper mapper = session.getMapper(RegionEvaluationMapper.class);
            RegionEvalRow row = mapper.evaluation(evaluationId);
            if (row == null || !TaskStatus.SUBMITTED.name().equals(row.status)) {
                return Optional.empty();
            }
            List<RegionCriterion> criteria = mapper.criteria(evaluationId).stream()
                    .map(c -> new RegionCriterion(c.dimension, c.name, Rows.plain(c.planPoints),
                            Rows.plain(c.score)))
                    .toList();
            return Optional.of(new RegionScorecard(row.ruleVersion, criteria, row.total.setScale(2),
                    Grade.valueOf(row.grade)));
        }
    }

    @Override
    public List<RegionEvaluation> unapplied(MofDivCode mofDivCode, FiscalYear fiscalYear) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(RegionEvaluationMapper.class).evaluations(mofDivCode.value(), fiscalYear.value(),
                    null, TaskStatus.SUBMITTED.name(), true).stream().map(MyBatisRegionEvaluation::evaluation)
                    .toList();
        }
    }

    @Override
    public void insertAdjustments(List<TransferAdjustment> adjustments,
            Function<TransferAdjustment, AuditEntry> auditOf) {
        if (adjustments.isEmpty()) {
            return;
        }
        try (SqlSession session = sessions.openSession(false)) {
            RegionEvaluationMapper mapper = session.getMapper(RegionEvaluationMapper.class);
            for (TransferAdjustment a : adjustments) {
                mapper.insertAdjustment(row(a));
                mapper.markAdjusted(a.evaluationId());
            }
            AuditChainWriter.append(session, adjustments.stream().map(auditOf).toList());
            session.commit();
        } catch (PersistenceException e) {
            if (Rows.isDuplicateKey(e)) {
                throw new ConflictException("another run applied some of these results meanwhile; nothing was "
                        + "recorded by this one: run again");
            }
            throw e;
        }
    }

    @Override
    public List<TransferAdjustment> adjustments(MofDivCode mofDivCode, FiscalYear evaluatedYear,
            AdjustmentStatus status) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(RegionEvaluationMapper.class).adjustments(mofDivCode.value(),
                    evaluatedYear.value(), status == null ? null : status.name()).stream()
                    .map(MyBatisRegionEvaluation::adjustment).toList();
        }
    }

    @Override
    public int markAdjustments(Collection<Long> evaluationIds, AdjustmentStatus to, Instant at) {
        if (evaluationIds.isEmpty()) {
            return 0;
        }
        int moved = 0;
        try (SqlSession session = sessions.openSession(false)) {
            RegionEvaluationMapper mapper = session.getMapper(RegionEvaluationMapper.class);
            for (long id : evaluationIds) {
                moved += mapper.markAdjustment(id, to.name(), at);
            }
            session.commit();
        }
        return moved;
    }

    private static RegionEvalRow row(RegionEvaluation e) {
        RegionEvalRow row = new RegionEvalRow();
        row.evalId = e.evaluationId();
        row.mofDivCode = e.mofDivCode().value();
        row.fiscalYear = e.fiscalYear().value();
        row.subjectDivCode = e.subject().value();
        row.status = e.status().name();
        row.openedBy = e.openedBy();
        row.openedAt = e.openedAt();
        row.dueDate = e.due();
        row.evaluator = e.evaluator();
        row.submittedBy = e.submittedBy();
        row.submittedAt = e.submittedAt();
        row.total = e.total();
        row.grade = e.grade() == null ? null : e.grade().name();
        row.ruleVersion = e.ruleVersion();
        return row;
    }

    private static RegionEvaluation evaluation(RegionEvalRow r) {
        return new RegionEvaluation(r.evalId, MofDivCode.of(r.mofDivCode), FiscalYear.of(r.fiscalYear),
                MofDivCode.of(r.subjectDivCode), TaskStatus.valueOf(r.status), r.openedBy, r.openedAt, r.dueDate,
                r.evaluator, r.submittedBy, r.submittedAt, r.total == null ? null : r.total.setScale(2),
                r.grade == null ? null : Grade.valueOf(r.grade), r.ruleVersion);
    }

    private static TransferAdjustmentRow row(TransferAdjustment a) {
        TransferAdjustmentRow row = new TransferAdjustmentRow();
        row.evalId = a.evaluationId();
        row.mofDivCode = a.mofDivCode().value();
        row.evalYear = a.evaluatedYear().value();
        row.targetYear = a.targetYear().value();
        row.recipientDivCode = a.recipient().value();
        row.grade = a.grade().name();
        row.total = a.total();
        row.action = a.action().name();
        row.cutPct = a.cutPercent();
        row.allocatedAmt = a.allocated();
        row.changeAmt = a.change();
        row.policy = a.policy();
        row.status = a.status().name();
        row.createdBy = a.createdBy();
        row.createdAt = a.createdAt();
        row.appliedAt = a.appliedAt();
        return row;
    }

    private static TransferAdjustment adjustment(TransferAdjustmentRow r) {
        return new TransferAdjustment(r.evalId, MofDivCode.of(r.mofDivCode), FiscalYear.of(r.evalYear),
                FiscalYear.of(r.targetYear), MofDivCode.of(r.recipientDivCode), Grade.valueOf(r.grade),
                r.total.setScale(2), ResultPolicy.Kind.valueOf(r.action), r.cutPct,
                r.allocatedAmt == null ? null : r.allocatedAmt.setScale(2), r.changeAmt.setScale(2), r.policy,
                AdjustmentStatus.valueOf(r.status), r.createdBy, r.createdAt, r.appliedAt);
    }
}
