package io.jixiao.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jixiao.api.goal.Goal;
import io.jixiao.api.goal.GoalService;
import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.goal.Recheck;
import io.jixiao.api.goal.ReviewOpinion;
import io.jixiao.api.goal.ReviewStage;
import io.jixiao.api.goal.StageReview;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Violations;
import io.jixiao.rest.internal.GoalDtos.DeclarationJson;
import io.jixiao.rest.internal.GoalDtos.GoalVersionJson;
import io.jixiao.rest.internal.GoalDtos.ReportJson;
import io.jixiao.rest.internal.GoalDtos.ReturnJson;
import io.jixiao.rest.internal.GoalDtos.StepJson;
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

/** Performance goals over REST: declaration, review workflow, adjustments, versions and rule checks. */
@Path("goals")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class)
public final class GoalResource implements RestResource {
    private final GoalService goals;

    @Activate
    public GoalResource(@Reference GoalService goals) {
        this.goals = goals;
    }

    /** GET /goals/{id}/versions. */
    static final class VersionList {
        @JsonProperty("GOAL_ID") public long goalId;
        @JsonProperty("VERSIONS") public List<Integer> versions;
    }

    static Actor actor(SecurityContext caller, String operator, Violations v) {
        return v.check(() -> AuthenticationFilter.Caller.of(caller).actor(operator));
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    public Response draft(DeclarationJson body, @Context UriInfo uri, @Context SecurityContext caller) {
        DeclarationJson r = RequestBodies.required(body);
        Violations v = new Violations();
        ProjectFacts project = r.facts(v);
        Goal goal = r.goal(v);
        Actor actor = actor(caller, r.operator, v);
        v.throwIfAny();
        GoalVersion created = goals.draft(project, goal, actor);
        return Response.created(uri.getBaseUriBuilder().path("goals/{id}/versions/{v}")
                .build(created.goalId(), created.version())).entity(GoalVersionJson.of(created)).build();
    }

    @GET
    @Path("{goalId}/versions")
    public VersionList versions(@PathParam("goalId") String goalId, @Context SecurityContext caller) {
        long id = RequestBodies.id("GOAL_ID", goalId);
        List<Integer> versions = goals.versions(id, AuthenticationFilter.Caller.of(caller).reader());
        if (versions.isEmpty()) {
            throw new NotFoundException("no goal " + id);
        }
        VersionList out = new VersionList();
        out.goalId = id;
        out.versions = versions;
        return out;
    }

    @GET
    @Path("{goalId}/versions/{version}")
    public GoalVersionJson find(@PathParam("goalId") String goalId, @PathParam("version") String version,
            @Context SecurityContext caller) {
        long id = RequestBodies.id("GOAL_ID", goalId);
        int n = version(version);
        return GoalVersionJson.of(goals.find(id, n, AuthenticationFilter.Caller.of(caller).reader())
                .orElseThrow(() -> new NotFoundException("no goal " + id + " version " + n)));
    }

    @POST
    @Path("{goalId}/versions/{version}/revision")
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    public GoalVersionJson revise(@PathParam("goalId") String goalId, @PathParam("version") String version,
            DeclarationJson body, @Context SecurityContext caller) {
        DeclarationJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id("GOAL_ID", goalId));
        Integer n = v.check(() -> version(version));
        ProjectFacts project = r.facts(v);
        Goal goal = r.goal(v);
        Actor actor = actor(caller, r.operator, v);
        v.throwIfAny();
        return GoalVersionJson.of(goals.revise(id, n, project, goal, actor));
    }

    @POST
    @Path("{goalId}/versions/{version}/submission")
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    public GoalVersionJson submit(@PathParam("goalId") String goalId, @PathParam("version") String version,
            StepJson body, @Context SecurityContext caller) {
        Step s = step(goalId, version, body, caller);
        return GoalVersionJson.of(goals.submit(s.goalId, s.version, s.actor));
    }

    @POST
    @Path("{goalId}/versions/{version}/return")
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    public GoalVersionJson returnForRevision(@PathParam("goalId") String goalId, @PathParam("version") String version,
            ReturnJson body, @Context SecurityContext caller) {
        ReturnJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id("GOAL_ID", goalId));
        Integer n = v.check(() -> version(version));
        ReviewOpinion opinion = ReviewOpinion.from(v, r.codes, r.text);
        Actor actor = actor(caller, r.operator, v);
        v.throwIfAny();
        return GoalVersionJson.of(goals.returnForRevision(id, n, opinion, actor));
    }

    @POST
    @Path("{goalId}/versions/{version}/approval")
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    public GoalVersionJson approve(@PathParam("goalId") String goalId, @PathParam("version") String version,
            StepJson body, @Context SecurityContext caller) {
        Step s = step(goalId, version, body, caller);
        return GoalVersionJson.of(goals.approve(s.goalId, s.version, s.actor));
    }

    @POST
    @Path("{goalId}/versions/{version}/publication")
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    public GoalVersionJson publish(@PathParam("goalId") String goalId, @PathParam("version") String version,
            StepJson body, @Context SecurityContext caller) {
        Step s = step(goalId, version, body, caller);
        return GoalVersionJson.of(goals.publish(s.goalId, s.version, s.actor));
    }

    /** GET /goals/{id}/versions/{v}/stage-reviews. */
    static final class StageReviewList {
        @JsonProperty("GOAL_ID") public long goalId;
        @JsonProperty("VERSION") public int version;
        @JsonProperty("STAGE_REVIEWS") public List<GoalDtos.StageReviewJson> reviews;
    }

    @POST
    @Path("{goalId}/versions/{version}/stage-reviews")
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reviewStage(@PathParam("goalId") String goalId, @PathParam("version") String version,
            GoalDtos.StageReviewRequestJson body, @Context UriInfo uri, @Context SecurityContext caller) {
        GoalDtos.StageReviewRequestJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id("GOAL_ID", goalId));
        Integer n = v.check(() -> version(version));
        ReviewStage stage = r.stage(v);
        Actor actor = actor(caller, r.operator, v);
        v.throwIfAny();
        StageReview review = goals.reviewStage(id, n, stage, r.amount, r.opinion, actor);
        return Response.created(uri.getBaseUriBuilder().path("goals/{id}/versions/{v}/stage-reviews").build(id, n))
                .entity(GoalDtos.StageReviewJson.of(review)).build();
    }

    @GET
    @Path("{goalId}/versions/{version}/stage-reviews")
    public StageReviewList stageReviews(@PathParam("goalId") String goalId, @PathParam("version") String version,
            @Context SecurityContext caller) {
        long id = RequestBodies.id("GOAL_ID", goalId);
        int n = version(version);
        StageReviewList out = new StageReviewList();
        out.goalId = id;
        out.version = n;
        out.reviews = goals.stageReviews(id, n, AuthenticationFilter.Caller.of(caller).reader()).stream()
                .map(GoalDtos.StageReviewJson::of).toList();
        return out;
    }

    @POST
    @Path("{goalId}/adjustments")
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    public Response adjust(@PathParam("goalId") String goalId, DeclarationJson body, @Context UriInfo uri,
            @Context SecurityContext caller) {
        DeclarationJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id("GOAL_ID", goalId));
        ProjectFacts project = r.facts(v);
        Goal goal = r.goal(v);
        Actor actor = actor(caller, r.operator, v);
        v.throwIfAny();
        GoalVersion next = goals.adjust(id, r.adjustmentBatch, project, goal, actor);
        return Response.created(uri.getBaseUriBuilder().path("goals/{id}/versions/{v}")
                .build(next.goalId(), next.version())).entity(GoalVersionJson.of(next)).build();
    }

    @POST
    @Path("checks")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportJson check(DeclarationJson body, @Context SecurityContext caller) {
        DeclarationJson r = RequestBodies.required(body);
        Violations v = new Violations();
        ProjectFacts project = r.facts(v);
        Goal goal = r.goal(v);
        Actor actor = actor(caller, r.operator, v);
        v.throwIfAny();
        return ReportJson.of(goals.check(project, goal, actor));
    }

    /** GET /goals/rechecks. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class RecheckJson {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FISCAL_YEAR") public int fiscalYear;
        @JsonProperty("RULE_VERSION") public String ruleVersion;
        @JsonProperty("CHECKED") public int checked;
        @JsonProperty("NONCOMPLIANT") public int noncompliant;
        @JsonProperty("GOALS") public List<NoncompliantJson> goals;
        /** The next page's {@code AFTER}: the one paging vocabulary. */
        @JsonProperty("NEXT_AFTER") public Long nextAfter;
        /** @deprecated the same as {@code NEXT_AFTER}, kept for one release */
        @Deprecated @JsonProperty("NEXT_AFTER_GOAL_ID") public Long nextAfterGoalId;
    }

    /** One goal in force that the rules in force reject. */
    static final class NoncompliantJson {
        @JsonProperty("GOAL_ID") public long goalId;
        @JsonProperty("VERSION") public int version;
        @JsonProperty("STATUS") public String status;
        @JsonProperty("AGENCY_CODE") public String agencyCode;
        @JsonProperty("PRO_CODE") public String proCode;
        @JsonProperty("APPROVED_UNDER") public String approvedUnder;
        @JsonProperty("VIOLATIONS") public List<GoalDtos.ViolationJson> violations;
    }

    /** {@code AFTER_GOAL_ID} is the deprecated name of {@code AFTER}, accepted for one release. */
    private static final Set<String> RECHECK_QUERY = Set.of(MofDivCode.FIELD, FiscalYear.FIELD, "AFTER",
            "AFTER_GOAL_ID", "LIMIT");

    @GET
    @Path("rechecks")
    public RecheckJson recheck(@Context UriInfo uri, @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, RECHECK_QUERY);
        MultivaluedMap<String, String> p = uri.getQueryParameters();
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(p.getFirst(MofDivCode.FIELD)));
        FiscalYear year = v.check(() -> RequestBodies.fiscalYear(p.getFirst(FiscalYear.FIELD)));
        String afterName = RequestBodies.pagingName(v, p, "AFTER_GOAL_ID");
        Long after = "0".equals(p.getFirst(afterName)) ? Long.valueOf(0L) // 0, as absent: from the start
                : v.optional(p.getFirst(afterName), raw -> RequestBodies.id(afterName, raw));
        Long limit = v.optional(p.getFirst("LIMIT"), raw -> RequestBodies.id("LIMIT", raw));
        v.throwIfAny();
        Recheck r = goals.recheck(region, year, after == null ? 0 : after,
                limit == null ? 100 : (int) Math.min(limit, Integer.MAX_VALUE),
                AuthenticationFilter.Caller.of(caller).reader());
        RecheckJson out = new RecheckJson();
        out.mofDivCode = r.mofDivCode().value();
        out.fiscalYear = r.fiscalYear().value();
        out.ruleVersion = r.ruleVersion();
        out.checked = r.checked();
        out.noncompliant = r.noncompliant();
        out.goals = r.goals().stream().map(g -> {
            NoncompliantJson j = new NoncompliantJson();
            j.goalId = g.goalId();
            j.version = g.version();
            j.status = g.status().name();
            j.agencyCode = g.project().agencyCode().value();
            j.proCode = g.project().proCode().value();
            j.approvedUnder = g.approvedUnder();
            j.violations = g.violations().stream().map(GoalDtos.ViolationJson::of).toList();
            return j;
        }).toList();
        out.nextAfter = r.nextAfterGoalId();
        out.nextAfterGoalId = out.nextAfter;
        return out;
    }

    private record Step(long goalId, int version, Actor actor) {
    }

    private static Step step(String goalId, String version, StepJson body, SecurityContext caller) {
        StepJson r = body == null ? new StepJson() : body;
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id("GOAL_ID", goalId));
        Integer n = v.check(() -> version(version));
        Actor actor = actor(caller, r.operator, v);
        v.throwIfAny();
        return new Step(id, n, actor);
    }

    private static int version(String raw) {
        long n = RequestBodies.id("VERSION", raw);
        if (n > 10_000) {
            throw io.jixiao.api.model.InvalidInputException.of("VERSION", "range", "must be 1 to 10000");
        }
        return (int) n;
    }
}
