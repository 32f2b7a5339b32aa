package io.jixiao.rest.internal;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.BgtId;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Violations;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldService;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.rest.internal.Dtos.HoldList;
import io.jixiao.rest.internal.Dtos.HoldResponse;
import io.jixiao.rest.internal.Dtos.PlaceHoldRequest;
import io.jixiao.rest.internal.Dtos.ReleaseHoldRequest;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The hold service over REST. */
@Path("holds")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class)
public final class HoldResource implements RestResource {
    private static final String HOLD_ID = "HOLD_ID";
    private final HoldService holds;

    @Activate
    public HoldResource(@Reference HoldService holds) {
        this.holds = holds;
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(PlaceHoldRequest body, @Context UriInfo uri, @Context SecurityContext caller) {
        PlaceHoldRequest r = RequestBodies.required(body);
        Violations v = new Violations();
        HoldTarget target = v.check(() -> HoldTarget.from(r.targetType, r.mofDivCode, r.proCode, r.bgtId));
        HoldKind kind = v.oneOf("HOLD_KIND", r.holdKind, HoldKind.class);
        Reason reason = v.check(() -> Reason.of(r.reason));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        Hold hold = holds.place(target, kind, reason, actor);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(hold.holdId())).build())
                .entity(HoldResponse.of(hold)).build();
    }

    @GET
    @Path("{holdId}")
    public HoldResponse get(@PathParam("holdId") String holdId, @Context SecurityContext caller) {
        long id = RequestBodies.id(HOLD_ID, holdId);
        Actor actor = AuthenticationFilter.Caller.of(caller).reader();
        return HoldResponse.of(holds.find(id, actor).orElseThrow(() -> new NotFoundException("no hold " + id)));
    }

    private static final Set<String> LIST_PARAMETERS = Set.of(MofDivCode.FIELD, "TARGET_TYPE",
            ProCode.FIELD, BgtId.FIELD);

    @GET
    public HoldList active(@QueryParam("MOF_DIV_CODE") String mofDivCode, @QueryParam("TARGET_TYPE") String type,
            @QueryParam("PRO_CODE") String proCode, @QueryParam("BGT_ID") String bgtId,
            @Context UriInfo uri, @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, LIST_PARAMETERS);
        Actor actor = AuthenticationFilter.Caller.of(caller).reader();
        HoldList list = new HoldList();
        list.holds = holds.activeHolds(HoldTarget.from(type, mofDivCode, proCode, bgtId), actor).stream()
                .map(HoldResponse::of).toList();
        return list;
    }

    @POST
    @Idempotent
    @Path("{holdId}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    public HoldResponse release(@PathParam("holdId") String holdId, ReleaseHoldRequest body,
            @Context SecurityContext caller) {
        ReleaseHoldRequest r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id(HOLD_ID, holdId));
        Reason reason = v.check(() -> Reason.of(r.reason));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return HoldResponse.of(holds.release(id, reason, actor));
    }
}
