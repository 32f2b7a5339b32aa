package io.jixiao.rest.internal;

import io.jixiao.api.model.InvalidInputException;

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
}
