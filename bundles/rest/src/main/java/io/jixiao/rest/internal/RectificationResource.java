package io.jixiao.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Violations;
import io.jixiao.api.rectification.CaseOpening;
import io.jixiao.api.rectification.CasePage;
import io.jixiao.api.rectification.CaseStatus;
import io.jixiao.api.rectification.CaseStep;
import io.jixiao.api.rectification.FeedbackLetter;
import io.jixiao.api.rectification.Problem;
import io.jixiao.api.rectification.RectificationCase;
import io.jixiao.api.rectification.RectificationService;
import io.jixiao.api.rectification.Referral;
import io.jixiao.api.rectification.ReferralGround;
import io.jixiao.api.rectification.Responsible;
import java.time.LocalDate;
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
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Rectification 整改 over REST: cases, their letters and steps, and the overdue pass. */
@Path("rectification")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class)
public final class RectificationResource implements RestResource {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String CASE_ID = "CASE_ID";
    private final RectificationService cases;

    @Activate
    public RectificationResource(@Reference RectificationService cases) {
        this.cases = cases;
    }

    /** A problem as it is sent and answered. */
    static final class ProblemJson {
        @JsonProperty("TEXT") public String text;
        @JsonProperty("INDICATOR") @JsonInclude(JsonInclude.Include.NON_NULL) public String indicator;
    }

    /** The responsible person, as it is sent and answered. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class ResponsibleJson {
        @JsonProperty("NAME") public String name;
        @JsonProperty("ACCOUNT") public String account;
        @JsonProperty("PHONE") public String phone;
    }

    /** POST /rectification/cases. */
    static final class OpeningJson {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FISCAL_YEAR") public Integer fiscalYear;
        @JsonProperty("SUBJECT") public String subject;
        @JsonProperty("AGENCY_CODE") public String agencyCode;
        @JsonProperty("PRO_CODE") public String proCode;
        @JsonProperty("SUBJECT_DIV_CODE") public String subjectDivCode;
        @JsonProperty("PROBLEMS") public List<ProblemJson> problems;
        @JsonProperty("RESPONSIBLE") public ResponsibleJson responsible;
        @JsonProperty("DEADLINE") public String deadline;
        @JsonProperty("OPERATOR") public String operator;

        CaseOpening opening(Violations v) {
            List<Problem> list = problems == null ? List.of()
                    : v.each("PROBLEMS", problems, (w, p) -> Problem.from(w, p.text, p.indicator));
            Responsible person = responsible == null ? null : v.within("RESPONSIBLE.", w -> Responsible.from(w,
                    responsible.name, responsible.account, responsible.phone));
            LocalDate day = RequestBodies.date(v, "DEADLINE", deadline, false);
            return CaseOpening.from(v, mofDivCode, fiscalYear, subject, agencyCode, proCode, subjectDivCode,
                    list, person, day);
        }
    }

    /** POST …/letter: who issues it. */
    static final class OperatorJson {
        @JsonProperty("OPERATOR") public String operator;
    }

    /** POST …/measures. */
    static final class MeasuresJson {
        @JsonProperty("MEASURES") public String measures;
        @JsonProperty("OPERATOR") public String operator;
    }

    /** POST …/report. */
    static final class ReportJson {
        @JsonProperty("REPORT") public String report;
        @JsonProperty("OPERATOR") public String operator;
    }

    /** POST …/return. */
    static final class ReasonJson {
        @JsonProperty("REASON") public String reason;
        @JsonProperty("OPERATOR") public String operator;
    }

    /** POST …/close. */
    static final class CloseJson {
        @JsonProperty("OUTCOME") public String outcome;
        @JsonProperty("REASON") public String reason;
        @JsonProperty("OPERATOR") public String operator;
    }

    /** POST …/extension. */
    static final class ExtensionJson {
        @JsonProperty("UNTIL") public String until;
        @JsonProperty("REASON") public String reason;
        @JsonProperty("OPERATOR") public String operator;
    }

    /** POST …/extension/decision. */
    static final class DecisionJson {
        @JsonProperty("GRANT") public Boolean grant;
        @JsonProperty("DEADLINE") public String deadline;
        @JsonProperty("REASON") public String reason;
        @JsonProperty("OPERATOR") public String operator;
    }

    /** POST /rectification/overdue. */
    static final class OverdueRequestJson {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("OPERATOR") public String operator;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class CaseJson {
        @JsonProperty("CASE_ID") public long caseId;
        @JsonProperty("ORIGIN") public String origin;
        @JsonProperty("ORIGIN_ID") public String originId;
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FISCAL_YEAR") public int fiscalYear;
        @JsonProperty("SUBJECT") public String subject;
        @JsonProperty("AGENCY_CODE") public String agencyCode;
        @JsonProperty("PRO_CODE") public String proCode;
        @JsonProperty("DEPT_CODE") public String deptCode;
        @JsonProperty("SUBJECT_DIV_CODE") public String subjectDivCode;
        @JsonProperty("ORGANISER") public String organiser;
        @JsonProperty("PROBLEMS") public List<ProblemJson> problems;
        @JsonProperty("RESPONSIBLE") public ResponsibleJson responsible;
        @JsonProperty("DEADLINE") public String deadline;
        @JsonProperty("STATUS") public String status;
        @JsonProperty("EXTENSION_UNTIL") public String extensionUntil;
        @JsonProperty("STRICT_CONTROL") public boolean strictControl;
        @JsonProperty("STRICT_SINCE") public String strictSince;
        @JsonProperty("STRICT_LIFTED_AT") public String strictLiftedAt;
        @JsonProperty("HOLD_ID") public Long holdId;
        @JsonProperty("OPENED_BY") public String openedBy;
        @JsonProperty("OPENED_AT") public String openedAt;
        @JsonProperty("CLOSED_AT") public String closedAt;
        @JsonProperty("RULE_VERSION") public String ruleVersion;

        static CaseJson of(RectificationCase c) {
            CaseJson j = new CaseJson();
            j.caseId = c.id();
            j.origin = c.origin().name();
            j.originId = c.originId();
            j.mofDivCode = c.mofDivCode().value();
            j.fiscalYear = c.fiscalYear().value();
            j.subject = c.subject().name();
            j.agencyCode = c.agencyCode() == null ? null : c.agencyCode().value();
            j.proCode = c.proCode() == null ? null : c.proCode().value();
            j.deptCode = c.deptCode();
            j.subjectDivCode = c.subjectDivCode() == null ? null : c.subjectDivCode().value();
            j.organiser = c.organiser().name();
            j.problems = c.problems().stream().map(p -> {
                ProblemJson pj = new ProblemJson();
                pj.text = p.text();
                pj.indicator = p.indicator();
                return pj;
            }).toList();
            if (c.responsible() != null) {
                j.responsible = new ResponsibleJson();
                j.responsible.name = c.responsible().name();
                j.responsible.account = c.responsible().account();
                j.responsible.phone = c.responsible().phone();
            }
            j.deadline = c.deadline().toString();
            j.status = c.status().name();
            j.extensionUntil = c.extensionUntil() == null ? null : c.extensionUntil().toString();
            j.strictControl = c.strictControl();
            j.strictSince = c.strictSince() == null ? null : c.strictSince().toString();
            j.strictLiftedAt = c.strictLiftedAt() == null ? null : c.strictLiftedAt().toString();
            j.holdId = c.holdId();
            j.openedBy = c.openedBy();
            j.openedAt = c.openedAt().toString();
            j.closedAt = c.closedAt() == null ? null : c.closedAt().toString();
            j.ruleVersion = c.ruleVersion();
            return j;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class CasePageJson {
        @JsonProperty("CASES") public List<CaseJson> cases;
        @JsonProperty("NEXT_AFTER") public Long nextAfter;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class StepOutJson {
        @JsonProperty("SEQ") public int seq;
        @JsonProperty("ACTION") public String action;
        @JsonProperty("STATUS") public String status;
        @JsonProperty("ACTOR") public String actor;
        @JsonProperty("AT") public String at;
        @JsonProperty("TEXT") public String text;
        @JsonProperty("DEADLINE") public String deadline;

        static StepOutJson of(CaseStep s) {
            StepOutJson j = new StepOutJson();
            j.seq = s.seq();
            j.action = s.action();
            j.status = s.status().name();
            j.actor = s.actor();
            j.at = s.at().toString();
            j.text = s.text();
            j.deadline = s.deadline().toString();
            return j;
        }
    }

    static final class StepListJson {
        @JsonProperty("CASE_ID") public long caseId;
        @JsonProperty("STEPS") public List<StepOutJson> steps;
    }

    /** POST …/referrals. */
    static final class ReferralRequestJson {
        @JsonProperty("GROUND") public String ground;
        @JsonProperty("REFERRED_TO") public String referredTo;
        @JsonProperty("REASON") public String reason;
        @JsonProperty("OPERATOR") public String operator;
    }

    /** POST /rectification/referrals/{id}/outcomes. */
    static final class OutcomeRequestJson {
        @JsonProperty("OUTCOME") public String outcome;
        @JsonProperty("OPERATOR") public String operator;
    }

    static final class OutcomeJson {
        @JsonProperty("SEQ") public int seq;
        @JsonProperty("OUTCOME") public String outcome;
        @JsonProperty("RECORDED_BY") public String recordedBy;
        @JsonProperty("RECORDED_AT") public String recordedAt;
    }

    static final class ReferralJson {
        @JsonProperty("REFERRAL_ID") public long referralId;
        @JsonProperty("CASE_ID") public long caseId;
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("GROUND") public String ground;
        @JsonProperty("REFERRED_TO") public String referredTo;
        @JsonProperty("REASON") public String reason;
        @JsonProperty("AUDIT_IDS") public List<Long> auditIds;
        @JsonProperty("CREATED_BY") public String createdBy;
        @JsonProperty("CREATED_AT") public String createdAt;
        @JsonProperty("OUTCOMES") public List<OutcomeJson> outcomes;

        static ReferralJson of(Referral r) {
            ReferralJson j = new ReferralJson();
            j.referralId = r.id();
            j.caseId = r.caseId();
            j.mofDivCode = r.mofDivCode().value();
            j.ground = r.ground().name();
            j.referredTo = r.referredTo();
            j.reason = r.reason();
            j.auditIds = r.auditIds();
            j.createdBy = r.createdBy();
            j.createdAt = r.createdAt().toString();
            j.outcomes = r.outcomes().stream().map(o -> {
                OutcomeJson oj = new OutcomeJson();
                oj.seq = o.seq();
                oj.outcome = o.text();
                oj.recordedBy = o.by();
                oj.recordedAt = o.at().toString();
                return oj;
            }).toList();
            return j;
        }
    }

    static final class ReferralListJson {
        @JsonProperty("REFERRALS") public List<ReferralJson> referrals;
    }

    static final class OverdueJson {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("MARKED") public int marked;
    }

    /** POST /rectification/cases: finance opens a case by hand. */
    @POST
    @Idempotent
    @Path("cases")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(OpeningJson body, @Context UriInfo uri, @Context SecurityContext caller) {
        OpeningJson r = RequestBodies.required(body);
        Violations v = new Violations();
        CaseOpening opening = r.opening(v);
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        RectificationCase c = cases.open(opening, actor);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(c.id())).build())
                .entity(CaseJson.of(c)).build();
    }

    /** GET /rectification/cases?MOF_DIV_CODE=…&amp;OPEN_ONLY=…&amp;AFTER=…&amp;LIMIT=…. */
    @GET
    @Path("cases")
    public CasePageJson list(@Context UriInfo uri, @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, Set.of(MofDivCode.FIELD, "OPEN_ONLY", "AFTER", "LIMIT"));
        MultivaluedMap<String, String> p = uri.getQueryParameters();
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(p.getFirst(MofDivCode.FIELD)));
        String openOnly = p.getFirst("OPEN_ONLY");
        if (openOnly != null && !openOnly.equals("true") && !openOnly.equals("false")) {
            v.add("OPEN_ONLY", "boolean", "true or false");
        }
        Long after = RequestBodies.after(v, p);
        Integer limit = RequestBodies.limit(v, p);
        v.throwIfAny();
        CasePage page = cases.list(region, !"false".equals(openOnly), after, limit,
                AuthenticationFilter.Caller.of(caller).reader());
        CasePageJson j = new CasePageJson();
        j.cases = page.cases().stream().map(CaseJson::of).toList();
        j.nextAfter = page.next();
        return j;
    }

    @GET
    @Path("cases/{caseId}")
    public CaseJson find(@PathParam("caseId") String caseId, @Context SecurityContext caller) {
        long id = RequestBodies.id(CASE_ID, caseId);
        return CaseJson.of(cases.find(id, AuthenticationFilter.Caller.of(caller).reader())
                .orElseThrow(() -> new NotFoundException("no rectification case " + id)));
    }

    @GET
    @Path("cases/{caseId}/steps")
    public StepListJson steps(@PathParam("caseId") String caseId, @Context SecurityContext caller) {
        long id = RequestBodies.id(CASE_ID, caseId);
        StepListJson j = new StepListJson();
        j.caseId = id;
        j.steps = cases.steps(id, AuthenticationFilter.Caller.of(caller).reader()).stream().map(StepOutJson::of)
                .toList();
        return j;
    }

    /** POST /rectification/cases/{id}/letter: the organiser issues the feedback letter. */
    @POST
    @Idempotent
    @Path("cases/{caseId}/letter")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseJson issueLetter(@PathParam("caseId") String caseId, OperatorJson body, @Context SecurityContext caller) {
        OperatorJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id(CASE_ID, caseId));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        cases.issueLetter(id, actor);
        return CaseJson.of(cases.find(id, actor).orElseThrow(() -> new NotFoundException("no rectification case "
                + id)));
    }

    /** GET /rectification/cases/{id}/letter?FORMAT=HTML|DOCX: the letter as issued. */
    @GET
    @Path("cases/{caseId}/letter")
    @Produces({MediaType.TEXT_HTML, DOCX, MediaType.APPLICATION_JSON})
    public Response letter(@PathParam("caseId") String caseId, @Context UriInfo uri,
            @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, Set.of("FORMAT"));
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id(CASE_ID, caseId));
        String format = uri.getQueryParameters().getFirst("FORMAT");
        if (format != null && !format.equals("HTML") && !format.equals("DOCX")) {
            v.add("FORMAT", "oneOf", "HTML or DOCX");
        }
        v.throwIfAny();
        FeedbackLetter letter = cases.letter(id, AuthenticationFilter.Caller.of(caller).reader());
        if ("DOCX".equals(format)) {
            return Response.ok(letter.docx(), DOCX).header("Content-Disposition",
                    "attachment; filename=\"rectification-" + id + ".docx\"").build();
        }
        return Response.ok(letter.html(), MediaType.TEXT_HTML + "; charset=UTF-8")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'").build();
    }

    @POST
    @Idempotent
    @Path("cases/{caseId}/measures")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseJson measures(@PathParam("caseId") String caseId, MeasuresJson body, @Context SecurityContext caller) {
        MeasuresJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id(CASE_ID, caseId));
        v.text("MEASURES", r.measures, RectificationService.MAX_TEXT, true);
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return CaseJson.of(cases.submitMeasures(id, r.measures, actor));
    }

    @POST
    @Idempotent
    @Path("cases/{caseId}/report")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseJson report(@PathParam("caseId") String caseId, ReportJson body, @Context SecurityContext caller) {
        ReportJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id(CASE_ID, caseId));
        v.text("REPORT", r.report, RectificationService.MAX_TEXT, true);
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return CaseJson.of(cases.report(id, r.report, actor));
    }

    @POST
    @Idempotent
    @Path("cases/{caseId}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseJson returnCase(@PathParam("caseId") String caseId, ReasonJson body, @Context SecurityContext caller) {
        ReasonJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id(CASE_ID, caseId));
        Reason reason = v.check(() -> Reason.of(r.reason));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return CaseJson.of(cases.returnCase(id, reason, actor));
    }

    @POST
    @Idempotent
    @Path("cases/{caseId}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseJson close(@PathParam("caseId") String caseId, CloseJson body, @Context SecurityContext caller) {
        CloseJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id(CASE_ID, caseId));
        CaseStatus outcome = r.outcome == null ? null : v.oneOf("OUTCOME", r.outcome, CaseStatus.class);
        if (r.outcome == null || outcome != null && !outcome.closed()) {
            v.add("OUTCOME", "oneOf", "RECTIFIED or NOT_RECTIFIED");
        }
        Reason reason = v.check(() -> Reason.of(r.reason));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return CaseJson.of(cases.close(id, outcome, reason, actor));
    }

    @POST
    @Idempotent
    @Path("cases/{caseId}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseJson requestExtension(@PathParam("caseId") String caseId, ExtensionJson body,
            @Context SecurityContext caller) {
        ExtensionJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id(CASE_ID, caseId));
        LocalDate until = RequestBodies.date(v, "UNTIL", r.until, true);
        Reason reason = v.check(() -> Reason.of(r.reason));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return CaseJson.of(cases.requestExtension(id, until, reason, actor));
    }

    @POST
    @Idempotent
    @Path("cases/{caseId}/extension/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseJson decideExtension(@PathParam("caseId") String caseId, DecisionJson body,
            @Context SecurityContext caller) {
        DecisionJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id(CASE_ID, caseId));
        if (r.grant == null) {
            v.add("GRANT", "required", "true to grant, false to refuse");
        }
        LocalDate deadline = RequestBodies.date(v, "DEADLINE", r.deadline, false);
        Reason reason = v.check(() -> Reason.of(r.reason));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return CaseJson.of(cases.decideExtension(id, r.grant, deadline, reason, actor));
    }

    /** POST /rectification/overdue: the overdue pass over a region, on demand. */
    @POST
    @Idempotent
    @Path("overdue")
    @Consumes(MediaType.APPLICATION_JSON)
    public OverdueJson overdue(OverdueRequestJson body, @Context SecurityContext caller) {
        OverdueRequestJson r = RequestBodies.required(body);
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(r.mofDivCode));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        OverdueJson j = new OverdueJson();
        j.mofDivCode = region.value();
        j.marked = cases.markOverdue(region, actor);
        return j;
    }

    /** POST /rectification/cases/{id}/referrals: finance refers a case for accountability 问责. */
    @POST
    @Idempotent
    @Path("cases/{caseId}/referrals")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response refer(@PathParam("caseId") String caseId, ReferralRequestJson body, @Context UriInfo uri,
            @Context SecurityContext caller) {
        ReferralRequestJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id(CASE_ID, caseId));
        ReferralGround ground = r.ground == null ? null : v.oneOf("GROUND", r.ground, ReferralGround.class);
        if (r.ground == null) {
            v.add("GROUND", "required", "OVERDUE, NOT_RECTIFIED, FRAUD or SERIOUS_LOSS");
        }
        v.text("REFERRED_TO", r.referredTo, Referral.MAX_REFERRED_TO, true);
        Reason reason = v.check(() -> Reason.of(r.reason));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        Referral referral = cases.refer(id, ground, r.referredTo, reason, actor);
        return Response.created(uri.getBaseUriBuilder().path("rectification/referrals/{id}").build(referral.id()))
                .entity(ReferralJson.of(referral)).build();
    }

    @GET
    @Path("referrals")
    public ReferralListJson referrals(@Context UriInfo uri, @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, Set.of(MofDivCode.FIELD));
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(uri.getQueryParameters().getFirst(MofDivCode.FIELD)));
        v.throwIfAny();
        ReferralListJson j = new ReferralListJson();
        j.referrals = cases.referrals(region, AuthenticationFilter.Caller.of(caller).reader()).stream()
                .map(ReferralJson::of).toList();
        return j;
    }

    @GET
    @Path("referrals/{referralId}")
    public ReferralJson referral(@PathParam("referralId") String referralId, @Context SecurityContext caller) {
        long id = RequestBodies.id("REFERRAL_ID", referralId);
        return ReferralJson.of(cases.referral(id, AuthenticationFilter.Caller.of(caller).reader())
                .orElseThrow(() -> new NotFoundException("no referral " + id)));
    }

    @POST
    @Idempotent
    @Path("referrals/{referralId}/outcomes")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReferralJson addOutcome(@PathParam("referralId") String referralId, OutcomeRequestJson body,
            @Context SecurityContext caller) {
        OutcomeRequestJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id("REFERRAL_ID", referralId));
        v.text("OUTCOME", r.outcome, Reason.MAX_LENGTH, true);
        if (r.outcome != null && r.outcome.isBlank()) {
            v.add("OUTCOME", "required", "must not be blank");
        }
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return ReferralJson.of(cases.addOutcome(id, Reason.of(r.outcome), actor));
    }
}
