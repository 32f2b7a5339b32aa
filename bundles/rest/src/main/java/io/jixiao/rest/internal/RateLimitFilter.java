package io.jixiao.rest.internal;

import io.jixiao.security.RateLimiter;
import java.time.Duration;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

/** Per-account request budgets: over budget is 429 with {@code Retry-After}, before any resource runs. */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 1)
final class RateLimitFilter implements ContainerRequestFilter {
    private final RateLimiter limiter;

    RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext() instanceof AuthenticationFilter.Caller caller)) {
            return; // the public document
        }
        Duration wait = limiter.acquire(caller.getName());
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            request.abortWith(Response.fromResponse(Problem.response(429, "RATE_LIMITED", "Too Many Requests",
                    "request budget of this account exceeded; retry after " + seconds + " s", null))
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).build());
        }
    }
}
