package io.jixiao.rest.internal;

import io.jixiao.api.call.IdempotencyRepository;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

/**
 * The first filter of every request: rolls back a call an earlier request left bound to this pooled thread
 * ({@link IdempotencyRepository#discardStale}), so that this request's writes never join it.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 300)
final class StaleCallFilter implements ContainerRequestFilter {
    private final IdempotencyRepository calls;

    StaleCallFilter(IdempotencyRepository calls) {
        this.calls = calls;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        calls.discardStale();
    }
}
