package io.jixiao.rest.internal;

import io.jixiao.api.hook.PaymentApplication;
import io.jixiao.api.hook.PaymentGuard;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.Violations;
import io.jixiao.rest.internal.Dtos.PaymentCheckRequest;
import io.jixiao.rest.internal.Dtos.PaymentDecisionResponse;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

/** The payment-guard hook over REST. */
@Path("payment-guard")
public final class PaymentGuardResource {
    private final PaymentGuard guard;

    PaymentGuardResource(PaymentGuard guard) {
        this.guard = guard;
    }

    @POST
    @Path("checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public PaymentDecisionResponse check(PaymentCheckRequest body, @Context SecurityContext caller) {
        PaymentCheckRequest r = RequestBodies.required(body);
        Violations v = new Violations();
        PaymentApplication app = v.check(() -> PaymentApplication.from(r.mofDivCode, r.fiscalYear, r.payAppNo,
                r.agencyCode, r.proCode, r.bgtId, r.amount, r.expKind));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return PaymentDecisionResponse.of(guard.check(app, actor));
    }
}
