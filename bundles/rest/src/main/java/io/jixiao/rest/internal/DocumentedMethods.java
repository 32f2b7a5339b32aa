package io.jixiao.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each path allows, as the OpenAPI document says: the {@code Allow} header of a 405 names these (and
 * HEAD with GET, OPTIONS always, which the runtime answers itself) — not what the JAX-RS runtime happens to find on
 * neighbouring resources.
 */
final class DocumentedMethods {
    /** A documented path and the {@code Allow} value it answers. */
    private record Path(Pattern pattern, String allow) {
    }

    private static final List<Path> PATHS = load();

    private DocumentedMethods() {
    }

    private static List<Path> load() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            JsonNode paths = new ObjectMapper().readTree(in).get("paths");
            List<Path> all = new ArrayList<>();
            paths.fields().forEachRemaining(p -> {
                StringBuilder regex = new StringBuilder();
                for (String part : p.getKey().split("(?=\\{)|(?<=})")) {
                    regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
                }
                Set<String> methods = new TreeSet<>();
                p.getValue().fieldNames().forEachRemaining(m -> methods.add(m.toUpperCase(Locale.ROOT)));
                if (methods.contains("GET")) {
                    methods.add("HEAD");
                }
                methods.add("OPTIONS");
                all.add(new Path(Pattern.compile(regex.toString()), String.join(", ", methods)));
            });
            return List.copyOf(all);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document is part of this bundle", e);
        }
    }

    /**
     * @param path the request path below the API's address, e.g. {@code /holds/7/release}
     * @return the value of {@code Allow} for it, or {@code null} when the document has no such path
     */
    static String allow(String path) {
        String normalized = path.startsWith("/") ? path : "/" + path;
        for (Path p : PATHS) {
            if (p.pattern().matcher(normalized).matches()) {
                return p.allow();
            }
        }
        return null;
    }
}
