package io.jixiao.rest.internal;

import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.library.FileFormat;
import io.jixiao.api.library.GoalFormService;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Violations;
import io.jixiao.rest.internal.GoalDtos.GoalVersionJson;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Goals in the standard declaration form 项目支出绩效目标申报表: a form uploaded drafts its goal; a version downloads as one. */
@javax.ws.rs.Path("goal-forms")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class)
public final class GoalFormResource implements RestResource {
    private final GoalFormService forms;

    @Activate
    public GoalFormResource(@Reference GoalFormService forms) {
        this.forms = forms;
    }

    /** POST /goal-forms?MOF_DIV_CODE=…: the form is the body; the region must be the form's. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response importForm(InputStream body, @Context UriInfo uri, @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, Set.of(MofDivCode.FIELD, "CHARSET", "OPERATOR"));
        MultivaluedMap<String, String> p = uri.getQueryParameters();
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(p.getFirst(MofDivCode.FIELD)));
        Charset charset = v.optional(p.getFirst("CHARSET"), RequestBodies::charset);
        Actor actor = GoalResource.actor(caller, p.getFirst("OPERATOR"), v);
        v.throwIfAny();
        GoalVersion drafted = forms.importForm(RequestBodies.spool(body),
                charset == null ? StandardCharsets.UTF_8 : charset, region, actor);
        return Response.created(uri.getBaseUriBuilder().path("goals/{id}/versions/{v}")
                .build(drafted.goalId(), drafted.version())).entity(GoalVersionJson.of(drafted)).build();
    }

    @GET
    @javax.ws.rs.Path("{goalId}/versions/{version}")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv", MediaType.APPLICATION_JSON})
    public Response exportForm(@PathParam("goalId") String goalId, @PathParam("version") String version,
            @Context UriInfo uri, @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, Set.of("FORMAT"));
        long id = RequestBodies.id("GOAL_ID", goalId);
        long n = RequestBodies.id("VERSION", version);
        if (n > 10_000) {
            throw InvalidInputException.of("VERSION", "range", "must be 1 to 10000");
        }
        String raw = uri.getQueryParameters().getFirst("FORMAT");
        FileFormat format;
        try {
            format = raw == null ? FileFormat.XLSX : FileFormat.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("FORMAT", "one-of", "XLSX or CSV, got '" + raw + "'");
        }
        Actor reader = AuthenticationFilter.Caller.of(caller).reader();
        // written to memory first: a form is small, and a refusal must come before the first byte
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        forms.exportForm(id, (int) n, format, file, reader);
        StreamingOutput out = o -> file.writeTo(o);
        return Response.ok(out, format == FileFormat.XLSX
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"goal-" + id + "-v" + n
                        + (format == FileFormat.XLSX ? ".xlsx" : ".csv") + "\"").build();
    }
}
