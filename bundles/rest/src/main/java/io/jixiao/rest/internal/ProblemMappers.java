package io.jixiao.rest.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.JixiaoException;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Violation;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into problem+json; nothing else reaches the client. */
final class ProblemMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    static List<Object> all() {
        return List.of(new Domain(), new Json(), new Web(), new PortUnavailable(), new FeatureUnavailable.Mapper(),
                new Unexpected());
    }

    /** The host's service behind a port (its ledger, its compilation module) cannot be reached: retry later. */
    static final class PortUnavailable implements ExceptionMapper<io.jixiao.api.port.PortUnavailableException> {
        @Override
        public Response toResponse(io.jixiao.api.port.PortUnavailableException e) {
            LOG.warn("Host port unavailable: {}", e.getMessage());
            return Response.fromResponse(Problem.response(503, "PORT_UNAVAILABLE", "Service Unavailable",
                    e.getMessage(), null)).header("Retry-After", "30").build();
        }
    }

    /** The API's typed errors. */
    static final class Domain implements ExceptionMapper<JixiaoException> {
        @Override
        public Response toResponse(JixiaoException e) {
            if (e instanceof InvalidInputException invalid) {
                return Problem.response(400, invalid.code(), "Invalid input", e.getMessage(), invalid.violations());
            }
            if (e instanceof io.jixiao.api.goal.RulesViolatedException rules) {
                return Problem.rulesViolated(rules);
            }
            int status = e instanceof NotFoundException ? 404
                    : e instanceof ForbiddenException ? 403
                    : e instanceof ConflictException ? 409 : 400;
            return Problem.response(status, e.code(), Response.Status.fromStatusCode(status).getReasonPhrase(),
                    e.getMessage(), null);
        }
    }

    /** Malformed JSON, wrong types and unknown fields. */
    static final class Json implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            Response tooLarge = RequestSizeLimit.TooLarge.in(e);
            if (tooLarge != null) {
                return tooLarge;
            }
            Violation v;
            if (e instanceof JsonParseException || e.getOriginalMessage().startsWith("Trailing token")) {
                v = new Violation("$", "malformed-json", "the body is not well-formed JSON");
            } else if (e instanceof UnrecognizedPropertyException unknown) {
                v = new Violation(path(unknown), "unknown-field", "is not a field of this request");
            } else if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
                JsonMappingException m = (JsonMappingException) e;
                v = new Violation(path(m), "type", "has the wrong type: expected "
                        + (m instanceof MismatchedInputException mi && mi.getTargetType() != null
                                ? mi.getTargetType().getSimpleName() : "another type"));
            } else {
                v = new Violation("$", "malformed-json", "the body cannot be read as this request");
            }
            return Problem.response(400, InvalidInputException.CODE, "Invalid input", v.field() + ": " + v.message(),
                    List.of(v));
        }

        private static String path(JsonMappingException e) {
            String p = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return p.isEmpty() ? "$" : p;
        }
    }

    /** HTTP-level errors raised by the JAX-RS runtime: unknown path, wrong method or media type. */
    static final class Web implements ExceptionMapper<WebApplicationException> {
        @javax.ws.rs.core.Context
        private javax.ws.rs.core.UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status >= 500) {
                return new Unexpected().toResponse(e);
            }
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String title = type == null ? "HTTP " + status : type.getReasonPhrase();
            Response.ResponseBuilder b = Response.fromResponse(Problem.response(status, "HTTP_" + status, title,
                    title, null));
            String documented = status == 405 && uri != null ? DocumentedMethods.allow(uri.getPath()) : null;
            if (documented != null) {
                b.header("Allow", documented);
            } else if (e.getResponse() != null && e.getResponse().getHeaderString("Allow") != null) {
                b.header("Allow", e.getResponse().getHeaderString("Allow"));
            }
            return b.build();
        }
    }

    /**
     * Anything else: logged with an incident id, answered without internals — except a database that cannot be
     * reached, a temporary condition: 503 with {@code Retry-After}, logged in one line.
     */
    static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            Response tooLarge = RequestSizeLimit.TooLarge.in(e);
            if (tooLarge != null) {
                return tooLarge;
            }
            io.jixiao.security.ClientAdmission.SlowBodyException slow =
                    io.jixiao.security.ClientAdmission.SlowBodyException.in(e);
            if (slow != null) {
                LOG.info("Answered 408: {}", slow.getMessage());
                return Response.fromResponse(Problem.response(408, "BODY_TOO_SLOW", "Request Timeout",
                        slow.getMessage(), null)).header("Connection", "close").build();
            }
            if (io.jixiao.security.ClientAdmission.ToClient.closedByClient(e)) { // as the SOAP adapter decides
                LOG.info("A client closed its connection before its request was read: {}", e.toString());
                org.apache.cxf.message.Message current = org.apache.cxf.phase.PhaseInterceptorChain.getCurrentMessage();
                if (current != null && current.getExchange() != null) {
                    current.getExchange().put(AdmissionFilter.CLOSED_EARLY, Boolean.TRUE); // no answer then
                }
                return Problem.response(400, "HTTP_400", "Bad Request", "the request ended early", null);
            }
            String unavailable = io.jixiao.api.call.StoreUnavailable.reason(e);
            if (unavailable != null) {
                LOG.warn("Answered 503: the database cannot be reached ({})", unavailable);
                return Response.fromResponse(Problem.response(503, "STORE_UNAVAILABLE", "Service Unavailable",
                        "the database cannot be reached; nothing was changed: try again later", null))
                        .header("Retry-After", Integer.toString(io.jixiao.api.call.StoreUnavailable.RETRY_AFTER_SECONDS))
                        .build();
            }
            String incident = UUID.randomUUID().toString();
            LOG.error("Unexpected error, incident {}", incident, e);
            return Problem.response(500, "INTERNAL_ERROR", "Internal Server Error",
                    "unexpected error; incident " + incident, null);
        }
    }
}
