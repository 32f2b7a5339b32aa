package io.jixiao.store.internal;

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
import io.jixiao.store.RectificationRepository;
import io.jixiao.store.internal.mapper.CaseRow;
import io.jixiao.store.internal.mapper.ProblemRow;
import io.jixiao.store.internal.mapper.RectificationMapper;
import io.jixiao.store.internal.mapper.StepRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Rectification cases over MyBatis; each method one transaction, audit rows on the regions' chains. */
@Component(service = RectificationRepository.class)
public final class MyBatisRectification implements RectificationRepository {
    private static final int BATCH = 500;
    private final UnitAwareSessions sessions;

    @Activate
    public MyBatisRectification(@Reference StoreComponent store) {
        this(store.sessions());
    }

    MyBatisRectification(UnitAwareSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public long nextCaseId() {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(RectificationMapper.class).nextCaseId();
        }
    }

    @Override
    public List<RectificationCase> open(List<Opening> openings) {
        if (openings.isEmpty()) {
            return List.of();
        }
        try (SqlSession session = sessions.openSession(false)) {
            RectificationMapper mapper = session.getMapper(RectificationMapper.class);
            Map<CaseOrigin, Set<String>> taken = new HashMap<>();
            Map<CaseOrigin, List<String>> wanted = new HashMap<>();
            openings.forEach(o -> wanted.computeIfAbsent(o.value().origin(), k -> new ArrayList<>())
                    .add(originId(o.value())));
            wanted.forEach((origin, ids) -> {
                Set<String> found = new HashSet<>();
                for (List<String> chunk : Rows.chunks(ids, BATCH)) {
                    found.addAll(mapper.existingOrigins(origin.name(), chunk));
                }
                taken.put(origin, found);
            });
            List<RectificationCase> opened = new ArrayList<>();
            for (Opening o : openings) {
                RectificationCase c = o.value();
                if (!taken.get(c.origin()).add(originId(c))) {
                    continue;
                }
                mapper.insertCase(row(c, 1));
                int line = 1;
                for (Problem p : c.problems()) {
                    mapper.insertProblem(c.id(), line++, p.text(), p.indicator());
                }
                mapper.insertStep(stepRow(o.step()));
                AuditChainWriter.append(session, o.audit());
                opened.add(c);
            }
            session.commit();
            return opened;
        }
    }

    @Override
    public Optional<StoredCase> find(long caseId) {
        try (SqlSession session = sessions.openSession()) {
            RectificationMapper mapper = session.getMapper(RectificationMapper.class);
            return Optional.ofNullable(mapper.caseById(caseId)).map(r -> stored(mapper, r));
        }
    }

    @Override
    public Optional<StoredCase> byOrigin(CaseOrigin origin, String originId) {
        try (SqlSession session = sessions.openSession()) {
            RectificationMapper mapper = session.getMapper(RectificationMapper.class);
            return Optional.ofNullable(mapper.byOrigin(origin.name(), originId)).map(r -> stored(mapper, r));
        }
    }

    @Override
    public Map<String, RectificationCase> byOrigins(CaseOrigin origin, java.util.Collection<String> originIds) {
        Map<String, RectificationCase> found = new HashMap<>();
        if (originIds.isEmpty()) {
            return found;
        }
        try (SqlSession session = sessions.openSession()) {
            RectificationMapper mapper = session.getMapper(RectificationMapper.class);
            for (List<String> chunk : Rows.chunks(List.copyOf(originIds), BATCH)) {
                cases(mapper, mapper.byOrigins(origin.name(), chunk)).forEach(c -> found.put(c.originId(), c));
            }
        }
        return found;
    }

    @Override
    public List<CaseStep> steps(long caseId) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(RectificationMapper.class).steps(caseId).stream()
                    .map(r -> new CaseStep(r.caseId, r.seq, r.action, CaseStatus.valueOf(r.status), r.actor, r.at,
                            r.text, r.deadline)).toList();
        }
    }

    @Override
    public List<RectificationCase> page(MofDivCode mofDivCode, Set<String> agencies, boolean openOnly, long afterId,
            int limit) {
        try (SqlSession session = sessions.openSession()) {
            RectificationMapper mapper = session.getMapper(RectificationMapper.class);
            return cases(mapper, mapper.page(mofDivCode.value(), agencies, openOnly, afterId, limit));
        }
    }

    @Override
    public List<StoredCase> due(MofDivCode mofDivCode, LocalDate day, long afterId, int limit) {
        try (SqlSession session = sessions.openSession()) {
            RectificationMapper mapper = session.getMapper(RectificationMapper.class);
            List<CaseRow> rows = mapper.due(mofDivCode.value(), day, afterId, limit);
            List<RectificationCase> cases = cases(mapper, rows);
            List<StoredCase> stored = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                stored.add(new StoredCase(cases.get(i), rows.get(i).steps));
            }
            return stored;
        }
    }

    @Override
    public Optional<List<RectificationCase>> change(Change change, boolean liftSubject) {
        try (SqlSession session = sessions.openSession(false)) {
            RectificationMapper mapper = session.getMapper(RectificationMapper.class);
            if (!apply(session, mapper, change)) {
                return Optional.empty();
            }
            List<RectificationCase> lifted = List.of();
            if (liftSubject) {
                RectificationCase c = change.after();
                List<CaseRow> rows = mapper.toLift(c.mofDivCode().value(), c.subject().name(), code(c.agencyCode()),
                        c.proCode() == null ? null : c.proCode().value(), code(c.subjectDivCode()));
                Instant at = change.step().at();
                for (CaseRow r : rows) {
                    mapper.lift(r.caseId, at);
                    r.strictLiftedAt = at;
                }
                lifted = cases(mapper, rows);
            }
            session.commit();
            return Optional.of(lifted);
        }
    }

    @Override
    public List<Change> changeAll(List<Change> changes) {
        List<Change> applied = new ArrayList<>();
        try (SqlSession session = sessions.openSession(false)) {
            RectificationMapper mapper = session.getMapper(RectificationMapper.class);
            for (Change change : changes) {
                if (apply(session, mapper, change)) {
                    applied.add(change);
                }
            }
            session.commit();
        }
        return applied;
    }

    @Override
    public List<RectificationCase> underStrictControl(MofDivCode mofDivCode, AgencyCode agencyCode) {
        try (SqlSession session = sessions.openSession()) {
            RectificationMapper mapper = session.getMapper(RectificationMapper.class);
            return cases(mapper, mapper.strict(mofDivCode.value(), code(agencyCode)));
        }
    }

    @Override
    public void linkHold(long caseId, long holdId) {
        try (SqlSession session = sessions.openSession(false)) {
            session.getMapper(RectificationMapper.class).linkHold(caseId, holdId);
            session.commit();
        }
    }

    private static boolean apply(SqlSession session, RectificationMapper mapper, Change change) {
        if (change.step().seq() != change.before().steps() + 1) {
            throw new IllegalArgumentException("step " + change.step().seq() + " does not follow "
                    + change.before().steps());
        }
        CaseRow row = row(change.after(), change.before().steps());
        if (mapper.change(row) != 1) {
            return false;
        }
        mapper.insertStep(stepRow(change.step()));
        AuditChainWriter.append(session, change.audit());
        return true;
    }

    private static String originId(RectificationCase c) {
        return c.originId() != null ? c.originId() : String.valueOf(c.id());
    }

    private static String code(AgencyCode a) {
        return a == null ? null : a.value();
    }

    private static String code(MofDivCode m) {
        return m == null ? null : m.value();
    }

    private static CaseRow row(RectificationCase c, int steps) {
        CaseRow r = new CaseRow();
        r.caseId = c.id();
        r.origin = c.origin().name();
        r.originId = originId(c);
        r.mofDivCode = c.mofDivCode().value();
        r.fiscalYear = c.fiscalYear().value();
        r.subject = c.subject().name();
        r.agencyCode = code(c.agencyCode());
        r.proCode = c.proCode() == null ? null : c.proCode().value();
        r.deptCode = c.deptCode();
        r.subjectDivCode = code(c.subjectDivCode());
        r.organiser = c.organiser().name();
        if (c.responsible() != null) {
            r.respName = c.responsible().name();
            r.respAccount = c.responsible().account();
            r.respPhone = c.responsible().phone();
        }
        r.deadline = c.deadline();
        r.status = c.status().name();
        r.extUntil = c.extensionUntil();
        r.strictSince = c.strictSince();
        r.strictLiftedAt = c.strictLiftedAt();
        r.holdId = c.holdId();
        r.steps = steps;
        r.openedBy = c.openedBy();
        r.openedAt = c.openedAt();
        r.closedAt = c.closedAt();
        r.ruleVersion = c.ruleVersion();
        return r;
    }

    private static StepRow stepRow(CaseStep s) {
        StepRow r = new StepRow();
        r.caseId = s.caseId();
        r.seq = s.seq();
        r.action = s.action();
        r.status = s.status().name();
        r.actor = s.actor();
        r.at = s.at();
        r.text = s.text();
        r.deadline = s.deadline();
        return r;
    }

    private static StoredCase stored(RectificationMapper mapper, CaseRow r) {
        return new StoredCase(cases(mapper, List.of(r)).get(0), r.steps);
    }

    private static List<RectificationCase> cases(RectificationMapper mapper, List<CaseRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Problem>> problems = new HashMap<>();
        List<Long> ids = rows.stream().map(r -> r.caseId).toList();
        for (List<Long> chunk : Rows.chunks(ids, BATCH)) {
            for (ProblemRow p : mapper.problems(chunk)) {
                problems.computeIfAbsent(p.caseId, k -> new ArrayList<>()).add(new Problem(p.text, p.indicator));
            }
        }
        return rows.stream().map(r -> new RectificationCase(r.caseId, CaseOrigin.valueOf(r.origin),
                CaseOrigin.valueOf(r.origin) == CaseOrigin.MANUAL ? null : r.originId, MofDivCode.of(r.mofDivCode),
                FiscalYear.of(r.fiscalYear), CaseSubject.valueOf(r.subject),
                r.agencyCode == null ? null : AgencyCode.of(r.agencyCode),
                r.proCode == null ? null : ProCode.of(r.proCode), r.deptCode,
                r.subjectDivCode == null ? null : MofDivCode.of(r.subjectDivCode), Role.valueOf(r.organiser),
                problems.getOrDefault(r.caseId, List.of()),
                r.respName == null ? null : new Responsible(r.respName, r.respAccount, r.respPhone), r.deadline,
                CaseStatus.valueOf(r.status), r.extUntil, r.strictSince, r.strictLiftedAt, r.holdId, r.openedBy,
                r.openedAt, r.closedAt, r.ruleVersion)).toList();
    }
}
