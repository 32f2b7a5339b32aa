package io.jixiao.rest.internal;

import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.hook.ProjectAdmission;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.Violations;
import io.jixiao.rest.internal.GoalDtos.DecisionJson;
import io.jixiao.rest.internal.GoalDtos.ProjectJson;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The project-library admission hook 入库 over REST. */
@Path("project-admissions")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class)
public final class ProjectGateResource implements RestResource {
    private final ProjectAdmission admission;

    @Activate
    public ProjectGateResource(@Reference ProjectAdmission admission) {
        this.admission = admission;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public DecisionJson admit(ProjectJson body, @Context SecurityContext caller) {
        ProjectJson r = RequestBodies.required(body);
        Violations v = new Violations();
        ProjectFacts project = r.facts(v);
        Actor actor = GoalResource.actor(caller, r.operator, v);
        v.throwIfAny();
        return DecisionJson.of(admission.admit(project, actor));
    }

}
