package io.jixiao.rest.internal;

import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.Violations;
import java.util.Set;
import javax.ws.rs.core.UriInfo;

/** Checks shared by the resources. */
final class RequestBodies {
    private RequestBodies() {
    }

    static <T> T required(T body) {
        if (body == null) {
            throw InvalidInputException.of("$", "required", "a JSON request body is required");
        }
        return body;
    }

    static long id(String field, String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InvalidInputException.of(field, "pattern", "must be a positive whole number");
    }

    /**
     * Refuses query parameters a GET does not know, and parameters given twice: a misspelt filter must not
     * silently widen a query.
     */
    static void onlyParameters(UriInfo uri, Set<String> known) {
        Violations v = new Violations();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!known.contains(name)) {
                v.add(name, "unknown", "is not a parameter of this resource");
            } else if (values.size() > 1) {
                v.add(name, "single", "must be given at most once");
            }
        });
        v.throwIfAny();
    }
}
