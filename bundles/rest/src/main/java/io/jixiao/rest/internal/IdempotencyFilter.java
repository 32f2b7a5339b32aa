package io.jixiao.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.api.model.Violation;
import io.jixiao.api.call.IdempotencyKeys;
import io.jixiao.api.call.IdempotencyRepository;
import io.jixiao.api.call.IdempotencyRepository.Entry;
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
 * first call still runs gets 409 with {@code Retry-After} (the seconds left of its lease). The call runs as one unit
 * of work: everything it changes is committed with its answer, so a crash keeps both or neither, and after the lease
 * a retry performs a call that died unanswered. Server errors change nothing and free the key for a retry.
 */
@Idempotent
@Priority(Priorities.USER)
final class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IdempotencyFilter.class);
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String PROPERTY = IdempotencyFilter.class.getName() + ".key";

    private final IdempotencyRepository keys;
    private final ObjectMapper json;
    private final Duration retention;
    private final Duration lease;

    IdempotencyFilter(IdempotencyRepository keys, ObjectMapper json, Duration retention, Duration lease) {
        this.keys = keys;
        this.json = json;
        this.retention = retention;
        this.lease = lease;
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
                request.getMethod() + ' ' + request.getUriInfo().getPath(), body), now, now.plus(retention), lease);
        switch (entry.state()) {
            case RESERVED -> request.setProperty(PROPERTY, entry.call());
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
                    null)).header(HttpHeaders.RETRY_AFTER, Long.toString(entry.retryAfter().toSeconds())).build());
            case CONFLICT -> request.abortWith(Problem.response(422, "IDEMPOTENCY_KEY_REUSED",
                    "Unprocessable Entity", "this " + HEADER + " was used for a different request",
                    List.of(new Violation(HEADER, "same-request", "was used for a different request"))));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        IdempotencyRepository.Call call = (IdempotencyRepository.Call) request.getProperty(PROPERTY);
        if (call == null) {
            return;
        }
        request.removeProperty(PROPERTY);
        if (response.getStatus() >= 500) {
            call.abandon();
            return;
        }
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        String type = response.getMediaType() == null ? null : response.getMediaType().toString();
        String answer;
        try {
            answer = body(response.getEntity());
        } catch (JsonProcessingException | RuntimeException e) {
            call.abandon();
            throw e;
        }
        try {
            call.answer(response.getStatus(), type, location, answer);
        } catch (IdempotencyRepository.LeaseLostException lost) {
            replace(response, Problem.response(409, "IDEMPOTENCY_IN_PROGRESS", "Conflict", "this call outlived its "
                    + "lease and a retry with the same " + HEADER + " performed it; nothing of this call was kept",
                    null));
        } catch (RuntimeException failed) {
            LOG.warn("Committing a call under an {} failed; nothing of it was kept: {}", HEADER, failed.toString());
            replace(response, Response.fromResponse(Problem.response(503, "STORE_UNAVAILABLE", "Service Unavailable",
                    "the call could not be committed; nothing of it was kept: retry with the same " + HEADER, null))
                    .header(HttpHeaders.RETRY_AFTER, "1").build());
        }
    }

    private static void replace(ContainerResponseContext response, Response with) {
        response.setStatus(with.getStatus());
        response.getHeaders().clear();
        response.getHeaders().putAll(with.getHeaders());
        response.setEntity(with.getEntity(), null, with.getMediaType());
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
