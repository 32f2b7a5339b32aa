package io.jixiao.store.internal;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.monitoring.Alert;
import io.jixiao.api.monitoring.AlertLevel;
import io.jixiao.api.monitoring.AlertPage;
import io.jixiao.api.monitoring.Forecast;
import io.jixiao.api.monitoring.IndicatorProgress;
import io.jixiao.api.monitoring.Round;
import io.jixiao.api.monitoring.RoundStatus;
import io.jixiao.api.monitoring.UnitReport;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.MonitoringRepository;
import io.jixiao.store.internal.mapper.MonitoringMapper;
import io.jixiao.store.internal.mapper.ReportRow;
import io.jixiao.store.internal.mapper.ResultRow;
import io.jixiao.store.internal.mapper.RoundRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Monitoring rounds, results and reports over MyBatis; audit rows through the regions' chains. */
@Component(service = MonitoringRepository.class)
public final class MyBatisMonitoring implements MonitoringRepository {
    /** Result ids per value of JX_MON_RESULT_SEQ (its increment). */
    static final int RESULT_BLOCK = 1000;
    /** Codes per IN list. */
    private static final int LOOKUP = 500;

    private final SqlSessionFactory sessions;

    @Activate
    public MyBatisMonitoring(@Reference StoreComponent store) {
        this(store.sessions());
    }

    MyBatisMonitoring(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public long nextRoundId() {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(MonitoringMapper.class).nextRoundId();
        }
    }

    @Override
    public boolean insertRound(RoundState state, String scheduleKey, AuditEntry entry) {
        Round r = state.round();
        RoundRow row = new RoundRow();
        row.roundId = r.id();
        row.mofDivCode = r.mofDivCode().value();
        row.fiscalYear = r.fiscalYear().value();
        row.cutOff = r.cutOff();
        row.due = r.due();
        row.scheduled = r.scheduled() ? 1 : 0;
        row.scheduleKey = scheduleKey;
        row.status = r.status().name();
        row.ruleVersion = r.ruleVersion();
        row.mode = r.mode().name();
        row.total = r.total();
        row.startedCaller = state.starter().callerSystem();
        row.startedOperator = state.starter().operator();
        row.startedRoles = Rows.roles(state.starter());
        row.startedAt = r.startedAt().truncatedTo(ChronoUnit.MILLIS);
        try (SqlSession session = sessions.openSession(false)) {
            session.getMapper(MonitoringMapper.class).insertRound(row);
            AuditChainWriter.append(session, entry);
            session.commit();
            return true;
        } catch (PersistenceException e) {
            if (scheduleKey != null && Rows.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<RoundState> round(long roundId) {
        try (SqlSession session = sessions.openSession()) {
            return Optional.ofNullable(session.getMapper(MonitoringMapper.class).round(roundId))
                    .map(MonitoringRows::state);
        }
    }

    @Override
    public boolean active(MofDivCode mofDivCode, FiscalYear fiscalYear, LocalDate cutOff) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(MonitoringMapper.class).countActive(mofDivCode.value(), fiscalYear.value(),
                    cutOff) > 0;
        }
    }

    @Override
    public boolean claim(long roundId, String owner, Instant now, Instant staleBefore) {
        return update(m -> m.claim(roundId, owner, now, staleBefore)) == 1;
    }

    @Override
    public List<Long> runnable(Instant staleBefore) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(MonitoringMapper.class).runnable(staleBefore);
        }
    }

    @Override
    public boolean checkpoint(long roundId, String owner, String cursor, long total, long processed, long projects,
            Map<AlertLevel, Long> counts, long holds, Instant now) {
        RoundRow row = new RoundRow();
        row.roundId = roundId;
        row.owner = owner;
        row.cursorToken = cursor;
        row.total = total;
        row.processed = processed;
        row.projects = projects;
        row.nGreen = counts.getOrDefault(AlertLevel.GREEN, 0L);
        row.nBlue = counts.getOrDefault(AlertLevel.BLUE, 0L);
        row.nYellow = counts.getOrDefault(AlertLevel.YELLOW, 0L);
        row.nRed = counts.getOrDefault(AlertLevel.RED, 0L);
        row.holds = holds;
        row.heartbeatAt = now;
        return update(m -> m.checkpoint(row)) == 1;
    }

    @Override
    public boolean finish(long roundId, String owner, RoundStatus status, String error, Instant at, AuditEntry entry) {
        return updateAudited(m -> m.finish(roundId, owner, status.name(), error, at), entry);
    }

    @Override
    public boolean changeStatus(long roundId, Set<RoundStatus> from, RoundStatus to, Instant at, AuditEntry entry) {
        List<String> names = from.stream().map(Enum::name).toList();
        return updateAudited(m -> m.changeStatus(roundId, names, to.name(), at), entry);
    }

    @Override
    public Map<String, Alert> results(long roundId, boolean department, Collection<String> codes) {
        Map<String, Alert> found = new HashMap<>();
        List<String> all = new ArrayList<>(codes);
        try (SqlSession session = sessions.openSession()) {
            MonitoringMapper mapper = session.getMapper(MonitoringMapper.class);
            for (List<String> chunk : Rows.chunks(all, LOOKUP)) {
                mapper.results(roundId, department ? 1 : 0, chunk)
                        .forEach(r -> found.put(r.subjectCode, MonitoringRows.alert(r)));
            }
        }
        return found;
    }

    @Override
    public Optional<List<Alert>> insertResults(long roundId, String owner, List<Alert> results) {
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH, false)) {
            MonitoringMapper mapper = session.getMapper(MonitoringMapper.class);
            RoundRow round = mapper.lockRound(roundId);
            if (round == null || !owner.equals(round.owner) || !"RUNNING".equals(round.status)) {
                return Optional.empty();
            }
            Set<String> written = new HashSet<>();
            for (boolean department : new boolean[] {false, true}) {
                List<String> codes = results.stream().filter(a -> a.department() == department)
                        .map(MyBatisMonitoring::subject).toList();
                for (int i = 0; i < codes.size(); i += LOOKUP) {
                    mapper.results(roundId, department ? 1 : 0, codes.subList(i, Math.min(codes.size(), i + LOOKUP)))
                            .forEach(r -> written.add((r.isDept == 1 ? "D:" : "P:") + r.subjectCode));
                }
            }
            List<Alert> stored = new ArrayList<>(results.size());
            long next = 0;
            long end = 0;
            for (Alert a : results) {
                if (written.contains((a.department() ? "D:" : "P:") + subject(a))) {
                    continue;
                }
                if (next == end) {
                    next = mapper.nextResultBlock();
                    end = next + RESULT_BLOCK;
                }
                Alert withId = new Alert(next++, a.roundId(), a.mofDivCode(), a.fiscalYear(), a.proCode(),
                        a.agencyCode(), a.deptCode(), a.budgeted(), a.paid(), a.executionRate(), a.timeProgress(),
                        a.findings(), a.level(), a.consequences(), a.enforced(), a.holdId(), a.status(),
                        a.rectification(), a.createdAt().truncatedTo(ChronoUnit.MILLIS));
                mapper.insertResult(MonitoringRows.row(withId));
                stored.add(withId);
            }
            session.flushStatements();
            session.commit();
            return Optional.of(stored);
        }
    }

    private static String subject(Alert a) {
        return a.department() ? a.deptCode() : a.proCode().value();
    }

    @Override
    public boolean renew(long roundId, String owner, Instant now) {
        return update(m -> m.renew(roundId, owner, now)) == 1;
    }

    @Override
    public ResultCounts countResults(long roundId) {
        try (SqlSession session = sessions.openSession()) {
            long projects = 0;
            Map<AlertLevel, Long> levels = new EnumMap<>(AlertLevel.class);
            for (io.jixiao.store.internal.mapper.LevelCount c
                    : session.getMapper(MonitoringMapper.class).countResults(roundId)) {
                if (c.isDept == 0) {
                    projects += c.n;
                }
                levels.merge(AlertLevel.valueOf(c.alertLevel), c.n, Long::sum);
            }
            return new ResultCounts(projects, levels);
        }
    }

    @Override
    public void linkHold(long alertId, long holdId) {
        update(m -> m.linkHold(alertId, holdId));
    }

    @Override
    public Optional<Alert> alert(long alertId) {
        try (SqlSession session = sessions.openSession()) {
            return Optional.ofNullable(session.getMapper(MonitoringMapper.class).result(alertId))
                    .map(MonitoringRows::alert);
        }
    }

    @Override
    public AlertPage alerts(long roundId, AlertLevel minLevel, long afterId, int limit, Set<String> agencies) {
        try (SqlSession session = sessions.openSession()) {
            List<ResultRow> rows = session.getMapper(MonitoringMapper.class).page(roundId, minLevel.ordinal(),
                    afterId, limit + 1, agencies.isEmpty() ? null : agencies);
            List<Alert> alerts = rows.stream().limit(limit).map(MonitoringRows::alert).toList();
            Long next = rows.size() > limit ? alerts.get(alerts.size() - 1).id() : null;
            return new AlertPage(alerts, next);
        }
    }

    @Override
    public boolean changeAlert(Alert from, Alert to, AuditEntry entry) {
        return updateAudited(m -> m.changeResult(from.id(), from.status().name(), to.status().name(),
                to.rectification()), entry);
    }

    @Override
    public List<DepartmentTotal> departmentTotals(long roundId) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(MonitoringMapper.class).departmentTotals(roundId).stream()
                    .map(r -> new DepartmentTotal(r.deptCode, r.budgeted.setScale(2), r.paid.setScale(2))).toList();
        }
    }

    @Override
    public void saveReport(UnitReport report, AuditEntry entry) {
        ReportRow key = MonitoringRows.reportKey(report.mofDivCode(), report.fiscalYear(), report.cutOff(),
                report.proCode());
        try (SqlSession session = sessions.openSession(false)) {
            MonitoringMapper mapper = session.getMapper(MonitoringMapper.class);
            mapper.deleteReportKpis(key);
            mapper.deleteReport(key);
            key.worst = report.worst().name();
            key.late = report.late() ? 1 : 0;
            key.submittedBy = report.submittedBy();
            key.submittedAt = report.submittedAt().truncatedTo(ChronoUnit.MILLIS);
            mapper.insertReport(key);
            int seq = 0;
            for (IndicatorProgress p : report.indicators()) {
                ReportRow kpi = MonitoringRows.reportKey(report.mofDivCode(), report.fiscalYear(), report.cutOff(),
                        report.proCode());
                kpi.seq = ++seq;
                kpi.name = p.name();
                kpi.valueToDate = p.valueToDate();
                kpi.forecast = p.forecast().name();
                kpi.deviationReason = p.deviationReason().isEmpty() ? null : p.deviationReason();
                kpi.measure = p.measure().isEmpty() ? null : p.measure();
                mapper.insertReportKpi(kpi);
            }
            AuditChainWriter.append(session, entry);
            session.commit();
        }
    }

    @Override
    public Optional<UnitReport> report(MofDivCode mofDivCode, FiscalYear fiscalYear, LocalDate cutOff,
            ProCode proCode) {
        try (SqlSession session = sessions.openSession()) {
            List<ReportRow> rows = session.getMapper(MonitoringMapper.class)
                    .report(MonitoringRows.reportKey(mofDivCode, fiscalYear, cutOff, proCode));
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            ReportRow head = rows.get(0);
            List<IndicatorProgress> indicators = rows.stream().map(r -> new IndicatorProgress(r.name, r.valueToDate,
                    Forecast.valueOf(r.forecast), r.deviationReason, r.measure)).toList();
            return Optional.of(new UnitReport(mofDivCode, fiscalYear, cutOff, proCode, indicators, head.submittedBy,
                    head.submittedAt, head.late == 1));
        }
    }

    @Override
    public Map<ProCode, ReportSummary> reports(MofDivCode mofDivCode, FiscalYear fiscalYear, LocalDate cutOff,
            Collection<ProCode> proCodes) {
        Map<ProCode, ReportSummary> found = new HashMap<>();
        List<String> all = proCodes.stream().map(ProCode::value).toList();
        try (SqlSession session = sessions.openSession()) {
            MonitoringMapper mapper = session.getMapper(MonitoringMapper.class);
            for (int i = 0; i < all.size(); i += LOOKUP) {
                mapper.reports(mofDivCode.value(), fiscalYear.value(), cutOff,
                        all.subList(i, Math.min(all.size(), i + LOOKUP))).forEach(r -> found.put(ProCode.of(r.proCode),
                                new ReportSummary(Forecast.valueOf(r.worst), r.late == 1)));
            }
        }
        return found;
    }

    /** A conditional update of one row and its audit row, in one transaction; false if no row matched. */
    private boolean updateAudited(java.util.function.ToIntFunction<MonitoringMapper> statement, AuditEntry entry) {
        try (SqlSession session = sessions.openSession(false)) {
            if (statement.applyAsInt(session.getMapper(MonitoringMapper.class)) != 1) {
                return false;
            }
            AuditChainWriter.append(session, entry);
            session.commit();
            return true;
        }
    }

    private int update(java.util.function.ToIntFunction<MonitoringMapper> statement) {
        try (SqlSession session = sessions.openSession(false)) {
            int n = statement.applyAsInt(session.getMapper(MonitoringMapper.class));
            session.commit();
            return n;
        }
    }
}
