package io.jixiao.store.internal;

import io.jixiao.api.evaluation.Achievement;
import io.jixiao.api.evaluation.EvaluationKind;
import io.jixiao.api.evaluation.EvaluationTask;
import io.jixiao.api.evaluation.Grade;
import io.jixiao.api.evaluation.IndicatorScore;
import io.jixiao.api.evaluation.Scorecard;
import io.jixiao.api.evaluation.TaskStatus;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.ProCode;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.EvaluationRepository;
import io.jixiao.store.internal.mapper.EvalLineRow;
import io.jixiao.store.internal.mapper.EvalTaskRow;
import io.jixiao.store.internal.mapper.EvaluationMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Evaluation tasks and scores over MyBatis; tasks are written in batches with ids taken in blocks of 1,000. */
public final class MyBatisEvaluation implements EvaluationRepository {
    /** Task ids per value of JX_EVAL_TASK_SEQ (its increment). */
    static final int TASK_BLOCK = 1000;
    /** Scale of the stored unrounded figures (DECIMAL(38,30)). */
    private static final int EXACT = 30;

    private final SqlSessionFactory sessions;
    private final MyBatisStore audit;

    public MyBatisEvaluation(SqlSessionFactory sessions, MyBatisStore audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    @Override
    public Set<ProCode> projectsWithTask(MofDivCode mofDivCode, FiscalYear fiscalYear, EvaluationKind kind,
            AgencyCode agencyCode) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(EvaluationMapper.class).projectsWithTask(mofDivCode.value(), fiscalYear.value(),
                    kind.name(), agencyCode.value()).stream().map(ProCode::of).collect(Collectors.toSet());
        }
    }

    @Override
    public List<EvaluationTask> openTasks(List<EvaluationTask> tasks, Function<EvaluationTask, AuditEntry> auditOf) {
        List<EvaluationTask> stored = new ArrayList<>(tasks.size());
        if (tasks.isEmpty()) {
            return stored;
        }
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH, false)) {
            EvaluationMapper mapper = session.getMapper(EvaluationMapper.class);
            long next = 0;
            int left = 0;
            for (EvaluationTask t : tasks) {
                if (left == 0) {
                    next = mapper.nextTaskBlock();
                    left = TASK_BLOCK;
                }
                EvaluationTask withId = new EvaluationTask(next++, t.mofDivCode(), t.fiscalYear(), t.agencyCode(),
                        t.proCode(), t.kind(), t.goalId(), t.goalVersion(), t.budget(), t.spent(), t.status(),
                        t.openedAt(), null, null, null, null, null);
                left--;
                mapper.insertTask(row(withId));
                stored.add(withId);
            }
            session.flushStatements();
            for (EvaluationTask t : stored) {
                audit.appendAudit(session, auditOf.apply(t));
            }
            session.flushStatements();
            session.commit();
        }
        return stored;
    }

    @Override
    public Optional<EvaluationTask> find(long taskId) {
        try (SqlSession session = sessions.openSession()) {
            return Optional.ofNullable(session.getMapper(EvaluationMapper.class).task(taskId))
                    .map(MyBatisEvaluation::task);
        }
    }

    @Override
    public List<EvaluationTask> tasks(MofDivCode mofDivCode, FiscalYear fiscalYear, Collection<AgencyCode> agencyCodes,
            TaskStatus status, long afterTaskId, int limit) {
        if (agencyCodes != null && agencyCodes.isEmpty()) {
            return List.of();
        }
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(EvaluationMapper.class).tasks(mofDivCode.value(), fiscalYear.value(),
                    agencyCodes == null ? null : agencyCodes.stream().map(AgencyCode::value).toList(),
                    status == null ? null : status.name(), afterTaskId, limit).stream().map(MyBatisEvaluation::task)
                    .toList();
        }
    }

    @Override
    public boolean submit(EvaluationTask submitted, Scorecard card, AuditEntry auditEntry) {
        try (SqlSession session = sessions.openSession(false)) {
            EvaluationMapper mapper = session.getMapper(EvaluationMapper.class);
            EvalTaskRow row = row(submitted);
            row.exactTotal = exact(card.exactTotal());
            row.execRate = exact(card.execution().rate());
            row.execPoints = exact(card.execution().points());
            if (mapper.submit(row) != 1) {
                return false;
            }
            int n = 0;
            for (IndicatorScore s : card.indicators()) {
                EvalLineRow line = new EvalLineRow();
                line.taskId = submitted.taskId();
                line.lineNo = ++n;
                line.actual = s.entry().actual();
                line.achievement = s.entry().achievement() == null ? null : s.entry().achievement().name();
                line.percent = s.entry().percent();
                line.reason = s.entry().deviationReason().isEmpty() ? null : s.entry().deviationReason();
                line.weight = exact(s.weight());
                line.fraction = exact(s.fraction());
                line.met = s.met() ? 1 : 0;
                line.points = exact(s.points());
                mapper.insertLine(line);
            }
            audit.appendAudit(session, auditEntry);
            session.commit();
            return true;
        }
    }

    @Override
    public Optional<StoredScore> score(long taskId) {
        try (SqlSession session = sessions.openSession()) {
            EvaluationMapper mapper = session.getMapper(EvaluationMapper.class);
            EvalTaskRow task = mapper.task(taskId);
            if (task == null || !TaskStatus.SUBMITTED.name().equals(task.status)) {
                return Optional.empty();
            }
            List<StoredLine> lines = mapper.lines(taskId).stream().map(l -> new StoredLine(l.lineNo, l.actual,
                    l.achievement == null ? null : Achievement.valueOf(l.achievement), l.percent,
                    l.reason == null ? "" : l.reason, l.weight, l.fraction, l.met == 1, l.points)).toList();
            return Optional.of(new StoredScore(task.exactTotal, task.execRate, task.execPoints, lines));
        }
    }

    private static BigDecimal exact(BigDecimal value) {
        return value.setScale(EXACT, RoundingMode.HALF_UP);
    }

    private static EvalTaskRow row(EvaluationTask t) {
        EvalTaskRow row = new EvalTaskRow();
        row.taskId = t.taskId();
        row.mofDivCode = t.mofDivCode().value();
        row.fiscalYear = t.fiscalYear().value();
        row.agencyCode = t.agencyCode().value();
        row.proCode = t.proCode().value();
        row.kind = t.kind().name();
        row.goalId = t.goalId();
        row.goalVersion = t.goalVersion();
        row.budgetAmt = t.budget().yuan();
        row.spentAmt = t.spent().yuan();
        row.status = t.status().name();
        row.openedAt = t.openedAt();
        row.submittedBy = t.submittedBy();
        row.submittedAt = t.submittedAt();
        row.total = t.total();
        row.grade = t.grade() == null ? null : t.grade().name();
        row.ruleVersion = t.ruleVersion();
        return row;
    }

    private static EvaluationTask task(EvalTaskRow r) {
        return new EvaluationTask(r.taskId, MofDivCode.of(r.mofDivCode), FiscalYear.of(r.fiscalYear),
                AgencyCode.of(r.agencyCode), ProCode.of(r.proCode), EvaluationKind.valueOf(r.kind), r.goalId,
                r.goalVersion, new Money(r.budgetAmt.setScale(2)), new Money(r.spentAmt.setScale(2)),
                TaskStatus.valueOf(r.status), r.openedAt, r.submittedBy, r.submittedAt,
                r.total == null ? null : r.total.setScale(2), r.grade == null ? null : Grade.valueOf(r.grade),
                r.ruleVersion);
    }
}
