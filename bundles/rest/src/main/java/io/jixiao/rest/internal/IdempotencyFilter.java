package io.jixiao.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.api.model.Violation;
import io.jixiao.store.IdempotencyKeys;
import io.jixiao.store.IdempotencyRepository;
import io.jixiao.store.IdempotencyRepository.Entry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

/**
 * The one idempotency scheme of the REST adapter: a state-changing call may carry {@code Idempotency-Key}; its
 * first answer is kept, a replay of the same request gets that answer again (with
 * {@code Idempotent-Replayed: true}), the same key with a different request gets 422, and a replay while the
 * first call still runs gets 409 with {@code Retry-After}. Server errors free the key for a retry.
 */
@Idempotent
@Priority(Priorities.USER)
final class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String PROPERTY = IdempotencyFilter.class.getName() + ".key";

    private final IdempotencyRepository keys;
    private final ObjectMapper json;
    private final Duration retention;

    IdempotencyFilter(IdempotencyRepository keys, ObjectMapper json, Duration retention) {
        this.keys = keys;
        this.json = json;
        this.retention = retention;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null) {
            return;
        }
        if (!IdempotencyKeys.KEY.matcher(key).matches()) {
            request.abortWith(Problem.response(400, "INVALID_INPUT", "Invalid input", HEADER + ": malformed key",
                    List.of(new Violation(HEADER, "pattern", IdempotencyKeys.KEY_RULE))));
            return;
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String scoped = IdempotencyKeys.scoped(
                AuthenticationFilter.Caller.of(request.getSecurityContext()).account(), key);
        Instant now = Instant.now();
        Entry entry = keys.begin(scoped, IdempotencyKeys.requestHash(
                request.getMethod() + ' ' + request.getUriInfo().getPath(), body), now, now.plus(retention));
        switch (entry.state()) {
            case RESERVED -> request.setProperty(PROPERTY, scoped);
            case ANSWERED -> {
                Response.ResponseBuilder replay = Response.status(entry.status())
                        .entity(entry.body() == null ? new byte[0] : entry.body().getBytes(StandardCharsets.UTF_8))
                        .header(REPLAYED, "true");
                if (entry.contentType() != null) {
                    replay.header(HttpHeaders.CONTENT_TYPE, entry.contentType());
                }
                if (entry.location() != null) {
                    replay.header(HttpHeaders.LOCATION, entry.location());
                }
                request.abortWith(replay.build());
            }
            case IN_PROGRESS -> request.abortWith(Response.fromResponse(Problem.response(409,
                    "IDEMPOTENCY_IN_PROGRESS", "Conflict", "a request with this " + HEADER + " is still running",
                    null)).header(HttpHeaders.RETRY_AFTER, "1").build());
            case CONFLICT -> request.abortWith(Problem.response(422, "IDEMPOTENCY_KEY_REUSED",
                    "Unprocessable Entity", "this " + HEADER + " was used for a different request",
                    List.of(new Violation(HEADER, "same-request", "was used for a different request"))));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        String key = (String) request.getProperty(PROPERTY);
        if (key == null) {
            return;
        }
        if (response.getStatus() >= 500) {
            keys.abandon(key);
            return;
        }
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        String type = response.getMediaType() == null ? null : response.getMediaType().toString();
        keys.complete(key, response.getStatus(), type, location, body(response.getEntity()));
    }

    private String body(Object entity) throws JsonProcessingException {
        if (entity == null) {
            return "";
        }
        if (entity instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return json.writeValueAsString(entity);
    }
}
