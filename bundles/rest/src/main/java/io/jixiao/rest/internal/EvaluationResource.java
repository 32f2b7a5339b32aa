package io.jixiao.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jixiao.api.evaluation.Adjustment;
import io.jixiao.api.evaluation.AdjustmentStatus;
import io.jixiao.api.evaluation.ApplicationRun;
import io.jixiao.api.evaluation.Assigned;
import io.jixiao.api.evaluation.CriterionEntry;
import io.jixiao.api.evaluation.EvaluationKind;
import io.jixiao.api.evaluation.EvaluationService;
import io.jixiao.api.evaluation.EvaluationTask;
import io.jixiao.api.evaluation.IndicatorEntry;
import io.jixiao.api.evaluation.Submission;
import io.jixiao.api.evaluation.IndicatorScore;
import io.jixiao.api.evaluation.Scorecard;
import io.jixiao.api.evaluation.TaskStatus;
import io.jixiao.api.evaluation.WhatIf;
import io.jixiao.api.evaluation.YearClosed;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Violations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
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
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Evaluation over REST: the final-accounts close, the tasks it opens, the units' scores and the scorecards. */
@Path("evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class)
public final class EvaluationResource implements RestResource {
    private static final String TASK_ID = "TASK_ID";
    private static final int MAX_INDICATORS = 200;
    private final EvaluationService evaluations;

    @Activate
    public EvaluationResource(@Reference EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    /** POST /evaluations/year-closings. */
    static final class YearCloseJson {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FISCAL_YEAR") public Integer fiscalYear;
        @JsonProperty("AGENCY_CODE") public String agencyCode;
        @JsonProperty("OPERATOR") public String operator;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class YearClosedJson {
        @JsonProperty("OPENED") public List<TaskJson> opened;
        @JsonProperty("ALREADY_OPEN") public int alreadyOpen;
        @JsonProperty("WITHOUT_GOAL") public List<String> withoutGoal;
        @JsonProperty("WHOLE_WITHOUT_GOAL") public Boolean wholeWithoutGoal;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class TaskJson {
        @JsonProperty("TASK_ID") public long taskId;
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FISCAL_YEAR") public int fiscalYear;
        @JsonProperty("AGENCY_CODE") public String agencyCode;
        @JsonProperty("PRO_CODE") public String proCode;
        @JsonProperty("KIND") public String kind;
        @JsonProperty("GOAL_ID") public long goalId;
        @JsonProperty("GOAL_VERSION") public int goalVersion;
        @JsonProperty("BUDGET_AMT") public BigDecimal budget;
        @JsonProperty("SPENT_AMT") public BigDecimal spent;
        @JsonProperty("STATUS") public String status;
        @JsonProperty("OPENED_AT") public String openedAt;
        @JsonProperty("SUBMITTED_BY") public String submittedBy;
        @JsonProperty("SUBMITTED_AT") public String submittedAt;
        @JsonProperty("TOTAL") public BigDecimal total;
        @JsonProperty("GRADE") public String grade;
        @JsonProperty("RULE_VERSION") public String ruleVersion;
        @JsonProperty("DUE") public String due;
        @JsonProperty("OVERDUE") public boolean overdue;
        @JsonProperty("EVALUATOR") public String evaluator;
        @JsonProperty("SELF_TOTAL") public BigDecimal selfTotal;
        @JsonProperty("GAP") public BigDecimal gap;
        @JsonProperty("GAP_FLAGGED") public Boolean gapFlagged;

        static TaskJson of(EvaluationTask t) {
            TaskJson j = new TaskJson();
            j.taskId = t.taskId();
            j.mofDivCode = t.mofDivCode().value();
            j.fiscalYear = t.fiscalYear().value();
            j.agencyCode = t.agencyCode().value();
            j.proCode = t.proCode().value();
            j.kind = t.kind().name();
            j.goalId = t.goalId();
            j.goalVersion = t.goalVersion();
            j.budget = t.budget().yuan();
            j.spent = t.spent().yuan();
            j.status = t.status().name();
            j.openedAt = t.openedAt().toString();
            j.submittedBy = t.submittedBy();
            j.submittedAt = t.submittedAt() == null ? null : t.submittedAt().toString();
            j.total = t.total();
            j.grade = t.grade() == null ? null : t.grade().name();
            j.ruleVersion = t.ruleVersion();
            j.due = t.due() == null ? null : t.due().toString();
            j.overdue = t.overdue(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
            j.evaluator = t.evaluator();
            j.selfTotal = t.selfTotal();
            j.gap = t.gap();
            j.gapFlagged = t.gapFlagged();
            return j;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class TaskPageJson {
        @JsonProperty("TASKS") public List<TaskJson> tasks;
        /** The next page's {@code AFTER}: the one paging vocabulary. */
        @JsonProperty("NEXT_AFTER") public Long nextAfter;
        /** @deprecated the same as {@code NEXT_AFTER}, kept for one release */
        @Deprecated @JsonProperty("NEXT") public Long next;
    }

    /** One indicator line of POST /evaluations/tasks/{id}/self-evaluation. */
    static final class EntryJson {
        @JsonProperty("LINE") public Integer line;
        @JsonProperty("ACTUAL") public BigDecimal actual;
        @JsonProperty("ACHIEVEMENT") public String achievement;
        @JsonProperty("PERCENT") public BigDecimal percent;
        @JsonProperty("DEVIATION_REASON") public String deviationReason;
    }

    /** One decision or process criterion of POST /evaluations/tasks/{id}/evaluation (key evaluations). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class CriterionJson {
        @JsonProperty("PART") public String part;
        @JsonProperty("NAME") public String name;
        @JsonProperty("POINTS") public BigDecimal points;
        @JsonProperty("SCORE") public BigDecimal score;
        @JsonProperty("WEIGHT") public BigDecimal weight;
        @JsonProperty("EARNED") public BigDecimal earned;
    }

    static final class SelfEvaluationJson {
        @JsonProperty("INDICATORS") public List<EntryJson> indicators;
        @JsonProperty("CRITERIA") public List<CriterionJson> criteria;
        @JsonProperty("OPERATOR") public String operator;
    }

    /** POST /evaluations/assignments. */
    static final class AssignJson {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FISCAL_YEAR") public Integer fiscalYear;
        @JsonProperty("KIND") public String kind;
        @JsonProperty("PRO_CODES") public List<String> proCodes;
        @JsonProperty("EVALUATOR") public String evaluator;
        @JsonProperty("OPERATOR") public String operator;
    }

    static final class AssignedJson {
        @JsonProperty("OPENED") public List<TaskJson> opened;
        @JsonProperty("ALREADY_ASSIGNED") public int alreadyAssigned;
        @JsonProperty("NOT_EVALUABLE") public List<String> notEvaluable;
        @JsonProperty("SAMPLE") public String sample;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class LineJson {
        @JsonProperty("LINE") public int line;
        @JsonProperty("LEVEL1") public String level1;
        @JsonProperty("LEVEL2") public String level2;
        @JsonProperty("KPI_CONTENT") public String name;
        @JsonProperty("COMPUTESIGN") public String sign;
        @JsonProperty("TARGET") public String target;
        @JsonProperty("UNIT") public String unit;
        @JsonProperty("ACTUAL") public BigDecimal actual;
        @JsonProperty("ACHIEVEMENT") public String achievement;
        @JsonProperty("PERCENT") public BigDecimal percent;
        @JsonProperty("WEIGHT") public BigDecimal weight;
        @JsonProperty("MET") public boolean met;
        @JsonProperty("POINTS") public BigDecimal points;
        @JsonProperty("DEVIATION_REASON") public String deviationReason;
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    static final class ScorecardJson {
        @JsonProperty("TASK_ID") public long taskId;
        @JsonProperty("INDICATORS") public List<LineJson> indicators;
        @JsonProperty("CRITERIA") public List<CriterionJson> criteria;
        @JsonProperty("BUDGET_AMT") public BigDecimal budget;
        @JsonProperty("SPENT_AMT") public BigDecimal spent;
        @JsonProperty("EXECUTION_RATE") public BigDecimal executionRate;
        @JsonProperty("EXECUTION_POINTS") public BigDecimal executionPoints;
        @JsonProperty("TOTAL") public BigDecimal total;
        @JsonProperty("GRADE") public String grade;
        @JsonProperty("GRADE_ZH") public String gradeChinese;
        @JsonProperty("RULE_VERSION") public String ruleVersion;

        static ScorecardJson of(long taskId, Scorecard card) {
            ScorecardJson j = new ScorecardJson();
            j.taskId = taskId;
            j.indicators = new ArrayList<>();
            int n = 0;
            for (IndicatorScore s : card.indicators()) {
                LineJson l = new LineJson();
                l.line = ++n;
                l.level1 = s.entry().indicator().level1().name();
                l.level2 = s.entry().indicator().level2().name();
                l.name = s.entry().indicator().name();
                l.sign = s.entry().indicator().sign().name();
                l.target = s.entry().indicator().target();
                l.unit = s.entry().indicator().unit().isEmpty() ? null : s.entry().indicator().unit();
                l.actual = s.entry().actual();
                l.achievement = s.entry().achievement() == null ? null : s.entry().achievement().name();
                l.percent = s.entry().percent();
                l.weight = s.weight().setScale(2, RoundingMode.HALF_UP);
                l.met = s.met();
                l.points = s.shownPoints();
                l.deviationReason = s.entry().deviationReason().isEmpty() ? null : s.entry().deviationReason();
                j.indicators.add(l);
            }
            j.criteria = new ArrayList<>();
            for (io.jixiao.api.evaluation.CriterionScore c : card.criteria()) {
                CriterionJson cj = new CriterionJson();
                cj.part = c.entry().part().name();
                cj.name = c.entry().name();
                cj.points = c.entry().points();
                cj.score = c.entry().score();
                cj.weight = c.weight().setScale(2, RoundingMode.HALF_UP);
                cj.earned = c.shownPoints();
                j.criteria.add(cj);
            }
            j.budget = card.execution().budget().yuan();
            j.spent = card.execution().spent().yuan();
            j.executionRate = card.execution().ratePercent();
            j.executionPoints = card.execution().points().setScale(2, RoundingMode.HALF_UP);
            j.total = card.total();
            j.grade = card.grade().name();
            j.gradeChinese = card.grade().chinese();
            j.ruleVersion = card.ruleVersion();
            return j;
        }
    }

    @POST
    @Path("year-closings")
    @Consumes(MediaType.APPLICATION_JSON)
    public YearClosedJson closeYear(YearCloseJson body, @Context SecurityContext caller) {
        YearCloseJson r = RequestBodies.required(body);
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(r.mofDivCode));
        FiscalYear year = FiscalYear.from(v, r.fiscalYear);
        AgencyCode agency = v.check(() -> AgencyCode.of(r.agencyCode));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        YearClosed closed = evaluations.closeYear(region, year, agency, actor);
        YearClosedJson j = new YearClosedJson();
        j.opened = closed.opened().stream().map(TaskJson::of).toList();
        j.alreadyOpen = closed.alreadyOpen();
        j.withoutGoal = closed.withoutGoal();
        j.wholeWithoutGoal = closed.wholeWithoutGoal() ? Boolean.TRUE : null;
        return j;
    }


    @POST
    @Path("assignments")
    @Consumes(MediaType.APPLICATION_JSON)
    public AssignedJson assign(AssignJson body, @Context SecurityContext caller) {
        AssignJson r = RequestBodies.required(body);
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(r.mofDivCode));
        FiscalYear year = FiscalYear.from(v, r.fiscalYear);
        EvaluationKind kind = v.oneOf("KIND", r.kind, EvaluationKind.class);
        List<ProCode> projects = r.proCodes == null ? List.of() : v.values("PRO_CODES", r.proCodes, ProCode::of);
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        Assigned assigned = evaluations.assign(region, year, kind, projects, r.evaluator, actor);
        AssignedJson j = new AssignedJson();
        j.opened = assigned.opened().stream().map(TaskJson::of).toList();
        j.alreadyAssigned = assigned.alreadyAssigned();
        j.notEvaluable = assigned.notEvaluable();
        j.sample = assigned.sample();
        return j;
    }

    private static final Set<String> TASK_PARAMETERS = Set.of("MOF_DIV_CODE", "FISCAL_YEAR", "AGENCY_CODE", "KIND",
            "STATUS", "AFTER", "LIMIT");

    @GET
    @Path("tasks")
    public TaskPageJson tasks(@Context UriInfo uri, @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, TASK_PARAMETERS);
        MultivaluedMap<String, String> p = uri.getQueryParameters();
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(p.getFirst("MOF_DIV_CODE")));
        FiscalYear year = v.check(() -> RequestBodies.fiscalYear(p.getFirst("FISCAL_YEAR")));
        AgencyCode agency = p.getFirst("AGENCY_CODE") == null ? null
                : v.check(() -> AgencyCode.of(p.getFirst("AGENCY_CODE")));
        EvaluationKind kind = p.getFirst("KIND") == null ? null
                : v.oneOf("KIND", p.getFirst("KIND"), EvaluationKind.class);
        TaskStatus status = p.getFirst("STATUS") == null ? null
                : v.oneOf("STATUS", p.getFirst("STATUS"), TaskStatus.class);
        Long after = RequestBodies.after(v, p);
        Integer limit = RequestBodies.limit(v, p);
        v.throwIfAny();
        List<EvaluationTask> tasks = evaluations.tasks(region, year, agency, kind, status, after, limit,
                AuthenticationFilter.Caller.of(caller).reader());
        TaskPageJson j = new TaskPageJson();
        j.tasks = tasks.stream().map(TaskJson::of).toList();
        j.nextAfter = tasks.size() == limit ? tasks.get(tasks.size() - 1).taskId() : null;
        j.next = j.nextAfter;
        return j;
    }

    @GET
    @Path("tasks/{taskId}")
    public TaskJson task(@PathParam("taskId") String taskId, @Context SecurityContext caller) {
        long id = RequestBodies.id(TASK_ID, taskId);
        return TaskJson.of(evaluations.task(id, AuthenticationFilter.Caller.of(caller).reader()));
    }

    /** A self-evaluation: the goal's indicator lines (a unit's form; {@code evaluation} takes every kind). */
    @POST
    @Idempotent
    @Path("tasks/{taskId}/self-evaluation")
    @Consumes(MediaType.APPLICATION_JSON)
    public ScorecardJson submitSelf(@PathParam("taskId") String taskId, SelfEvaluationJson body,
            @Context SecurityContext caller) {
        return submit(taskId, body, caller);
    }

    /** Any kind of evaluation: the goal's indicator lines, and a key evaluation's decision and process criteria. */
    @POST
    @Idempotent
    @Path("tasks/{taskId}/evaluation")
    @Consumes(MediaType.APPLICATION_JSON)
    public ScorecardJson submit(@PathParam("taskId") String taskId, SelfEvaluationJson body,
            @Context SecurityContext caller) {
        SelfEvaluationJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id(TASK_ID, taskId));
        Submission submission = Submission.from(v, r.indicators,
                (x, e) -> IndicatorEntry.from(x, e.line, e.actual, e.achievement, e.percent, e.deviationReason),
                r.criteria, (x, c) -> CriterionEntry.from(x, c.part, c.name, c.points, c.score));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return ScorecardJson.of(id, evaluations.submit(id, submission.indicators(), submission.criteria(), actor));
    }

    @GET
    @Path("tasks/{taskId}/scorecard")
    public ScorecardJson scorecard(@PathParam("taskId") String taskId, @Context SecurityContext caller) {
        long id = RequestBodies.id(TASK_ID, taskId);
        return ScorecardJson.of(id, evaluations.scorecard(id, AuthenticationFilter.Caller.of(caller).reader()));
    }

    /** POST /evaluations/result-applications. */
    static final class ApplyJson {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FISCAL_YEAR") public Integer fiscalYear;
        @JsonProperty("OPERATOR") public String operator;

        /** The request checked: a region, a year and the caller, every broken field named at once. */
        static RegionYearCall validated(ApplyJson body, SecurityContext caller) {
            ApplyJson r = RequestBodies.required(body);
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.mofDivCode));
            FiscalYear year = FiscalYear.from(v, r.fiscalYear);
            Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
            v.throwIfAny();
            return new RegionYearCall(region, year, java.util.Map.of(), actor);
        }
    }

    /** A checked request about a region's year: result applications and what-if (proposed rows, else empty). */
    record RegionYearCall(MofDivCode region, FiscalYear year, java.util.Map<String, String> policy, Actor actor) {
    }

    static final class RunJson {
        @JsonProperty("TARGET_YEAR") public int targetYear;
        @JsonProperty("RECORDED") public int recorded;
        @JsonProperty("APPLIED") public int applied;
        @JsonProperty("NOT_IN_DRAFT") public int notInDraft;
        @JsonProperty("PENDING") public int pending;
        @JsonProperty("CONFLICTS") public int conflicts;
        @JsonProperty("CHANGE_AMT") public BigDecimal change;

        static RunJson of(ApplicationRun run) {
            RunJson j = new RunJson();
            j.targetYear = run.targetYear();
            j.recorded = run.recorded();
            j.applied = run.applied();
            j.notInDraft = run.notInDraft();
            j.pending = run.pending();
            j.conflicts = run.conflicts();
            j.change = run.change().setScale(2);
            return j;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class AdjustmentJson {
        @JsonProperty("TASK_ID") public long taskId;
        @JsonProperty("CHANGE_ID") public String changeId;
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FISCAL_YEAR") public int evaluatedYear;
        @JsonProperty("TARGET_YEAR") public int targetYear;
        @JsonProperty("AGENCY_CODE") public String agencyCode;
        @JsonProperty("DEPT_CODE") public String deptCode;
        @JsonProperty("PRO_CODE") public String proCode;
        @JsonProperty("GRADE") public String grade;
        @JsonProperty("TOTAL") public BigDecimal total;
        @JsonProperty("ACTION") public String action;
        @JsonProperty("CUT_PERCENT") public BigDecimal cutPercent;
        @JsonProperty("REQUESTED_AMT") public BigDecimal requested;
        @JsonProperty("CHANGE_AMT") public BigDecimal change;
        @JsonProperty("POLICY") public String policy;
        @JsonProperty("STATUS") public String status;
        @JsonProperty("CREATED_BY") public String createdBy;
        @JsonProperty("CREATED_AT") public String createdAt;
        @JsonProperty("APPLIED_AT") public String appliedAt;

        static AdjustmentJson of(Adjustment a) {
            AdjustmentJson j = new AdjustmentJson();
            j.taskId = a.taskId();
            j.changeId = a.changeId();
            j.mofDivCode = a.mofDivCode().value();
            j.evaluatedYear = a.evaluatedYear().value();
            j.targetYear = a.targetYear().value();
            j.agencyCode = a.agencyCode().value();
            j.deptCode = a.deptCode();
            j.proCode = a.proCode().value();
            j.grade = a.grade().name();
            j.total = a.total();
            j.action = a.action().name();
            j.cutPercent = a.cutPercent();
            j.requested = a.requested();
            j.change = a.change();
            j.policy = a.policy();
            j.status = a.status().name();
            j.createdBy = a.createdBy();
            j.createdAt = a.createdAt().toString();
            j.appliedAt = a.appliedAt() == null ? null : a.appliedAt().toString();
            return j;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class AdjustmentPageJson {
        @JsonProperty("ADJUSTMENTS") public List<AdjustmentJson> adjustments;
        /** The next page's {@code AFTER}: the one paging vocabulary. */
        @JsonProperty("NEXT_AFTER") public Long nextAfter;
        /** @deprecated the same as {@code NEXT_AFTER}, kept for one release */
        @Deprecated @JsonProperty("NEXT") public Long next;
    }

    /** POST /evaluations/what-if. */
    static final class WhatIfRequestJson {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FISCAL_YEAR") public Integer fiscalYear;
        @JsonProperty("POLICY") public java.util.Map<String, String> policy;
        @JsonProperty("OPERATOR") public String operator;

        /** The request checked: a region, a year, at most 20 proposed rows and the caller. */
        static RegionYearCall validated(WhatIfRequestJson body, SecurityContext caller) {
            WhatIfRequestJson r = RequestBodies.required(body);
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.mofDivCode));
            FiscalYear year = FiscalYear.from(v, r.fiscalYear);
            if (r.policy != null && r.policy.size() > 20) {
                v.add("POLICY", "size", "has at most 20 rows");
            }
            Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
            v.throwIfAny();
            return new RegionYearCall(region, year, r.policy == null ? java.util.Map.of() : r.policy, actor);
        }
    }

    static final class TotalsJson {
        @JsonProperty("CODE") public String code;
        @JsonProperty("PROJECTS") public int projects;
        @JsonProperty("REQUESTED_AMT") public BigDecimal requested;
        @JsonProperty("CHANGE_AMT") public BigDecimal change;
        @JsonProperty("RESULT_AMT") public BigDecimal result;
        @JsonProperty("CUT") public int cut;

        static TotalsJson of(WhatIf.Totals t) {
            TotalsJson j = new TotalsJson();
            j.code = t.code();
            j.projects = t.projects();
            j.requested = t.requested();
            j.change = t.change();
            j.result = t.result();
            j.cut = t.cut();
            return j;
        }
    }

    static final class WhatIfJson {
        @JsonProperty("TARGET_YEAR") public int targetYear;
        @JsonProperty("POLICY_VERSION") public String policyVersion;
        @JsonProperty("REGION") public TotalsJson region;
        @JsonProperty("DEPARTMENTS") public List<TotalsJson> departments;
        @JsonProperty("NOT_IN_DRAFT") public int notInDraft;
        @JsonProperty("NOT_RECTIFIED") public int notRectified;
        @JsonProperty("REGION_IF_RECTIFIED") public TotalsJson regionIfRectified;
    }

    @POST
    @Idempotent
    @Path("result-applications")
    @Consumes(MediaType.APPLICATION_JSON)
    public RunJson applyResults(ApplyJson body, @Context SecurityContext caller) {
        RegionYearCall call = ApplyJson.validated(body, caller);
        return RunJson.of(evaluations.applyResults(call.region(), call.year(), call.actor()));
    }

    private static final Set<String> ADJUSTMENT_PARAMETERS = Set.of("MOF_DIV_CODE", "FISCAL_YEAR", "STATUS", "AFTER",
            "LIMIT");

    @GET
    @Path("adjustments")
    public AdjustmentPageJson adjustments(@Context UriInfo uri, @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, ADJUSTMENT_PARAMETERS);
        MultivaluedMap<String, String> p = uri.getQueryParameters();
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(p.getFirst("MOF_DIV_CODE")));
        FiscalYear year = v.check(() -> RequestBodies.fiscalYear(p.getFirst("FISCAL_YEAR")));
        AdjustmentStatus status = p.getFirst("STATUS") == null ? null
                : v.oneOf("STATUS", p.getFirst("STATUS"), AdjustmentStatus.class);
        Long after = RequestBodies.after(v, p);
        Integer limit = RequestBodies.limit(v, p);
        v.throwIfAny();
        List<Adjustment> page = evaluations.adjustments(region, year, status, after, limit,
                AuthenticationFilter.Caller.of(caller).reader());
        AdjustmentPageJson j = new AdjustmentPageJson();
        j.adjustments = page.stream().map(AdjustmentJson::of).toList();
        j.nextAfter = page.size() == limit ? page.get(page.size() - 1).taskId() : null;
        j.next = j.nextAfter;
        return j;
    }

    @POST
    @Path("what-if")
    @Consumes(MediaType.APPLICATION_JSON)
    public WhatIfJson whatIf(WhatIfRequestJson body, @Context SecurityContext caller) {
        RegionYearCall call = WhatIfRequestJson.validated(body, caller);
        WhatIf w = evaluations.whatIf(call.region(), call.year(), call.policy(), call.actor());
        WhatIfJson j = new WhatIfJson();
        j.targetYear = w.targetYear();
        j.policyVersion = w.policyVersion();
        j.region = TotalsJson.of(w.region());
        j.departments = w.departments().stream().map(TotalsJson::of).toList();
        j.notInDraft = w.notInDraft();
        j.notRectified = w.notRectified();
        j.regionIfRectified = TotalsJson.of(w.regionIfRectified());
        return j;
    }
}
