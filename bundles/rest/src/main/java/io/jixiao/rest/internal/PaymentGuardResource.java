package io.jixiao.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jixiao.api.hook.PaymentApplication;
import io.jixiao.api.hook.PaymentGuard;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Violations;
import io.jixiao.api.service.Bypass;
import io.jixiao.api.service.GuardState;
import io.jixiao.api.service.PaymentGuardAdmin;
import io.jixiao.rest.internal.Dtos.PaymentCheckRequest;
import io.jixiao.rest.internal.Dtos.PaymentDecisionResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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

/** The payment-guard hook over REST, the guard's state for a region, and its emergency bypass. */
@Path("payment-guard")
@Component(service = RestResource.class)
public final class PaymentGuardResource implements RestResource {
    private final PaymentGuard guard;
    private final PaymentGuardAdmin admin;

    @Activate
    public PaymentGuardResource(@Reference PaymentGuard guard, @Reference PaymentGuardAdmin admin) {
        this.guard = guard;
        this.admin = admin;
    }

    @POST
    @Path("checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public PaymentDecisionResponse check(PaymentCheckRequest body, @Context SecurityContext caller) {
        PaymentCheckRequest r = RequestBodies.required(body);
        Violations v = new Violations();
        PaymentApplication app = v.check(() -> PaymentApplication.from(r.mofDivCode, r.fiscalYear, r.payAppNo,
                r.agencyCode, r.proCode, r.bgtId, r.amount, r.expKind, r.ecoCode));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return PaymentDecisionResponse.of(guard.check(app, actor));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class BypassJson {
        @JsonProperty("BYPASS_ID") public long bypassId;
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("OPENED_AT") public String openedAt;
        @JsonProperty("UNTIL") public String until;
        @JsonProperty("REASON") public String reason;
        @JsonProperty("OPENED_BY") public String openedBy;
        @JsonProperty("CLOSED_AT") public String closedAt;
        @JsonProperty("CLOSED_BY") public String closedBy;
        @JsonProperty("CLOSE_REASON") public String closeReason;

        static BypassJson of(Bypass b) {
            if (b == null) {
                return null;
            }
            BypassJson j = new BypassJson();
            j.bypassId = b.bypassId();
            j.mofDivCode = b.mofDivCode().value();
            j.openedAt = b.openedAt().toString();
            j.until = b.until().toString();
            j.reason = b.reason().text();
            j.openedBy = b.openedBy().callerSystem() + "/" + b.openedBy().operator();
            if (b.closedAt() != null) {
                j.closedAt = b.closedAt().toString();
                j.closedBy = b.closedBy().callerSystem() + "/" + b.closedBy().operator();
                j.closeReason = b.closeReason().text();
            }
            return j;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class StateJson {
        @JsonProperty("CONSISTENCY") public String consistency;
        @JsonProperty("LOADED") public boolean loaded;
        @JsonProperty("TRUSTED") public boolean trusted;
        @JsonProperty("INDEX_AGE_MS") public Long indexAgeMillis;
        @JsonProperty("LAST_SYNC") public String lastSync;
        @JsonProperty("APPLIED_CHANGE") public long appliedChange;
        @JsonProperty("HELD_TARGETS") public int heldTargets;
        @JsonProperty("STALE_AFTER_MS") public long staleAfterMillis;
        @JsonProperty("BYPASS") public BypassJson bypass;
        @JsonProperty("JOURNAL_LAG_MS") public Long journalLagMillis;
        @JsonProperty("JOURNAL_BACKLOG_BYTES") public long journalBacklogBytes;
        @JsonProperty("AUDIT_CHAIN_BREAK") public String auditChainBreak;
        @JsonProperty("UNTRUSTED_REASON") public String untrustedReason;
    }

    /** POST /payment-guard/bypasses. */
    static final class OpenJson {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("UNTIL") public String until;
        @JsonProperty("REASON") public String reason;
        @JsonProperty("OPERATOR") public String operator;
    }

    /** POST /payment-guard/bypasses/{id}/closing. */
    static final class CloseJson {
        @JsonProperty("REASON") public String reason;
        @JsonProperty("OPERATOR") public String operator;
    }

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public StateJson status(@QueryParam("MOF_DIV_CODE") String mofDivCode, @Context UriInfo uri,
            @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, Set.of(MofDivCode.FIELD));
        GuardState s = admin.state(MofDivCode.of(mofDivCode), AuthenticationFilter.Caller.of(caller).reader());
        StateJson j = new StateJson();
        j.consistency = s.consistency();
        j.loaded = s.loaded();
        j.trusted = s.trusted();
        j.indexAgeMillis = s.indexAgeMillis();
        j.lastSync = s.lastSync() == null ? null : s.lastSync().toString();
        j.appliedChange = s.appliedChange();
        j.heldTargets = s.heldTargets();
        j.staleAfterMillis = s.staleAfterMillis();
        j.bypass = BypassJson.of(s.bypass());
        j.journalLagMillis = s.journalLagMillis();
        j.journalBacklogBytes = s.journalBacklogBytes();
        j.auditChainBreak = s.auditChainBreak();
        j.untrustedReason = s.untrustedReason();
        return j;
    }

    @POST
    @Idempotent
    @Path("bypasses")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(OpenJson body, @Context UriInfo uri, @Context SecurityContext caller) {
        OpenJson r = RequestBodies.required(body);
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(r.mofDivCode));
        Instant until = null;
        if (r.until == null) {
            v.add("UNTIL", "required", "is required, e.g. 2026-12-31T18:00:00+08:00");
        } else {
            try {
                until = OffsetDateTime.parse(r.until).toInstant();
            } catch (DateTimeParseException e) {
                v.add("UNTIL", "date-time", "a time with its offset such as 2026-12-31T18:00:00+08:00");
            }
        }
        Reason reason = v.check(() -> Reason.of(r.reason));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        Bypass opened = admin.openBypass(region, until, reason, actor);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(opened.bypassId())).build())
                .entity(BypassJson.of(opened)).build();
    }

    @POST
    @Idempotent
    @Path("bypasses/{bypassId}/closing")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public BypassJson close(@PathParam("bypassId") String bypassId, CloseJson body, @Context SecurityContext caller) {
        CloseJson r = RequestBodies.required(body);
        Violations v = new Violations();
        Long id = v.check(() -> RequestBodies.id("BYPASS_ID", bypassId));
        Reason reason = v.check(() -> Reason.of(r.reason));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return BypassJson.of(admin.closeBypass(id, reason, actor));
    }
}
