package io.jixiao.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import javax.ws.rs.GET;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document names exactly the operations the published resources implement. */
class OpenApiDocumentTest {

    @Test
    void everyResourceOperationIsDocumentedAndNothingElse() throws Exception {
        Set<String> implemented = new TreeSet<>();
        for (Class<?> resource : RestPublisher.RESOURCES) {
            String base = "/" + resource.getAnnotation(Path.class).value();
            for (Method m : resource.getMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? HttpMethod.GET
                        : m.isAnnotationPresent(POST.class) ? HttpMethod.POST : null;
                if (verb != null) {
                    Path sub = m.getAnnotation(Path.class);
                    implemented.add(verb + " " + base + (sub == null ? "" : "/" + sub.value()));
                }
            }
        }
        JsonNode doc;
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            doc = new ObjectMapper().readTree(in);
        }
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(verb -> documented.add(verb.toUpperCase() + " " + p.getKey())));

        assertThat(implemented).isEqualTo(documented);
    }
}
