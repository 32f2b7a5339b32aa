package io.jixiao.store.internal;

import io.jixiao.api.evaluation.Achievement;
import io.jixiao.api.evaluation.Adjustment;
import io.jixiao.api.evaluation.AdjustmentStatus;
import io.jixiao.api.evaluation.CriterionEntry;
import io.jixiao.api.evaluation.CriterionScore;
import io.jixiao.api.evaluation.EvaluationKind;
import io.jixiao.api.evaluation.EvaluationTask;
import io.jixiao.api.evaluation.IndicatorScore;
import io.jixiao.api.evaluation.KeyPart;
import io.jixiao.api.evaluation.Scorecard;
import io.jixiao.api.evaluation.TaskStatus;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.EvaluationRepository;
import io.jixiao.store.internal.mapper.EvalAdjustmentRow;
import io.jixiao.store.internal.mapper.EvalCriterionRow;
import io.jixiao.store.internal.mapper.EvalLineRow;
import io.jixiao.store.internal.mapper.EvalTaskRow;
import io.jixiao.store.internal.mapper.EvaluationMapper;
import java.time.Instant;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Evaluation tasks and scores over MyBatis; tasks are written in batches with ids taken in blocks of 1,000. */
@Component(service = EvaluationRepository.class)
public final class MyBatisEvaluation implements EvaluationRepository {
    /** Task ids per value of JX_EVAL_TASK_SEQ (its increment). */
    static final int TASK_BLOCK = 1000;
    /** Codes per IN list, under Oracle's 1,000 expressions. */
    private static final int LOOKUP = 500;

    private final SqlSessionFactory sessions;

    @Activate
    public MyBatisEvaluation(@Reference StoreComponent store) {
        this(store.sessions());
    }

    MyBatisEvaluation(SqlSessionFactory sessions) {
        this.sessions = sessions;
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
                        t.openedAt(), null, null, null, null, null, t.due(), t.evaluator(), t.selfTotal(), null);
                left--;
                mapper.insertTask(EvaluationRows.row(withId));
                stored.add(withId);
            }
            session.flushStatements();
            AuditChainWriter.append(session, stored.stream().map(auditOf).toList());
            session.flushStatements();
            session.commit();
        }
        return stored;
    }

    @Override
    public Optional<EvaluationTask> find(long taskId) {
        try (SqlSession session = sessions.openSession()) {
            return Optional.ofNullable(session.getMapper(EvaluationMapper.class).task(taskId))
                    .map(EvaluationRows::task);
        }
    }

    @Override
    public List<EvaluationTask> tasks(MofDivCode mofDivCode, FiscalYear fiscalYear, Collection<AgencyCode> agencyCodes,
            EvaluationKind kind, String evaluator, TaskStatus status, long afterTaskId, int limit) {
        if (agencyCodes != null && agencyCodes.isEmpty()) {
            return List.of();
        }
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(EvaluationMapper.class).tasks(mofDivCode.value(), fiscalYear.value(),
                    EvaluationRows.codes(agencyCodes), kind == null ? null : kind.name(), evaluator,
                    status == null ? null : status.name(), afterTaskId, limit).stream().map(EvaluationRows::task)
                    .toList();
        }
    }

    @Override
    public java.util.Map<ProCode, EvaluationTask> tasksOf(MofDivCode mofDivCode, FiscalYear fiscalYear,
            EvaluationKind kind, Collection<ProCode> projects) {
        java.util.Map<ProCode, EvaluationTask> found = new java.util.HashMap<>();
        List<String> codes = projects.stream().map(ProCode::value).distinct().toList();
        try (SqlSession session = sessions.openSession()) {
            EvaluationMapper mapper = session.getMapper(EvaluationMapper.class);
            for (List<String> chunk : Rows.chunks(codes, LOOKUP)) {
                for (EvalTaskRow row : mapper.tasksOf(mofDivCode.value(), fiscalYear.value(), kind.name(), chunk)) {
                    EvaluationTask task = EvaluationRows.task(row);
                    found.put(task.proCode(), task);
                }
            }
        }
        return found;
    }

    @Override
    public boolean submit(EvaluationTask submitted, Scorecard card, AuditEntry auditEntry) {
        try (SqlSession session = sessions.openSession(false)) {
            EvaluationMapper mapper = session.getMapper(EvaluationMapper.class);
            EvalTaskRow row = EvaluationRows.row(submitted);
            row.exactTotal = EvaluationRows.exact(card.exactTotal());
            row.execRate = EvaluationRows.exact(card.execution().rate());
            row.execPoints = EvaluationRows.exact(card.execution().points());
            row.execWeight = EvaluationRows.exact(card.execution().weight());
            row.gapFlag = submitted.gapFlagged() == null ? null : submitted.gapFlagged() ? 1 : 0;
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
                line.weight = EvaluationRows.exact(s.weight());
                line.fraction = EvaluationRows.exact(s.fraction());
                line.met = s.met() ? 1 : 0;
                line.points = EvaluationRows.exact(s.points());
                mapper.insertLine(line);
            }
            n = 0;
            for (CriterionScore c : card.criteria()) {
                EvalCriterionRow row2 = new EvalCriterionRow();
                row2.taskId = submitted.taskId();
                row2.lineNo = ++n;
                row2.part = c.entry().part().name();
                row2.name = c.entry().name();
                row2.planPoints = c.entry().points();
                row2.score = c.entry().score();
                row2.weight = EvaluationRows.exact(c.weight());
                row2.points = EvaluationRows.exact(c.points());
                mapper.insertCriterion(row2);
            }
            AuditChainWriter.append(session, auditEntry);
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
            List<CriterionScore> criteria = mapper.criteria(taskId).stream().map(c -> new CriterionScore(
                    new CriterionEntry(KeyPart.valueOf(c.part), c.name, Rows.plain(c.planPoints),
                            Rows.plain(c.score)), c.weight, c.points)).toList();
            return Optional.of(new StoredScore(task.exactTotal, task.execRate, task.execWeight, task.execPoints,
                    lines, criteria));
        }
    }

    @Override
    public List<EvaluationTask> unapplied(MofDivCode mofDivCode, FiscalYear fiscalYear, long afterTaskId, int limit) {
        List<EvaluationTask> deciding = new ArrayList<>(limit);
        String region = mofDivCode.value();
        int year = fiscalYear.value();
        long after = afterTaskId;
        try (SqlSession session = sessions.openSession()) {
            EvaluationMapper mapper = session.getMapper(EvaluationMapper.class);
            Set<String> awaiting = new java.util.HashSet<>(mapper.agenciesAwaitingWhole(region, year));
            List<EvalTaskRow> page;
            do {
                page = mapper.submittedAfter(region, year, after, limit);
                if (page.isEmpty()) {
                    break;
                }
                after = page.get(page.size() - 1).taskId;
                Set<String> projects = page.stream().map(r -> r.proCode).collect(Collectors.toSet());
                Set<String> adjusted = new java.util.HashSet<>();
                java.util.Map<String, Integer> highest = new java.util.HashMap<>();
                for (List<String> chunk : Rows.chunks(new ArrayList<>(projects), LOOKUP)) {
                    for (EvalTaskRow k : mapper.kindsOfProjects(region, year, chunk)) {
                        highest.merge(k.proCode, EvaluationKind.valueOf(k.kind).authority(), Math::max);
                        if (k.adjusted != null && k.adjusted == 1) {
                            adjusted.add(k.proCode);
                        }
                    }
                }
                for (EvalTaskRow row : page) {
                    EvaluationKind kind = EvaluationKind.valueOf(row.kind);
                    if (kind != EvaluationKind.WHOLE && !adjusted.contains(row.proCode)
                            && !awaiting.contains(row.agencyCode) && highest.get(row.proCode) == kind.authority()
                            && deciding.size() < limit) {
                        deciding.add(EvaluationRows.task(row));
                    }
                }
            } while (deciding.size() < limit && page.size() == limit);
        }
        return deciding;
    }

    @Override
    public void insertAdjustments(List<Adjustment> adjustments, Function<Adjustment, AuditEntry> auditOf) {
        if (adjustments.isEmpty()) {
            return;
        }
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH, false)) {
            EvaluationMapper mapper = session.getMapper(EvaluationMapper.class);
            // one statement after the other: the batch executor sends a batch per run of the same statement
            for (Adjustment a : adjustments) {
                mapper.insertAdjustment(EvaluationRows.row(a));
            }
            for (Adjustment a : adjustments) {
                mapper.markTaskAdjusted(a.taskId());
            }
            session.flushStatements();
            AuditChainWriter.append(session, adjustments.stream().map(auditOf).toList());
            session.flushStatements();
            session.commit();
        } catch (org.apache.ibatis.exceptions.PersistenceException e) {
            if (Rows.isDuplicateKey(e)) {
                throw new io.jixiao.api.model.ConflictException("another run applied some of these results "
                        + "meanwhile; nothing was recorded by this one: run again");
            }
            throw e;
        }
    }

    @Override
    public List<Adjustment> adjustments(MofDivCode mofDivCode, FiscalYear evaluatedYear,
            Collection<AgencyCode> agencyCodes, AdjustmentStatus status, long afterTaskId, int limit) {
        if (agencyCodes != null && agencyCodes.isEmpty()) {
            return List.of();
        }
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(EvaluationMapper.class).adjustments(mofDivCode.value(), evaluatedYear.value(),
                    EvaluationRows.codes(agencyCodes), status == null ? null : status.name(), afterTaskId, limit)
                    .stream()
                    .map(EvaluationRows::adjustment).toList();
        }
    }

    @Override
    public java.util.Map<ProCode, Adjustment> adjustmentsTargeting(MofDivCode mofDivCode, FiscalYear targetYear,
            Collection<ProCode> projects) {
        java.util.Map<ProCode, Adjustment> found = new java.util.HashMap<>();
        List<String> codes = projects.stream().map(ProCode::value).distinct().toList();
        try (SqlSession session = sessions.openSession()) {
            EvaluationMapper mapper = session.getMapper(EvaluationMapper.class);
            for (List<String> chunk : Rows.chunks(codes, LOOKUP)) {
                for (EvalAdjustmentRow row : mapper.adjustmentsTargeting(mofDivCode.value(), targetYear.value(),
                        chunk)) {
                    Adjustment a = EvaluationRows.adjustment(row);
                    found.put(a.proCode(), a);
                }
            }
        }
        return found;
    }

    @Override
    public int markAdjustments(Collection<Long> taskIds, AdjustmentStatus to, Instant at) {
        if (taskIds.isEmpty()) {
            return 0;
        }
        int moved = 0;
        try (SqlSession session = sessions.openSession(false)) {
            EvaluationMapper mapper = session.getMapper(EvaluationMapper.class);
            for (List<Long> chunk : Rows.chunks(new ArrayList<>(taskIds), LOOKUP)) {
                moved += mapper.markAdjustments(chunk, to.name(), at);
            }
            session.commit();
        }
        return moved;
    }
}
