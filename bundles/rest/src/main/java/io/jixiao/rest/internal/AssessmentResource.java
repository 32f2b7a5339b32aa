package io.jixiao.rest.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jixiao.api.goal.Assessment;
import io.jixiao.api.goal.GoalService;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.Violations;
import io.jixiao.rest.internal.GoalDtos.AssessmentJson;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Ex-ante assessments 事前绩效评估 over REST. */
@Path("assessments")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class)
public final class AssessmentResource implements RestResource {
    private final GoalService goals;

    @Activate
    public AssessmentResource(@Reference GoalService goals) {
        this.goals = goals;
    }

    /** POST /assessments. */
    static final class AssessmentRecorded {
        @JsonProperty("ASSESSMENT_ID") public long assessmentId;
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recordAssessment(AssessmentJson body, @Context SecurityContext caller) {
        AssessmentJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Assessment assessment = r.assessment(v);
        Actor actor = GoalResource.actor(caller, r.operator, v);
        v.throwIfAny();
        AssessmentRecorded out = new AssessmentRecorded();
        out.assessmentId = goals.recordAssessment(assessment, actor);
        return Response.status(201).entity(out).build();
    }

}
