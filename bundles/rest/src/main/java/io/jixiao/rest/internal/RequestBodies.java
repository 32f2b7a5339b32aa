package io.jixiao.rest.internal;

import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.Violations;
import java.util.Set;
import javax.ws.rs.core.UriInfo;

/** Checks shared by the resources. */
final class RequestBodies {
    private RequestBodies() {
    }

    /**
     * Spools an uploaded file (the request body, already capped by the size filter) to a temporary file; the
     * service that takes it deletes it.
     */
    static java.nio.file.Path spool(java.io.InputStream body) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("jixiao-upload-", ".upload");
            try {
                if (body != null) {
                    java.nio.file.Files.copy(body, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                return file;
            } catch (java.io.IOException | RuntimeException e) {
                java.nio.file.Files.deleteIfExists(file);
                throw e;
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The encodings an uploaded CSV file may be in. */
    static java.nio.charset.Charset charset(String raw) {
        return switch (raw.toUpperCase(java.util.Locale.ROOT)) {
            case "UTF-8", "UTF8" -> java.nio.charset.StandardCharsets.UTF_8;
            case "GB18030", "GBK" -> java.nio.charset.Charset.forName("GB18030");
            default -> throw InvalidInputException.of("CHARSET", "one-of", "UTF-8 or GB18030, got '" + raw + "'");
        };
    }

    /**
     * The {@code AFTER} query parameter of a paged list: the last id of the previous page; absent or 0 for the first.
     *
     * @return the id, or {@code null} with its problem added to {@code v}
     */
    static Long after(io.jixiao.api.model.Violations v, javax.ws.rs.core.MultivaluedMap<String, String> query) {
        String raw = query.getFirst("AFTER");
        return raw == null || raw.equals("0") ? Long.valueOf(0L) : v.check(() -> id("AFTER", raw));
    }

    /**
     * The {@code LIMIT} query parameter of a paged list, 100 when absent; the service checks its range.
     *
     * @return the limit, or {@code null} with its problem added to {@code v}
     */
    static Integer limit(io.jixiao.api.model.Violations v, javax.ws.rs.core.MultivaluedMap<String, String> query) {
        String raw = query.getFirst("LIMIT");
        return raw == null ? Integer.valueOf(100)
                : v.check(() -> (int) Math.min(Integer.MAX_VALUE, id("LIMIT", raw)));
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
     * @param raw a {@code FISCAL_YEAR} query parameter
     * @return the year
     * @throws io.jixiao.api.model.InvalidInputException if it is not a whole number in the years taken
     */
    static io.jixiao.api.model.FiscalYear fiscalYear(String raw) {
        return io.jixiao.api.model.FiscalYear.of((int) Math.min(id(io.jixiao.api.model.FiscalYear.FIELD, raw),
                Integer.MAX_VALUE));
    }

    /**
     * A {@code yyyy-MM-dd} field, its problem added to {@code v}.
     *
     * @param required whether a missing value is a problem
     * @return the day, or {@code null} if it is missing or broken
     */
    static java.time.LocalDate date(io.jixiao.api.model.Violations v, String field, String raw, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                v.add(field, "required", "is required (yyyy-MM-dd)");
            }
            return null;
        }
        try {
            return java.time.LocalDate.parse(raw);
        } catch (java.time.format.DateTimeParseException e) {
            v.add(field, "date", "a date such as 2026-01-01, got '" + raw + "'");
            return null;
        }
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

    /**
     * The one paging vocabulary is {@code AFTER} (and {@code NEXT_AFTER} in answers); a few queries had names of
     * their own, still accepted for one release.
     *
     * @param deprecated the query's old name, e.g. {@code AFTER_ROW}
     * @return the name the caller used; both at once is a broken rule
     */
    static String pagingName(Violations v, javax.ws.rs.core.MultivaluedMap<String, String> query, String deprecated) {
        if (query.containsKey("AFTER") && query.containsKey(deprecated)) {
            v.add(deprecated, "deprecated", deprecated + " is the old name of AFTER: give AFTER only");
        }
        return query.containsKey(deprecated) && !query.containsKey("AFTER") ? deprecated : "AFTER";
    }
}
