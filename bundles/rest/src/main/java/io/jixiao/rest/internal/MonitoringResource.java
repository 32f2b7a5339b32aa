package io.jixiao.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Violations;
import io.jixiao.api.monitoring.Alert;
import io.jixiao.api.monitoring.AlertLevel;
import io.jixiao.api.monitoring.AlertPage;
import io.jixiao.api.monitoring.IndicatorProgress;
import io.jixiao.api.monitoring.MonitoringService;
import io.jixiao.api.monitoring.Round;
import io.jixiao.api.monitoring.RoundRequest;
import io.jixiao.api.monitoring.UnitReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Dual monitoring over REST: rounds, their results, units' reports, rectification and release. */
@Path("monitoring")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class)
public final class MonitoringResource implements RestResource {
    private static final String ROUND_ID = "ROUND_ID";
    private static final String ALERT_ID = "ALERT_ID";
    private final MonitoringService monitoring;

    @Activate
    public MonitoringResource(@Reference MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    /** POST /monitoring/rounds. */
    static final class RoundRequestJson {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FISCAL_YEAR") public Integer fiscalYear;
        @JsonProperty("CUT_OFF") public String cutOff;
        @JsonProperty("DUE") public String due;
        @JsonProperty("OPERATOR") public String operator;
    }

    /** POST /monitoring/rounds/{id}/cancel and /resume. */
    static final class OperatorJson {
        @JsonProperty("OPERATOR") public String operator;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class RoundJson {
        @JsonProperty("ROUND_ID") public long roundId;
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FISCAL_YEAR") public int fiscalYear;
        @JsonProperty("CUT_OFF") public String cutOff;
        @JsonProperty("DUE") public String due;
        @JsonProperty("SCHEDULED") public boolean scheduled;
        @JsonProperty("STATUS") public String status;
        @JsonProperty("PERCENT") public int percent;
        @JsonProperty("TOTAL") public Long total;
        @JsonProperty("PROCESSED") public long processed;
        @JsonProperty("PROJECTS") public long projects;
        @JsonProperty("LEVELS") public Map<String, Long> levels;
        @JsonProperty("HOLDS") public long holds;
        @JsonProperty("MODE") public String mode;
        @JsonProperty("RULE_VERSION") public String ruleVersion;
        @JsonProperty("ERROR") public String error;
        @JsonProperty("STARTED_BY") public String startedBy;
        @JsonProperty("STARTED_AT") public String startedAt;
        @JsonProperty("FINISHED_AT") public String finishedAt;

        static RoundJson of(Round r) {
            RoundJson j = new RoundJson();
            j.roundId = r.id();
            j.mofDivCode = r.mofDivCode().value();
            j.fiscalYear = r.fiscalYear().value();
            j.cutOff = r.cutOff().toString();
            j.due = r.due() == null ? null : r.due().toString();
            j.scheduled = r.scheduled();
            j.status = r.status().name();
            j.percent = r.percent();
            j.total = r.total() < 0 ? null : r.total();
            j.processed = r.processed();
            j.projects = r.projects();
            j.levels = new LinkedHashMap<>();
            r.counts().forEach((level, n) -> j.levels.put(level.name(), n));
            j.holds = r.holds();
            j.mode = r.mode().name();
            j.ruleVersion = r.ruleVersion();
            j.error = r.error();
            j.startedBy = r.startedBy();
            j.startedAt = r.startedAt().toString();
            j.finishedAt = r.finishedAt() == null ? null : r.finishedAt().toString();
            return j;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class AlertJson {
        @JsonProperty("ALERT_ID") public long alertId;
        @JsonProperty("ROUND_ID") public long roundId;
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FISCAL_YEAR") public int fiscalYear;
        @JsonProperty("SUBJECT") public String subject;
        @JsonProperty("PRO_CODE") public String proCode;
        @JsonProperty("AGENCY_CODE") public String agencyCode;
        @JsonProperty("DEPT_CODE") public String deptCode;
        @JsonProperty("BUDGET_AMT") public BigDecimal budgeted;
        @JsonProperty("PAID_AMT") public BigDecimal paid;
        @JsonProperty("EXECUTION_RATE") public BigDecimal executionRate;
        @JsonProperty("TIME_PROGRESS") public BigDecimal timeProgress;
        @JsonProperty("LEVEL") public String level;
        @JsonProperty("FINDINGS") public List<String> findings;
        @JsonProperty("CONSEQUENCES") public List<String> consequences;
        @JsonProperty("ENFORCED") public boolean enforced;
        @JsonProperty("HOLD_ID") public Long holdId;
        @JsonProperty("STATUS") public String status;
        @JsonProperty("RECTIFICATION") public String rectification;
        @JsonProperty("CREATED_AT") public String createdAt;

        static AlertJson of(Alert a) {
            AlertJson j = new AlertJson();
            j.alertId = a.id();
            j.roundId = a.roundId();
            j.mofDivCode = a.mofDivCode().value();
            j.fiscalYear = a.fiscalYear().value();
            j.subject = a.department() ? "DEPARTMENT" : "PROJECT";
            j.proCode = a.proCode() == null ? null : a.proCode().value();
            j.agencyCode = a.agencyCode() == null ? null : a.agencyCode().value();
            j.deptCode = a.deptCode();
            j.budgeted = a.budgeted();
            j.paid = a.paid();
            j.executionRate = a.executionRate();
            j.timeProgress = a.timeProgress();
            j.level = a.level().name();
            j.findings = a.findings().stream().map(Enum::name).toList();
            j.consequences = a.consequences().stream().map(Enum::name).toList();
            j.enforced = a.enforced();
            j.holdId = a.holdId();
            j.status = a.status().name();
            j.rectification = a.rectification();
            j.createdAt = a.createdAt().toString();
            return j;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class AlertPageJson {
        @JsonProperty("ROUND_ID") public long roundId;
        @JsonProperty("ALERTS") public List<AlertJson> alerts;
        /** The next page's {@code AFTER}: the one paging vocabulary. */
        @JsonProperty("NEXT_AFTER") public Long nextAfter;
        /** @deprecated the same as {@code NEXT_AFTER}, kept for one release */
        @Deprecated @JsonProperty("NEXT") public Long next;
    }

    /** POST /monitoring/alerts/{id}/rectification and /release. */
    static final class AlertActionJson {
        @JsonProperty("REASON") public String reason;
        @JsonProperty("OPERATOR") public String operator;
    }

    /** One indicator of POST /monitoring/reports. */
    static final class IndicatorJson {
        @JsonProperty("KPI_CONTENT") public String name;
        @JsonProperty("KPI_VAL_TODATE") public String valueToDate;
        @JsonProperty("FORECAST") public String forecast;
        @JsonProperty("DEVIATION_REASON") public String deviationReason;
        @JsonProperty("MEASURE") public String measure;
    }

    /** POST /monitoring/reports, and its answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class ReportJson {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FISCAL_YEAR") public Integer fiscalYear;
        @JsonProperty("CUT_OFF") public String cutOff;
        @JsonProperty("PRO_CODE") public String proCode;
        @JsonProperty("INDICATORS") public List<IndicatorJson> indicators;
        @JsonProperty("OPERATOR") public String operator;
        @JsonProperty("WORST") public String worst;
        @JsonProperty("LATE") public Boolean late;
        @JsonProperty("SUBMITTED_BY") public String submittedBy;
        @JsonProperty("SUBMITTED_AT") public String submittedAt;

        static ReportJson of(UnitReport r) {
            ReportJson j = new ReportJson();
            j.mofDivCode = r.mofDivCode().value();
            j.fiscalYear = r.fiscalYear().value();
            j.cutOff = r.cutOff().toString();
            j.proCode = r.proCode().value();
            j.indicators = r.indicators().stream().map(p -> {
                IndicatorJson i = new IndicatorJson();
                i.name = p.name();
                i.valueToDate = p.valueToDate();
                i.forecast = p.forecast().name();
                i.deviationReason = p.deviationReason().isEmpty() ? null : p.deviationReason();
                i.measure = p.measure().isEmpty() ? null : p.measure();
                return i;
            }).toList();
            j.worst = r.worst().name();
            j.late = r.late();
            j.submittedBy = r.submittedBy();
            j.submittedAt = r.submittedAt() == null ? null : r.submittedAt().toString();
            return j;
        }

        UnitReport report(Violations v) {
            LocalDate cut = RequestBodies.date(v, "CUT_OFF", cutOff, false);
            return UnitReport.from(v, mofDivCode, fiscalYear, cut, proCode, indicators,
                    (x, in) -> IndicatorProgress.from(x, in.name, in.valueToDate, in.forecast, in.deviationReason,
                            in.measure));
        }
    }

    @POST
    @Idempotent
    @Path("rounds")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(RoundRequestJson body, @Context UriInfo uri, @Context SecurityContext caller) {
        RoundRequestJson r = RequestBodies.required(body);
        Violations v = new Violations();
        LocalDate cutOff = RequestBodies.date(v, "CUT_OFF", r.cutOff, false);
        LocalDate due = RequestBodies.date(v, "DUE", r.due, false);
        RoundRequest request = RoundRequest.from(v, r.mofDivCode, r.fiscalYear, cutOff, due);
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        Round round = monitoring.start(request, actor);
        return Response.accepted(RoundJson.of(round)).location(uri.getAbsolutePathBuilder()
                .path(Long.toString(round.id())).build()).build();
    }

    @GET
    @Path("rounds/{roundId}")
    public RoundJson round(@PathParam("roundId") String roundId, @Context SecurityContext caller) {
        long id = RequestBodies.id(ROUND_ID, roundId);
        return RoundJson.of(monitoring.round(id, AuthenticationFilter.Caller.of(caller).reader())
                .orElseThrow(() -> new NotFoundException("no monitoring round " + id)));
    }

    @POST
    @Idempotent
    @Path("rounds/{roundId}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public RoundJson cancel(@PathParam("roundId") String roundId, OperatorJson body, @Context SecurityContext caller) {
        OperatorJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id(ROUND_ID, roundId));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return RoundJson.of(monitoring.cancel(id, actor));
    }

    @POST
    @Idempotent
    @Path("rounds/{roundId}/resume")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resume(@PathParam("roundId") String roundId, OperatorJson body, @Context SecurityContext caller) {
        OperatorJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id(ROUND_ID, roundId));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return Response.accepted(RoundJson.of(monitoring.resume(id, actor))).build();
    }

    private static final Set<String> ALERT_PARAMETERS = Set.of("MIN_LEVEL", "AFTER", "LIMIT");

    @GET
    @Path("rounds/{roundId}/alerts")
    public AlertPageJson alerts(@PathParam("roundId") String roundId, @Context UriInfo uri,
            @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, ALERT_PARAMETERS);
        MultivaluedMap<String, String> p = uri.getQueryParameters();
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id(ROUND_ID, roundId));
        AlertLevel min = p.getFirst("MIN_LEVEL") == null ? AlertLevel.BLUE
                : v.oneOf("MIN_LEVEL", p.getFirst("MIN_LEVEL"), AlertLevel.class);
        Long after = RequestBodies.after(v, p);
        Integer limit = RequestBodies.limit(v, p);
        v.throwIfAny();
        AlertPage page = monitoring.alerts(id, min, after, limit,
                AuthenticationFilter.Caller.of(caller).reader());
        AlertPageJson j = new AlertPageJson();
        j.roundId = id;
        j.alerts = page.alerts().stream().map(AlertJson::of).toList();
        j.nextAfter = page.next();
        j.next = j.nextAfter;
        return j;
    }

    @GET
    @Path("alerts/{alertId}")
    public AlertJson alert(@PathParam("alertId") String alertId, @Context SecurityContext caller) {
        long id = RequestBodies.id(ALERT_ID, alertId);
        return AlertJson.of(monitoring.alert(id, AuthenticationFilter.Caller.of(caller).reader())
                .orElseThrow(() -> new NotFoundException("no alert " + id)));
    }

    @POST
    @Idempotent
    @Path("alerts/{alertId}/rectification")
    @Consumes(MediaType.APPLICATION_JSON)
    public AlertJson rectify(@PathParam("alertId") String alertId, AlertActionJson body,
            @Context SecurityContext caller) {
        AlertActionJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id(ALERT_ID, alertId));
        Reason account = v.check(() -> Reason.of(r.reason));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return AlertJson.of(monitoring.rectify(id, account, actor));
    }

    @POST
    @Idempotent
    @Path("alerts/{alertId}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    public AlertJson release(@PathParam("alertId") String alertId, AlertActionJson body,
            @Context SecurityContext caller) {
        AlertActionJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id(ALERT_ID, alertId));
        Reason reason = v.check(() -> Reason.of(r.reason));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return AlertJson.of(monitoring.release(id, reason, actor));
    }

    @POST
    @Idempotent
    @Path("reports")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportJson report(ReportJson body, @Context SecurityContext caller) {
        ReportJson r = RequestBodies.required(body);
        Violations v = new Violations();
        UnitReport report = r.report(v);
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return ReportJson.of(monitoring.report(report, actor));
    }

    /** POST /monitoring/reports/imports: the answer. */
    static final class ImportedJson {
        @JsonProperty("COUNT") public int count;
        @JsonProperty("REPORTS") public List<ReportJson> reports;
    }

    /**
     * POST /monitoring/reports/imports: the monitoring form (绩效监控情况表, .xlsx or CSV) is the body; region, year and
     * cut-off in the query. All projects of the form are stored, or none.
     */
    @POST
    @Path("reports/imports")
    @Consumes(MediaType.WILDCARD)
    public ImportedJson importReports(java.io.InputStream body, @Context UriInfo uri,
            @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, Set.of(MofDivCode.FIELD, FiscalYear.FIELD, "CUT_OFF", "CHARSET",
                "OPERATOR"));
        MultivaluedMap<String, String> p = uri.getQueryParameters();
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(p.getFirst(MofDivCode.FIELD)));
        FiscalYear fiscalYear = v.check(() -> RequestBodies.fiscalYear(p.getFirst(FiscalYear.FIELD)));
        LocalDate cutOff = RequestBodies.date(v, "CUT_OFF", p.getFirst("CUT_OFF"), true);
        java.nio.charset.Charset charset = v.optional(p.getFirst("CHARSET"), RequestBodies::charset);
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(p.getFirst("OPERATOR")));
        v.throwIfAny();
        List<UnitReport> stored = monitoring.importReports(region, fiscalYear, cutOff, RequestBodies.spool(body),
                charset == null ? java.nio.charset.StandardCharsets.UTF_8 : charset, actor);
        ImportedJson out = new ImportedJson();
        out.count = stored.size();
        out.reports = stored.stream().map(r -> {
            ReportJson j = ReportJson.of(r);
            j.indicators = null;
            return j;
        }).toList();
        return out;
    }

    private static final Set<String> REPORT_PARAMETERS = Set.of(MofDivCode.FIELD, FiscalYear.FIELD, "CUT_OFF",
            ProCode.FIELD);

    @GET
    @Path("reports")
    public ReportJson readReport(@Context UriInfo uri, @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, REPORT_PARAMETERS);
        MultivaluedMap<String, String> p = uri.getQueryParameters();
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(p.getFirst(MofDivCode.FIELD)));
        FiscalYear fiscalYear = v.check(() -> RequestBodies.fiscalYear(p.getFirst(FiscalYear.FIELD)));
        LocalDate cutOff = RequestBodies.date(v, "CUT_OFF", p.getFirst("CUT_OFF"), true);
        ProCode project = v.check(() -> ProCode.of(p.getFirst(ProCode.FIELD)));
        v.throwIfAny();
        return ReportJson.of(monitoring.report(region, fiscalYear, cutOff, project,
                AuthenticationFilter.Caller.of(caller).reader())
                .orElseThrow(() -> new NotFoundException("no report for " + project + " to " + cutOff)));
    }
}
