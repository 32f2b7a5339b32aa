package io.jixiao.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jixiao.api.evaluation.ComprehensiveEvaluationService;
import io.jixiao.api.evaluation.RegionCriterion;
import io.jixiao.api.evaluation.RegionEvaluation;
import io.jixiao.api.evaluation.RegionScorecard;
import io.jixiao.api.evaluation.TransferAdjustment;
import io.jixiao.api.evaluation.TransferWhatIf;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Violations;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
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

/**
 * Comprehensive evaluation of lower governments over REST (对下级政府财政运行综合绩效评价): opening, scoring, and the
 * write-back of the grades into the transfer payments of the next open budget year.
 */
@Path("evaluations/comprehensive")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class)
public final class ComprehensiveEvaluationResource implements RestResource {
    private static final String EVALUATION_ID = "EVALUATION_ID";
    private static final Set<String> YEAR_PARAMETERS = Set.of("MOF_DIV_CODE", "FISCAL_YEAR");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final ComprehensiveEvaluationService evaluations;

    @Activate
    public ComprehensiveEvaluationResource(@Reference ComprehensiveEvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    static final class OpenJson {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FISCAL_YEAR") public Integer fiscalYear;
        @JsonProperty("MOF_DIV_CODES") public List<String> subjects;
        @JsonProperty("EVALUATOR") public String evaluator;
        @JsonProperty("DUE") public String due;
        @JsonProperty("OPERATOR") public String operator;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class EvaluationJson {
        @JsonProperty("EVALUATION_ID") public long evaluationId;
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FISCAL_YEAR") public int fiscalYear;
        @JsonProperty("SUBJECT_DIV_CODE") public String subject;
        @JsonProperty("STATUS") public String status;
        @JsonProperty("OPENED_BY") public String openedBy;
        @JsonProperty("OPENED_AT") public String openedAt;
        @JsonProperty("DUE") public String due;
        @JsonProperty("OVERDUE") public boolean overdue;
        @JsonProperty("EVALUATOR") public String evaluator;
        @JsonProperty("SUBMITTED_BY") public String submittedBy;
        @JsonProperty("SUBMITTED_AT") public String submittedAt;
        @JsonProperty("TOTAL") public BigDecimal total;
        @JsonProperty("GRADE") public String grade;
        @JsonProperty("RULE_VERSION") public String ruleVersion;

        static EvaluationJson of(RegionEvaluation e) {
            EvaluationJson j = new EvaluationJson();
            j.evaluationId = e.evaluationId();
            j.mofDivCode = e.mofDivCode().value();
            j.fiscalYear = e.fiscalYear().value();
            j.subject = e.subject().value();
            j.status = e.status().name();
            j.openedBy = e.openedBy();
            j.openedAt = e.openedAt().toString();
            j.due = e.due() == null ? null : e.due().toString();
            j.overdue = e.overdue(LocalDate.now(CHINA));
            j.evaluator = e.evaluator();
            j.submittedBy = e.submittedBy();
            j.submittedAt = e.submittedAt() == null ? null : e.submittedAt().toString();
            j.total = e.total();
            j.grade = e.grade() == null ? null : e.grade().name();
            j.ruleVersion = e.ruleVersion();
            return j;
        }
    }

    static final class EvaluationListJson {
        @JsonProperty("EVALUATIONS") public List<EvaluationJson> evaluations;
    }

    static final class CriterionJson {
        @JsonProperty("DIMENSION") public String dimension;
        @JsonProperty("NAME") public String name;
        @JsonProperty("POINTS") public BigDecimal points;
        @JsonProperty("SCORE") public BigDecimal score;
    }

    static final class ScoreJson {
        @JsonProperty("CRITERIA") public List<CriterionJson> criteria;
        @JsonProperty("OPERATOR") public String operator;
    }

    static final class ScorecardJson {
        @JsonProperty("EVALUATION_ID") public long evaluationId;
        @JsonProperty("CRITERIA") public List<CriterionJson> criteria;
        @JsonProperty("TOTAL") public BigDecimal total;
        @JsonProperty("GRADE") public String grade;
        @JsonProperty("GRADE_ZH") public String gradeChinese;
        @JsonProperty("RULE_VERSION") public String ruleVersion;

        static ScorecardJson of(long id, RegionScorecard card) {
            ScorecardJson j = new ScorecardJson();
            j.evaluationId = id;
            j.criteria = card.criteria().stream().map(c -> {
                CriterionJson cj = new CriterionJson();
                cj.dimension = c.dimension();
                cj.name = c.name();
                cj.points = c.points();
                cj.score = c.score();
                return cj;
            }).toList();
            j.total = card.total();
            j.grade = card.grade().name();
            j.gradeChinese = card.grade().chinese();
            j.ruleVersion = card.ruleVersion();
            return j;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class AdjustmentJson {
        @JsonProperty("EVALUATION_ID") public long evaluationId;
        @JsonProperty("CHANGE_ID") public String changeId;
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("EVAL_YEAR") public int evaluatedYear;
        @JsonProperty("TARGET_YEAR") public int targetYear;
        @JsonProperty("RECIPIENT_DIV_CODE") public String recipient;
        @JsonProperty("GRADE") public String grade;
        @JsonProperty("TOTAL") public BigDecimal total;
        @JsonProperty("ACTION") public String action;
        @JsonProperty("CUT_PERCENT") public BigDecimal cutPercent;
        @JsonProperty("ALLOCATED_AMT") public BigDecimal allocated;
        @JsonProperty("CHANGE_AMT") public BigDecimal change;
        @JsonProperty("POLICY") public String policy;
        @JsonProperty("STATUS") public String status;
        @JsonProperty("CREATED_BY") public String createdBy;
        @JsonProperty("CREATED_AT") public String createdAt;
        @JsonProperty("APPLIED_AT") public String appliedAt;

        static AdjustmentJson of(TransferAdjustment a) {
            AdjustmentJson j = new AdjustmentJson();
            j.evaluationId = a.evaluationId();
            j.changeId = a.changeId();
            j.mofDivCode = a.mofDivCode().value();
            j.evaluatedYear = a.evaluatedYear().value();
            j.targetYear = a.targetYear().value();
            j.recipient = a.recipient().value();
            j.grade = a.grade().name();
            j.total = a.total();
            j.action = a.action().name();
            j.cutPercent = a.cutPercent();
            j.allocated = a.allocated();
            j.change = a.change();
            j.policy = a.policy();
            j.status = a.status().name();
            j.createdBy = a.createdBy();
            j.createdAt = a.createdAt().toString();
            j.appliedAt = a.appliedAt() == null ? null : a.appliedAt().toString();
            return j;
        }
    }

    static final class AdjustmentListJson {
        @JsonProperty("ADJUSTMENTS") public List<AdjustmentJson> adjustments;
    }


    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    public EvaluationListJson open(OpenJson body, @Context SecurityContext caller) {
        OpenJson r = RequestBodies.required(body);
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(r.mofDivCode));
        FiscalYear year = FiscalYear.from(v, r.fiscalYear);
        List<MofDivCode> subjects = r.subjects == null ? List.of()
                : v.values("MOF_DIV_CODES", r.subjects, MofDivCode::of);
        LocalDate due = null;
        if (r.due != null) {
            try {
                due = LocalDate.parse(r.due);
            } catch (DateTimeParseException e) {
                v.add("DUE", "format", "is a day such as 2027-12-31, got '" + r.due + "'");
            }
        }
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        EvaluationListJson j = new EvaluationListJson();
        j.evaluations = evaluations.open(region, year, subjects, r.evaluator, due, actor).stream()
                .map(EvaluationJson::of).toList();
        return j;
    }

    /** A region and year of the query ({@code MOF_DIV_CODE}, {@code FISCAL_YEAR}), nothing else. */
    private record RegionYear(MofDivCode region, FiscalYear year) {
        static RegionYear of(UriInfo uri) {
            RequestBodies.onlyParameters(uri, YEAR_PARAMETERS);
            MultivaluedMap<String, String> p = uri.getQueryParameters();
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(p.getFirst("MOF_DIV_CODE")));
            FiscalYear year = v.check(() -> RequestBodies.fiscalYear(p.getFirst("FISCAL_YEAR")));
            v.throwIfAny();
            return new RegionYear(region, year);
        }
    }

    @GET
    public EvaluationListJson evaluations(@Context UriInfo uri, @Context SecurityContext caller) {
        RegionYear q = RegionYear.of(uri);
        EvaluationListJson j = new EvaluationListJson();
        j.evaluations = evaluations.evaluations(q.region(), q.year(), AuthenticationFilter.Caller.of(caller).reader())
                .stream().map(EvaluationJson::of).toList();
        return j;
    }

    @GET
    @Path("{evaluationId}")
    public EvaluationJson evaluation(@PathParam("evaluationId") String evaluationId, @Context SecurityContext caller) {
        long id = RequestBodies.id(EVALUATION_ID, evaluationId);
        return EvaluationJson.of(evaluations.evaluation(id, AuthenticationFilter.Caller.of(caller).reader()));
    }

    @POST
    @Idempotent
    @Path("{evaluationId}/evaluation")
    @Consumes(MediaType.APPLICATION_JSON)
    public ScorecardJson submit(@PathParam("evaluationId") String evaluationId, ScoreJson body,
            @Context SecurityContext caller) {
        ScoreJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id(EVALUATION_ID, evaluationId));
        List<RegionCriterion> criteria = r.criteria == null ? List.of() : v.each("CRITERIA", r.criteria,
                (x, c) -> RegionCriterion.from(x, c.dimension, c.name, c.points, c.score));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return ScorecardJson.of(id, evaluations.submit(id, criteria, actor));
    }

    @GET
    @Path("{evaluationId}/scorecard")
    public ScorecardJson scorecard(@PathParam("evaluationId") String evaluationId, @Context SecurityContext caller) {
        long id = RequestBodies.id(EVALUATION_ID, evaluationId);
        return ScorecardJson.of(id, evaluations.scorecard(id, AuthenticationFilter.Caller.of(caller).reader()));
    }

    @POST
    @Idempotent
    @Path("result-applications")
    @Consumes(MediaType.APPLICATION_JSON)
    public EvaluationResource.RunJson applyResults(EvaluationResource.ApplyJson body, @Context SecurityContext caller) {
        EvaluationResource.RegionYearCall call = EvaluationResource.ApplyJson.validated(body, caller);
        return EvaluationResource.RunJson.of(evaluations.applyResults(call.region(), call.year(), call.actor()));
    }

    static final class WhatIfJson {
        @JsonProperty("TARGET_YEAR") public int targetYear;
        @JsonProperty("POLICY_VERSION") public String policyVersion;
        @JsonProperty("ALLOCATED_AMT") public BigDecimal allocated;
        @JsonProperty("CHANGE_AMT") public BigDecimal change;
        @JsonProperty("RESULT_AMT") public BigDecimal result;
        @JsonProperty("CUT") public int cut;
        @JsonProperty("RECIPIENTS") public List<AdjustmentJson> recipients;
    }

    @POST
    @Path("what-if")
    @Consumes(MediaType.APPLICATION_JSON)
    public WhatIfJson whatIf(EvaluationResource.WhatIfRequestJson body, @Context SecurityContext caller) {
        EvaluationResource.RegionYearCall call = EvaluationResource.WhatIfRequestJson.validated(body, caller);
        TransferWhatIf w = evaluations.whatIf(call.region(), call.year(), call.policy(), call.actor());
        WhatIfJson j = new WhatIfJson();
        j.targetYear = w.targetYear();
        j.policyVersion = w.policyVersion();
        j.allocated = w.allocated();
        j.change = w.change();
        j.result = w.result();
        j.cut = w.cut();
        j.recipients = w.recipients().stream().map(AdjustmentJson::of).toList();
        return j;
    }

    @GET
    @Path("adjustments")
    public AdjustmentListJson adjustments(@Context UriInfo uri, @Context SecurityContext caller) {
        RegionYear q = RegionYear.of(uri);
        AdjustmentListJson j = new AdjustmentListJson();
        j.adjustments = evaluations.adjustments(q.region(), q.year(), AuthenticationFilter.Caller.of(caller).reader())
                .stream().map(AdjustmentJson::of).toList();
        return j;
    }
}
