package io.jixiao.rest.internal;

import io.jixiao.rest.internal.Dtos.PaymentCheckRequest;
import io.jixiao.rest.internal.Dtos.PaymentDecisionResponse;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * A step of the REST load tool's ladder between the bare echo and the payment check: the check's JSON binding
 * (request and answer types, the production mapper and providers) without the guard — what the binding costs.
 */
@Path("payment-guard")
public final class BindingEcho {

    @POST
    @Path("checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public PaymentDecisionResponse check(PaymentCheckRequest body) {
        PaymentDecisionResponse r = new PaymentDecisionResponse();
        r.decision = body.payAppNo == null ? "HOLD" : "PASS";
        r.reasonCode = "NO_ACTIVE_HOLD";
        return r;
    }
}
