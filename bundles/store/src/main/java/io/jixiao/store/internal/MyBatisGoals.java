package io.jixiao.store.internal;

import io.jixiao.api.goal.Assessment;
import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.goal.ReviewStage;
import io.jixiao.api.goal.StageReview;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.GoalRepository.StoredRuleSet;
import io.jixiao.store.GoalRepository;
import io.jixiao.store.internal.mapper.AssessmentRow;
import io.jixiao.store.internal.mapper.GoalMapper;
import io.jixiao.store.internal.mapper.GoalRow;
import io.jixiao.store.internal.mapper.IndicatorRow;
import io.jixiao.store.internal.mapper.RuleSetMapper;
import io.jixiao.store.internal.mapper.RuleSetRow;
import io.jixiao.store.internal.mapper.StageReviewRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Goals, assessments, stage reviews and stored rule sets over MyBatis; audit rows on the regions' chains. */
@Component(service = GoalRepository.class)
public final class MyBatisGoals implements GoalRepository {
    private final UnitAwareSessions sessions;

    @Activate
    public MyBatisGoals(@Reference StoreComponent store) {
        this(store.sessions());
    }

    MyBatisGoals(UnitAwareSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public long nextGoalId() {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(GoalMapper.class).nextGoalId();
        }
    }

    @Override
    public void insert(GoalVersion version, AuditEntry audit) {
        try (SqlSession session = sessions.openSession(false)) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            goals.insert(GoalRows.row(version));
            GoalRows.indicators(version).forEach(goals::insertIndicator);
            AuditChainWriter.append(session, audit);
            session.commit();
        }
    }

    @Override
    public boolean replaceDraft(GoalVersion version, AuditEntry audit) {
        try (SqlSession session = sessions.openSession(false)) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            if (goals.updateContent(GoalRows.row(version)) != 1) {
                return false;
            }
            goals.deleteIndicators(version.goalId(), version.version());
            GoalRows.indicators(version).forEach(goals::insertIndicator);
            AuditChainWriter.append(session, audit);
            session.commit();
            return true;
        }
    }

    @Override
    public boolean changeStatus(GoalVersion from, GoalVersion to, AuditEntry audit) {
        if (from.goalId() != to.goalId() || from.version() != to.version()) {
            throw new IllegalArgumentException("a status change keeps the goal and version");
        }
        try (SqlSession session = sessions.openSession(false)) {
            int changed = session.getMapper(GoalMapper.class).updateStatus(to.goalId(), to.version(),
                    from.status().name(), to.status().name(), to.ruleVersion(), GoalRows.codes(to.opinion()),
                    to.opinion() == null ? null : to.opinion().text(),
                    to.statusAt().truncatedTo(ChronoUnit.MILLIS));
            if (changed != 1) {
                return false;
            }
            AuditChainWriter.append(session, audit);
            session.commit();
            return true;
        }
    }

    @Override
    public Optional<GoalVersion> find(long goalId, int version) {
        try (SqlSession session = sessions.openSession()) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            GoalRow row = goals.find(goalId, version);
            return row == null ? Optional.empty()
                    : Optional.of(GoalRows.version(row, goals.indicators(goalId, version)));
        }
    }

    @Override
    public List<Integer> versions(long goalId) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(GoalMapper.class).versions(goalId);
        }
    }

    @Override
    public List<Long> goalsOf(MofDivCode mofDivCode, FiscalYear fiscalYear, ProCode proCode) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(GoalMapper.class).goalsOfProject(mofDivCode.value(), fiscalYear.value(),
                    proCode.value());
        }
    }

    @Override
    public Optional<GoalVersion> inForce(MofDivCode mofDivCode, FiscalYear fiscalYear, ProCode proCode) {
        try (SqlSession session = sessions.openSession()) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            List<GoalRow> rows = goals.inForce(mofDivCode.value(), fiscalYear.value(), proCode.value());
            // the newest version of the newest goal in force
            return rows.stream().max(java.util.Comparator.<GoalRow>comparingLong(r -> r.goalId)
                    .thenComparingInt(r -> r.version))
                    .map(r -> GoalRows.version(r, goals.indicators(r.goalId, r.version)));
        }
    }

    @Override
    public long insertAssessment(Assessment assessment, Actor recordedBy, Instant at, AuditEntry audit) {
        try (SqlSession session = sessions.openSession(false)) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            long id = goals.nextAssessmentId();
            goals.insertAssessment(GoalRows.assessmentRow(id, assessment, recordedBy, at));
            AuditChainWriter.append(session, audit);
            session.commit();
            return id;
        }
    }

    @Override
    public Optional<Assessment> latestAssessment(MofDivCode mofDivCode, FiscalYear fiscalYear, ProCode proCode) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(GoalMapper.class).assessments(mofDivCode.value(), fiscalYear.value(),
                    proCode.value()).stream().findFirst().map(GoalRows::assessment);
        }
    }

    @Override
    public void recordDecision(AuditEntry audit) {
        try (SqlSession session = sessions.openSession(false)) {
            AuditChainWriter.append(session, audit);
            session.commit();
        }
    }

    /** Projects per bulk query: H2 checks each candidate row against the whole IN list, so short lists are faster. */
    private static final int BATCH = 250;
    /**
     * From this many projects on, a bulk read scans the region and year once (in the region-first index) and keeps
     * the draft's projects, instead of looking projects up batch by batch.
     */
    static final int REGION_SCAN_FROM = 5_000;

    @Override
    public Map<ProCode, GoalRef> inForce(MofDivCode mofDivCode, FiscalYear fiscalYear,
            Collection<ProCode> proCodes) {
        Map<ProCode, GoalRef> found = new HashMap<>();
        Set<String> wanted = GoalRows.projectCodes(proCodes);
        Consumer<GoalRow> keep = r -> {
            if (wanted.contains(r.proCode)) {
                found.merge(ProCode.of(r.proCode), new GoalRef(r.goalId, r.version),
                        GoalRows::newest);
            }
        };
        try (SqlSession session = sessions.openSession()) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            if (wanted.size() >= REGION_SCAN_FROM) {
                goals.inForceOfRegion(mofDivCode.value(), fiscalYear.value(),
                        context -> keep.accept(context.getResultObject()));
            } else {
                for (List<String> batch : Rows.chunks(List.copyOf(wanted), BATCH)) {
                    goals.inForceOfProjects(mofDivCode.value(), fiscalYear.value(), batch.toArray(String[]::new))
                            .forEach(keep);
                }
            }
        }
        return found;
    }

    @Override
    public Set<ProCode> withAnyGoal(MofDivCode mofDivCode, FiscalYear fiscalYear, Collection<ProCode> proCodes) {
        Set<ProCode> found = new HashSet<>();
        try (SqlSession session = sessions.openSession()) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            for (List<String> batch : Rows.chunks(List.copyOf(GoalRows.projectCodes(proCodes)), BATCH)) {
                goals.projectsWithGoal(mofDivCode.value(), fiscalYear.value(), batch.toArray(String[]::new))
                        .forEach(p -> found.add(ProCode.of(p)));
            }
        }
        return found;
    }

    @Override
    public Map<ProCode, GoalRef> inForceOfAgency(MofDivCode mofDivCode, FiscalYear fiscalYear,
            io.jixiao.api.model.AgencyCode agencyCode,
            io.jixiao.api.goal.GoalSubject subject) {
        Map<ProCode, GoalRef> found = new HashMap<>();
        try (SqlSession session = sessions.openSession()) {
            for (GoalRow r : session.getMapper(GoalMapper.class).inForceOfAgency(mofDivCode.value(),
                    fiscalYear.value(), agencyCode.value(), subject.name())) {
                found.merge(ProCode.of(r.proCode), new GoalRef(r.goalId, r.version),
                        GoalRows::newest);
            }
        }
        return found;
    }

    @Override
    public Map<ProCode, Assessment> latestAssessments(MofDivCode mofDivCode, FiscalYear fiscalYear,
            Collection<ProCode> proCodes) {
        Map<ProCode, Assessment> found = new HashMap<>();
        Set<String> wanted = GoalRows.projectCodes(proCodes);
        // newest first: the first row of a project is its latest
        Consumer<AssessmentRow> keep = r -> {
            if (wanted.contains(r.proCode) && !found.containsKey(ProCode.of(r.proCode))) {
                found.put(ProCode.of(r.proCode), GoalRows.assessment(r));
            }
        };
        try (SqlSession session = sessions.openSession()) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            if (wanted.size() >= REGION_SCAN_FROM) {
                goals.assessmentsOfRegion(mofDivCode.value(), fiscalYear.value(),
                        context -> keep.accept(context.getResultObject()));
            } else {
                for (List<String> batch : Rows.chunks(List.copyOf(wanted), BATCH)) {
                    goals.assessmentsOfProjects(mofDivCode.value(), fiscalYear.value(), batch.toArray(String[]::new))
                            .forEach(keep);
                }
            }
        }
        return found;
    }

    @Override
    public void forEachGoalProject(java.util.function.BiConsumer<String, String> each) {
        try (SqlSession session = sessions.openSession();
                org.apache.ibatis.cursor.Cursor<java.util.Map<String, Object>> cursor = session
                        .getMapper(io.jixiao.store.internal.mapper.GoalMapper.class).goalProjects()) {
            cursor.forEach(row -> each.accept((String) row.get("region"), (String) row.get("project")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void forEachInForce(MofDivCode mofDivCode, FiscalYear fiscalYear, long afterGoalId,
            Consumer<GoalVersion> each) {
        try (SqlSession session = sessions.openSession();
                Cursor<GoalRow> rows = session.getMapper(GoalMapper.class)
                        .inForceOfRegionFull(mofDivCode.value(), fiscalYear.value(), afterGoalId)) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            Map<Long, GoalRow> page = new java.util.LinkedHashMap<>();
            for (GoalRow row : rows) {
                // newest version first: the first row of a goal is the version in force
                page.putIfAbsent(row.goalId, row);
                if (page.size() == BATCH) {
                    emit(goals, page, each);
                }
            }
            emit(goals, page, each);
        } catch (java.io.IOException e) {
            throw new PersistenceException("closing the goals cursor", e);
        }
    }

    /** Reads the indicators of a page of goals with one query and hands the goals on. */
    private static void emit(GoalMapper goals, Map<Long, GoalRow> page, Consumer<GoalVersion> each) {
        if (page.isEmpty()) {
            return;
        }
        Map<Long, List<IndicatorRow>> indicators = new HashMap<>();
        for (IndicatorRow k : goals.indicatorsOfGoals(page.keySet())) {
            if (k.version == page.get(k.goalId).version) {
                indicators.computeIfAbsent(k.goalId, id -> new ArrayList<>()).add(k);
            }
        }
        page.values().forEach(row -> each.accept(GoalRows.version(row,
                indicators.getOrDefault(row.goalId, List.of()))));
        page.clear();
    }

    @Override
    public boolean insertStageReview(GoalVersion reviewed, StageReview review, AuditEntry audit) {
        try (SqlSession session = sessions.openSession(false)) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            try {
                goals.insertStageReview(GoalRows.stageRow(reviewed, review));
            } catch (PersistenceException failed) {
                session.rollback();
                boolean taken = goals.stageReviews(review.goalId(), review.version()).stream()
                        .anyMatch(r -> r.stage.equals(review.stage().name()));
                if (taken) {
                    return false; // the primary key (goal, version, stage): recorded already
                }
                throw failed;
            }
            AuditChainWriter.append(session, audit);
            session.commit();
            return true;
        }
    }

    @Override
    public List<StageReview> stageReviews(long goalId, int version) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(GoalMapper.class).stageReviews(goalId, version).stream()
                    .map(GoalRows::stageReview)
                    .sorted(java.util.Comparator.comparing(StageReview::stage)).toList();
        }
    }

    @Override
    public Map<GoalRef, StagePassed> stagesPassed(MofDivCode mofDivCode, FiscalYear fiscalYear,
            Collection<GoalRef> versions, ReviewStage stage) {
        Set<GoalRef> wanted = new java.util.HashSet<>(versions);
        Map<GoalRef, StagePassed> found = new HashMap<>();
        Consumer<StageReviewRow> keep = r -> {
            GoalRef ref = new GoalRef(r.goalId, r.version);
            if (wanted.contains(ref)) {
                found.put(ref, new StagePassed(r.amount));
            }
        };
        try (SqlSession session = sessions.openSession()) {
            GoalMapper goals = session.getMapper(GoalMapper.class);
            if (wanted.size() >= REGION_SCAN_FROM) {
                goals.stageReviewsOfRegion(mofDivCode.value(), fiscalYear.value(), stage.name(),
                        context -> keep.accept(context.getResultObject()));
            } else {
                List<Long> ids = wanted.stream().map(GoalRef::goalId).distinct().toList();
                for (List<Long> batch : Rows.chunks(ids, BATCH)) {
                    goals.stageReviewsOfGoals(stage.name(), batch).forEach(keep);
                }
            }
        }
        return found;
    }

    @Override
    public void insertRuleSet(StoredRuleSet set, AuditEntry audit) {
        RuleSetRow row = GoalRows.ruleSetRow(set);
        try (SqlSession session = sessions.openSession(false)) {
            try {
                session.getMapper(RuleSetMapper.class).insert(row);
            } catch (PersistenceException taken) {
                session.rollback();
                throw new ConflictException("rule set " + set.region() + "/" + set.fromYear() + "#" + set.revision()
                        + " was written by someone else meanwhile; read the rules again and redo the change");
            }
            AuditChainWriter.append(session, audit);
            session.commit();
        }
    }

    @Override
    public List<StoredRuleSet> ruleSets() {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(RuleSetMapper.class).all().stream().map(GoalRows::storedRuleSet).toList();
        }
    }

    @Override
    public void recordDecisions(List<AuditEntry> audits) {
        if (audits.isEmpty()) {
            return;
        }
        // one batch: a draft of many lines writes its audit rows in round trips of the driver's batch size
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH, false)) {
            AuditChainWriter.append(session, audits);
            session.commit();
        }
    }
}
