package io.jixiao.rest.internal;

import io.jixiao.api.goal.BudgetDraft;
import io.jixiao.api.goal.Gate;
import io.jixiao.api.hook.CompilationGate;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.Violations;
import io.jixiao.rest.internal.GoalDtos.DraftDecisionJson;
import io.jixiao.rest.internal.GoalDtos.DraftJson;
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

/**
 * The compilation gate over REST: {@code POST /compilation-checks} for a department's budget draft 预算编制, and
 * {@code POST /adjustment-checks} for adjustments and supplementary appropriations. Large drafts go in batches
 * (the request size limit holds about a thousand lines per call).
 */
@Path("compilation-checks")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class)
public final class CompilationResource implements RestResource {
    private final CompilationGate gate;

    @Activate
    public CompilationResource(@Reference CompilationGate gate) {
        this.gate = gate;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public DraftDecisionJson check(DraftJson body, @Context SecurityContext caller) {
        return check(gate, Gate.COMPILATION, body, caller);
    }

    static DraftDecisionJson check(CompilationGate gate, Gate kind, DraftJson body, SecurityContext caller) {
        DraftJson r = RequestBodies.required(body);
        Violations v = new Violations();
        BudgetDraft draft = r.draft(kind, v);
        Actor actor = GoalResource.actor(caller, r.operator, v);
        v.throwIfAny();
        return DraftDecisionJson.of(draft, gate.check(draft, actor));
    }

    /** The same gate for mid-year budget adjustments and supplementary appropriations 预算调整 / 追加. */
    @Path("adjustment-checks")
    @Produces(MediaType.APPLICATION_JSON)
    @Component(service = RestResource.class)
    public static final class Adjustments implements RestResource {
        private final CompilationGate gate;

        @Activate
        public Adjustments(@Reference CompilationGate gate) {
            this.gate = gate;
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public DraftDecisionJson check(DraftJson body, @Context SecurityContext caller) {
            return CompilationResource.check(gate, Gate.ADJUSTMENT, body, caller);
        }
    }
}
