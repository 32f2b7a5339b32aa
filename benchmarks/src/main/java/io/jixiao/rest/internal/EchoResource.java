package io.jixiao.rest.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;

/**
 * The baseline of the REST load tool: a bare CXF JAX-RS endpoint on the same path that reads the request body and
 * answers a fixed PASS, with no JSON mapping, authentication, size limit or guard — what the transport alone costs.
 */
@Path("payment-guard")
public final class EchoResource {
    private static final String PASS = "{\"DECISION\":\"PASS\",\"REASON_CODE\":\"NO_ACTIVE_HOLD\"}";

    @POST
    @Path("checks")
    @Consumes("application/json")
    @Produces("application/json")
    public String check(String body) {
        return body.isEmpty() ? "" : PASS;
    }
}
