package io.jixiao.store.internal;

import io.jixiao.api.evaluation.Achievement;
import io.jixiao.api.evaluation.Adjustment;
import io.jixiao.api.evaluation.AdjustmentStatus;
import io.jixiao.api.evaluation.ResultPolicy;
import io.jixiao.api.evaluation.CriterionEntry;
import io.jixiao.api.evaluation.CriterionScore;
import io.jixiao.api.evaluation.EvaluationKind;
import io.jixiao.api.evaluation.KeyPart;
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
import io.jixiao.store.internal.mapper.EvalAdjustmentRow;
import io.jixiao.store.internal.mapper.EvalCriterionRow;
import io.jixiao.store.internal.mapper.EvalLineRow;
import io.jixiao.store.internal.mapper.EvalTaskRow;
import io.jixiao.store.internal.mapper.EvaluationMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
                        t.openedAt(), null, null, null, null, null, t.due(), t.evaluator(), t.selfTotal(), null);
                left--;
                mapper.insertTask(row(withId));
                stored.add(withId);
            }
            session.flushStatements();
            audit.appendAudits(session, stored.stream().map(auditOf).toList());
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
            EvaluationKind kind, String evaluator, TaskStatus status, long afterTaskId, int limit) {
        if (agencyCodes != null && agencyCodes.isEmpty()) {
            return List.of();
        }
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(EvaluationMapper.class).tasks(mofDivCode.value(), fiscalYear.value(),
                    codes(agencyCodes), kind == null ? null : kind.name(), evaluator,
                    status == null ? null : status.name(), afterTaskId, limit).stream().map(MyBatisEvaluation::task)
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
            for (List<String> chunk : chunks(codes)) {
                for (EvalTaskRow row : mapper.tasksOf(mofDivCode.value(), fiscalYear.value(), kind.name(), chunk)) {
                    EvaluationTask task = task(row);
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
            EvalTaskRow row = row(submitted);
            row.exactTotal = exact(card.exactTotal());
            row.execRate = exact(card.execution().rate());
            row.execPoints = exact(card.execution().points());
            row.execWeight = exact(card.execution().weight());
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
                line.weight = exact(s.weight());
                line.fraction = exact(s.fraction());
                line.met = s.met() ? 1 : 0;
                line.points = exact(s.points());
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
                row2.weight = exact(c.weight());
                row2.points = exact(c.points());
                mapper.insertCriterion(row2);
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
                for (List<String> chunk : chunks(new ArrayList<>(projects))) {
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
                        deciding.add(task(row));
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
                mapper.insertAdjustment(row(a));
            }
            for (Adjustment a : adjustments) {
                mapper.markTaskAdjusted(a.taskId());
            }
            session.flushStatements();
            audit.appendAudits(session, adjustments.stream().map(auditOf).toList());
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
                    codes(agencyCodes), status == null ? null : status.name(), afterTaskId, limit).stream()
                    .map(MyBatisEvaluation::adjustment).toList();
        }
    }

    @Override
    public java.util.Map<ProCode, Adjustment> adjustmentsTargeting(MofDivCode mofDivCode, FiscalYear targetYear,
            Collection<ProCode> projects) {
        java.util.Map<ProCode, Adjustment> found = new java.util.HashMap<>();
        List<String> codes = projects.stream().map(ProCode::value).distinct().toList();
        try (SqlSession session = sessions.openSession()) {
            EvaluationMapper mapper = session.getMapper(EvaluationMapper.class);
            for (List<String> chunk : chunks(codes)) {
                for (EvalAdjustmentRow row : mapper.adjustmentsTargeting(mofDivCode.value(), targetYear.value(),
                        chunk)) {
                    Adjustment a = adjustment(row);
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
            for (List<Long> chunk : chunks(new ArrayList<>(taskIds))) {
                moved += mapper.markAdjustments(chunk, to.name(), at);
            }
            session.commit();
        }
        return moved;
    }

    /** Oracle takes at most 1,000 values in an IN list: lists are sent in parts of 500. */
    private static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += 500) {
            chunks.add(values.subList(from, Math.min(values.size(), from + 500)));
        }
        return chunks;
    }

    private static EvalAdjustmentRow row(Adjustment a) {
        EvalAdjustmentRow r = new EvalAdjustmentRow();
        r.taskId = a.taskId();
        r.mofDivCode = a.mofDivCode().value();
        r.evalYear = a.evaluatedYear().value();
        r.targetYear = a.targetYear().value();
        r.agencyCode = a.agencyCode().value();
        r.deptCode = a.deptCode();
        r.proCode = a.proCode().value();
        r.grade = a.grade().name();
        r.total = a.total();
        r.action = a.action().name();
        r.cutPct = a.cutPercent();
        r.requestedAmt = a.requested();
        r.changeAmt = a.change();
        r.policy = a.policy();
        r.status = a.status().name();
        r.createdBy = a.createdBy();
        r.createdAt = a.createdAt();
        r.appliedAt = a.appliedAt();
        return r;
    }

    private static Adjustment adjustment(EvalAdjustmentRow r) {
        return new Adjustment(r.taskId, MofDivCode.of(r.mofDivCode), FiscalYear.of(r.evalYear),
                FiscalYear.of(r.targetYear), AgencyCode.of(r.agencyCode), r.deptCode, ProCode.of(r.proCode),
                Grade.valueOf(r.grade), r.total.setScale(2), ResultPolicy.Kind.valueOf(r.action),
                r.cutPct, r.requestedAmt == null ? null : r.requestedAmt.setScale(2),
                r.changeAmt.setScale(2), r.policy, AdjustmentStatus.valueOf(r.status), r.createdBy, r.createdAt,
                r.appliedAt);
    }

    private static List<String> codes(Collection<AgencyCode> agencyCodes) {
        return agencyCodes == null ? null : agencyCodes.stream().map(AgencyCode::value).toList();
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
        row.dueDate = t.due();
        row.evaluator = t.evaluator();
        row.selfTotal = t.selfTotal();
        return row;
    }

    private static EvaluationTask task(EvalTaskRow r) {
        return new EvaluationTask(r.taskId, MofDivCode.of(r.mofDivCode), FiscalYear.of(r.fiscalYear),
                AgencyCode.of(r.agencyCode), ProCode.of(r.proCode), EvaluationKind.valueOf(r.kind), r.goalId,
                r.goalVersion, new Money(r.budgetAmt.setScale(2)), new Money(r.spentAmt.setScale(2)),
                TaskStatus.valueOf(r.status), r.openedAt, r.submittedBy, r.submittedAt,
                r.total == null ? null : r.total.setScale(2), r.grade == null ? null : Grade.valueOf(r.grade),
                r.ruleVersion, r.dueDate, r.evaluator, r.selfTotal == null ? null : r.selfTotal.setScale(2),
                r.gapFlag == null ? null : r.gapFlag == 1);
    }
}
