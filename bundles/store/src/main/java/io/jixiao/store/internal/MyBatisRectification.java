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
import io.jixiao.api.rectification.Referral;
import io.jixiao.api.rectification.ReferralGround;
import io.jixiao.api.rectification.Responsible;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.RectificationRepository;
import io.jixiao.store.internal.mapper.CaseRow;
import io.jixiao.store.internal.mapper.OutcomeRow;
import io.jixiao.store.internal.mapper.ProblemRow;
import io.jixiao.store.internal.mapper.RectificationMapper;
import io.jixiao.store.internal.mapper.ReferralRow;
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
import java.util.stream.Collectors;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Rectification cases over MyBatis; each method one transaction, audit rows on the regions' chains. */
@Component(service = RectificationRepository.class)
public final class MyBatisRectification implements RectificationRepository {
    private static final int BATCH = 500;
    /** The statuses whose cases go OVERDUE when their deadline passes. */
    private static final List<CaseStatus> AWAITING_UNIT = List.of(CaseStatus.OPEN, CaseStatus.ISSUED,
            CaseStatus.MEASURES, CaseStatus.RETURNED);
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
    public List<Long> nextCaseIds(int n) {
        if (n < 1 || n > 10_000) {
            throw new IllegalArgumentException("1 to 10,000 ids at once, not " + n);
        }
        try (SqlSession session = sessions.openSession()) {
            RectificationMapper mapper = session.getMapper(RectificationMapper.class);
            if ("oracle".equals(session.getConfiguration().getDatabaseId())) {
                // Oracle's row generators (CONNECT BY LEVEL) are not SQL the tests' H2 in Oracle mode runs: an id each
                List<Long> ids = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    ids.add(mapper.nextCaseId());
                }
                return ids;
            }
            return mapper.nextCaseIds(n);
        }
    }

    @Override
    public List<RectificationCase> open(List<Opening> openings) {
        if (openings.isEmpty()) {
            return List.of();
        }
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH, false)) {
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
            List<AuditEntry> audits = new ArrayList<>();
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
                audits.add(o.audit());
                opened.add(c);
            }
            session.flushStatements();
            AuditChainWriter.append(session, audits);
            session.flushStatements();
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
    public List<StoredCase> due(MofDivCode mofDivCode, LocalDate day, int limit) {
        try (SqlSession session = sessions.openSession()) {
            RectificationMapper mapper = session.getMapper(RectificationMapper.class);
            List<CaseRow> rows = new ArrayList<>();
            for (CaseStatus status : AWAITING_UNIT) {
                if (rows.size() < limit) {
                    rows.addAll(mapper.due(mofDivCode.value(), status.name(), day, limit - rows.size()));
                }
            }
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
        if (changes.isEmpty()) {
            return List.of();
        }
        List<Change> applied = new ArrayList<>();
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH, false)) {
            RectificationMapper mapper = session.getMapper(RectificationMapper.class);
            for (Change change : changes) {
                follows(change);
                mapper.change(row(change.after(), change.before().steps()));
            }
            // one batch of conditional updates: a count of 0 is a case changed meanwhile (or twice in the list)
            int[] counts = session.flushStatements().get(0).getUpdateCounts();
            for (int i = 0; i < changes.size(); i++) {
                if (counts[i] == 1) {
                    applied.add(changes.get(i));
                    mapper.insertStep(stepRow(changes.get(i).step()));
                }
            }
            session.flushStatements();
            AuditChainWriter.append(session, applied.stream().map(Change::audit).toList());
            session.flushStatements();
            session.commit();
        }
        return applied;
    }

    @Override
    public List<RectificationCase> withoutHold(MofDivCode mofDivCode) {
        try (SqlSession session = sessions.openSession()) {
            RectificationMapper mapper = session.getMapper(RectificationMapper.class);
            return cases(mapper, mapper.withoutHold(mofDivCode.value()));
        }
    }

    @Override
    public List<RectificationCase> underStrictControl(MofDivCode mofDivCode, AgencyCode agencyCode) {
        try (SqlSession session = sessions.openSession()) {
            RectificationMapper mapper = session.getMapper(RectificationMapper.class);
            return cases(mapper, mapper.strict(mofDivCode.value(), code(agencyCode)));
        }
    }

    @Override
    public Referral refer(Referral referral, AuditEntry audit) {
        try (SqlSession session = sessions.openSession(false)) {
            RectificationMapper mapper = session.getMapper(RectificationMapper.class);
            long id = mapper.nextReferralId();
            ReferralRow row = new ReferralRow();
            row.referralId = id;
            row.caseId = referral.caseId();
            row.mofDivCode = referral.mofDivCode().value();
            row.ground = referral.ground().name();
            row.referredTo = referral.referredTo();
            row.reason = referral.reason();
            row.auditIds = referral.auditIds().stream().map(String::valueOf).collect(Collectors.joining(","));
            row.createdBy = referral.createdBy();
            row.createdAt = referral.createdAt();
            mapper.insertReferral(row);
            AuditChainWriter.append(session, new AuditEntry(audit.occurredAt(), audit.action(), audit.mofDivCode(),
                    audit.subjectType(), String.valueOf(id), audit.actor(), audit.reason(), audit.detail(),
                    audit.agencyCode(), audit.proCode()));
            session.commit();
            return referrals(mapper, List.of(row)).get(0);
        }
    }

    @Override
    public boolean addOutcome(long referralId, Referral.Outcome outcome, AuditEntry audit) {
        try (SqlSession session = sessions.openSession(false)) {
            RectificationMapper mapper = session.getMapper(RectificationMapper.class);
            try {
                mapper.insertOutcome(referralId, outcome.seq(), outcome.text(), outcome.by(), outcome.at());
            } catch (org.apache.ibatis.exceptions.PersistenceException e) {
                if (Rows.isDuplicateKey(e)) {
                    session.rollback();
                    return false;
                }
                throw e;
            }
            AuditChainWriter.append(session, audit);
            session.commit();
            return true;
        }
    }

    @Override
    public Optional<Referral> referral(long referralId) {
        try (SqlSession session = sessions.openSession()) {
            RectificationMapper mapper = session.getMapper(RectificationMapper.class);
            ReferralRow row = mapper.referral(referralId);
            return row == null ? Optional.empty() : Optional.of(referrals(mapper, List.of(row)).get(0));
        }
    }

    @Override
    public List<Referral> referrals(MofDivCode mofDivCode) {
        try (SqlSession session = sessions.openSession()) {
            RectificationMapper mapper = session.getMapper(RectificationMapper.class);
            return referrals(mapper, mapper.referrals(mofDivCode.value()));
        }
    }

    private static List<Referral> referrals(RectificationMapper mapper, List<ReferralRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Referral.Outcome>> outcomes = new HashMap<>();
        for (List<Long> chunk : Rows.chunks(rows.stream().map(r -> r.referralId).toList(), BATCH)) {
            for (OutcomeRow o : mapper.outcomes(chunk)) {
                outcomes.computeIfAbsent(o.referralId, k -> new ArrayList<>())
                        .add(new Referral.Outcome(o.seq, o.text, o.recordedBy, o.recordedAt));
            }
        }
        return rows.stream().map(r -> new Referral(r.referralId, r.caseId, MofDivCode.of(r.mofDivCode),
                ReferralGround.valueOf(r.ground), r.referredTo, r.reason, r.auditIds == null || r.auditIds.isEmpty() ? List.of()
                        : java.util.Arrays.stream(r.auditIds.split(",")).map(Long::valueOf).toList(), r.createdBy,
                r.createdAt, outcomes.getOrDefault(r.referralId, List.of()))).toList();
    }

    @Override
    public void linkHold(long caseId, long holdId) {
        try (SqlSession session = sessions.openSession(false)) {
            session.getMapper(RectificationMapper.class).linkHold(caseId, holdId);
            session.commit();
        }
    }

    private static void follows(Change change) {
        if (change.step().seq() != change.before().steps() + 1) {
            throw new IllegalArgumentException("step " + change.step().seq() + " does not follow "
                    + change.before().steps());
        }
    }

    private static boolean apply(SqlSession session, RectificationMapper mapper, Change change) {
        follows(change);
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
