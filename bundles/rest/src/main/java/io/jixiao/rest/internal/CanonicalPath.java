package io.jixiao.rest.internal;

import java.util.regex.Pattern;
import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

/**
 * One spelling per resource: an id in a path is plain ASCII digits without sign or leading zero, and a path carries
 * no matrix parameters. {@code /holds/+1001}, {@code /holds/０１００１} (full-width), Arabic-Indic digits,
 * {@code /holds/01001} and {@code /holds/1001;x=1} would otherwise all reach hold 1001 — a second name for an object
 * that caches, logs and access rules keyed on the path do not know. Refused with 400 before anything else runs.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
final class CanonicalPath implements ContainerRequestFilter {
    private static final Pattern NUMBER_LIKE = Pattern.compile("[+\\-]?\\p{Nd}+");
    private static final Pattern CANONICAL = Pattern.compile("0|[1-9][0-9]{0,18}");

    @Override
    public void filter(ContainerRequestContext request) {
        String raw = request.getUriInfo().getRequestUri().getRawPath();
        if (raw.indexOf(';') >= 0) {
            request.abortWith(Problem.response(400, "INVALID_INPUT", "Bad Request",
                    "matrix parameters (;name=value) are not part of this API", null));
            return;
        }
        String previous = "";
        for (javax.ws.rs.core.PathSegment segment : request.getUriInfo().getPathSegments(true)) {
            String s = segment.getPath();
            boolean code = previous.equals("indicators"); // an indicator code may be digits with a leading zero
            previous = s;
            if (!code && NUMBER_LIKE.matcher(s).matches() && !CANONICAL.matcher(s).matches()) {
                request.abortWith(Problem.response(400, "INVALID_INPUT", "Bad Request",
                        "an id in the path is written in ASCII digits without sign or leading zero: '" + s + "'",
                        null));
                return;
            }
        }
    }
}
