package io.jixiao.rest.internal;

import io.jixiao.security.ClientAdmission;
import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Response;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits each request by its client's address, first of all and before anything of its body is read: an address
 * (or all of them) with as many requests in progress as allowed gets 503 with {@code Retry-After} at once, and a body
 * that arrives slower than the minimum rate ends its request with 408 ({@link ClientAdmission}). The admission ends
 * with the answer, which a client that has gone does not fail.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
final class AdmissionFilter implements ContainerRequestFilter, ContainerResponseFilter {
    /** Exchange property: the client closed its connection before its request was read (logged then). */
    static final String CLOSED_EARLY = AdmissionFilter.class.getName() + ".closedEarly";
    private static final String TICKET = AdmissionFilter.class.getName() + ".ticket";
    private static final Logger LOG = LoggerFactory.getLogger(AdmissionFilter.class);
    private final ClientAdmission admission;

    AdmissionFilter(ClientAdmission admission) {
        this.admission = admission;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        org.apache.cxf.message.Message message = PhaseInterceptorChain.getCurrentMessage();
        if (message != null) {
            // CXF reads what is left of a request's body before it answers (up to 16 MB, to keep the connection):
            // a client that sends slowly or not at all would hold the thread that answers it — a 401, a 413, this
            // filter's 503 — for the connection's idle timeout. Without this handle it does not, and the server
            // closes a connection whose request was not read to its end.
            message.removeContent(org.apache.cxf.io.DelegatingInputStream.class);
        }
        ClientAdmission.Ticket ticket = admission.admit(address(message));
        if (ticket == null) {
            request.abortWith(Response.fromResponse(Problem.response(503, "SERVER_BUSY", "Service Unavailable",
                    "too many requests in progress from your address, or from all clients; retry in a second", null))
                    .header("Retry-After", "1").header("Connection", "close").build());
            return;
        }
        request.setProperty(TICKET, ticket);
        boolean body = request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
        if (body) {
            request.setEntityStream(admission.minimumRate(request.getEntityStream()));
        }
    }

    /**
     * Ends the admission, and writes the answer through a stream that, should the client have gone, says so in one
     * INFO line and drops the rest — where CXF would log the failed write as an error with stack traces. A request
     * whose body ended early ({@link #CLOSED_EARLY}, logged then) sends nothing at all.
     */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(TICKET) instanceof ClientAdmission.Ticket ticket) {
            ticket.close();
        }
        org.apache.cxf.message.Message message = PhaseInterceptorChain.getCurrentMessage();
        boolean closedEarly = message != null && message.getExchange() != null
                && Boolean.TRUE.equals(message.getExchange().get(CLOSED_EARLY));
        response.setEntityStream(closedEarly ? java.io.OutputStream.nullOutputStream()
                : admission.toClient(response.getEntityStream(), e -> LOG.info(
                        "A client closed its connection before its answer was sent ({} {}): {}", request.getMethod(),
                        request.getUriInfo().getRequestUri().getPath(), e.toString())));
    }

    /** The client's address of a CXF message (the admission's and the failed-login throttle's key). */
    static String address(org.apache.cxf.message.Message message) {
        Object http = message == null ? null : message.get(AbstractHTTPDestination.HTTP_REQUEST);
        return http instanceof HttpServletRequest servlet ? servlet.getRemoteAddr() : "unknown";
    }
}
