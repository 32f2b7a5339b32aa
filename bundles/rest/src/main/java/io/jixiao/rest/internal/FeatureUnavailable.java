package io.jixiao.rest.internal;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

/** A documented resource whose feature is not on this node at the moment: 503, retry later. */
final class FeatureUnavailable extends WebApplicationException {
    private static final long serialVersionUID = 1L;
    static final int RETRY_AFTER_SECONDS = 30;

    FeatureUnavailable(Class<?> resource) {
        super("the service behind " + resource.getSimpleName() + " is not available on this node", 503);
    }

    /** Answers the problem without a stack trace: a stopped feature is the operator's state, not a fault. */
    static final class Mapper implements ExceptionMapper<FeatureUnavailable> {
        @Override
        public Response toResponse(FeatureUnavailable e) {
            return Response.fromResponse(Problem.response(503, "FEATURE_UNAVAILABLE", "Service Unavailable",
                    e.getMessage() + "; the other features answer as usual", null))
                    .header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)).build();
        }
    }
}
