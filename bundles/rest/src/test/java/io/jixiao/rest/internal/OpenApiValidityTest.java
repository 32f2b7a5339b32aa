package io.jixiao.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialects;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document is checked by two validators nobody here wrote — swagger-parser (with its
 * validation messages) and networknt's json-schema-validator against the OpenAPI Initiative's own schema of 3.0
 * documents — and by the rules a vendor's tools apply beyond the schema: no sibling next to a {@code $ref}, every
 * tag declared, every operation with an example request and answer valid against their schemas (OpenAPI 3.0
 * dialect), and every status the adapters can answer declared. A regression fails the build.
 */
class OpenApiValidityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Answered by every authenticated operation: the problem codes of docs/api.md. */
    private static final Set<String> EVERY_OPERATION = Set.of("400", "401", "403", "406", "429", "500", "503");
    /** Answered by every operation with a request body. */
    private static final Set<String> WITH_A_BODY = Set.of("408", "413", "415");

    static String document() throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> swaggerParser(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(document, null, options);
        List<String> messages = new ArrayList<>(result.getMessages() == null ? List.of() : result.getMessages());
        if (result.getOpenAPI() == null) {
            messages.add("not read as OpenAPI");
        }
        return messages;
    }

    private static List<String> openApiInitiativeSchema(String document) throws IOException {
        Schema schema;
        try (InputStream in = OpenApiValidityTest.class.getResourceAsStream("/oas/openapi-3.0-schema-2019-04-02.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in, InputFormat.JSON);
        }
        return schema.validate(document, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    @Test
    void swaggerParserReadsItWithoutAMessage() throws Exception {
        assertThat(swaggerParser(document())).isEmpty();
    }

    @Test
    void theOpenApiInitiativesSchemaAcceptsIt() throws Exception {
        assertThat(openApiInitiativeSchema(document())).isEmpty();
    }

    @Test
    void theValidatorsCatchTheDefectsTheyAreHereFor() throws Exception {
        // issue 24's findings, put back: a numeric exclusiveMinimum (OpenAPI 3.0 wants a boolean) and a path that
        // is not a path
        ObjectNode doc = (ObjectNode) JSON.readTree(document());
        ((ObjectNode) doc.at("/components/schemas/AMOUNT")).put("exclusiveMinimum", 0);
        assertThat(openApiInitiativeSchema(doc.toString())).isNotEmpty();
        ObjectNode broken = (ObjectNode) JSON.readTree(document());
        ((ObjectNode) broken.get("paths")).set("holds-without-slash", broken.get("paths").get("/holds"));
        assertThat(openApiInitiativeSchema(broken.toString())).isNotEmpty();
        ObjectNode noInfo = (ObjectNode) JSON.readTree(document());
        noInfo.remove("info");
        assertThat(swaggerParser(noInfo.toString())).isNotEmpty();
    }

    @Test
    void noSiblingBesideARef() throws Exception {
        List<String> found = new ArrayList<>();
        refSiblings(JSON.readTree(document()), "", found);
        assertThat(found).as("OpenAPI 3.0 ignores whatever stands beside a $ref").isEmpty();
    }

    private static void refSiblings(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            if (node.has("$ref") && node.size() > 1) {
                found.add(path);
            }
            node.fields().forEachRemaining(f -> refSiblings(f.getValue(), path + "/" + f.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refSiblings(node.get(i), path + "/" + i, found);
            }
        }
    }

    @Test
    void everyTagUsedIsDeclared() throws Exception {
        JsonNode doc = JSON.readTree(document());
        Set<String> declared = new TreeSet<>();
        doc.get("tags").forEach(t -> declared.add(t.get("name").asText()));
        Set<String> used = new TreeSet<>();
        operations(doc).forEach(op -> op.operation().path("tags").forEach(t -> used.add(t.asText())));
        assertThat(used).isEqualTo(declared);
        doc.get("tags").forEach(t -> assertThat(t.path("description").asText()).as(t.toString()).isNotBlank());
    }

    @Test
    void everyOperationDeclaresWhatItCanAnswerWithExamples() throws Exception {
        JsonNode doc = JSON.readTree(document());
        List<String> missing = new ArrayList<>();
        for (Operation op : operations(doc)) {
            JsonNode o = op.operation();
            Set<String> statuses = new TreeSet<>();
            o.get("responses").fieldNames().forEachRemaining(statuses::add);
            if (!op.path().equals("/" + OpenApiResource.DOCUMENT)) {
                EVERY_OPERATION.stream().filter(s -> !statuses.contains(s))
                        .forEach(s -> missing.add(op + " does not declare " + s));
                if (o.has("requestBody")) {
                    WITH_A_BODY.stream().filter(s -> !statuses.contains(s))
                            .forEach(s -> missing.add(op + " does not declare " + s));
                }
            }
            o.path("requestBody").path("content").fields().forEachRemaining(c -> {
                if (!c.getValue().has("example")) {
                    missing.add(op + " has no example request of " + c.getKey());
                }
            });
            boolean answered = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = o.get("responses").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> r = it.next();
                JsonNode response = resolve(doc, r.getValue());
                for (Iterator<Map.Entry<String, JsonNode>> c = response.path("content").fields(); c.hasNext();) {
                    Map.Entry<String, JsonNode> media = c.next();
                    if (!media.getValue().has("example")) {
                        missing.add(op + " " + r.getKey() + " has no example answer of " + media.getKey());
                    } else if (r.getKey().startsWith("2")) {
                        answered = true;
                    }
                }
                if (r.getKey().startsWith("2") && !response.has("content")) {
                    answered = true; // 204: no content to show
                }
            }
            if (!answered) {
                missing.add(op + " has no example of its answer");
            }
            o.path("parameters").forEach(p -> {
                if (!p.has("$ref") && !p.has("example")) {
                    missing.add(op + " parameter " + p.get("name").asText() + " has no example");
                }
            });
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyExampleIsValidAgainstItsSchema() throws Exception {
        JsonNode doc = JSON.readTree(document());
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());
        List<String> invalid = new ArrayList<>();
        int checked = 0;
        for (Operation op : operations(doc)) {
            JsonNode o = op.operation();
            List<Map.Entry<String, JsonNode>> media = new ArrayList<>();
            o.path("requestBody").path("content").fields().forEachRemaining(c -> media.add(Map.entry("request "
                    + c.getKey(), c.getValue())));
            o.get("responses").fields().forEachRemaining(r -> resolve(doc, r.getValue()).path("content").fields()
                    .forEachRemaining(c -> media.add(Map.entry(r.getKey() + " " + c.getKey(), c.getValue()))));
            o.path("parameters").forEach(p -> {
                if (p.has("example")) {
                    media.add(Map.entry("parameter " + p.get("name").asText(), p));
                }
            });
            for (Map.Entry<String, JsonNode> m : media) {
                JsonNode example = m.getValue().get("example");
                JsonNode schema = m.getValue().get("schema");
                if (example == null || schema == null || !(m.getKey().contains("json") || m.getKey().startsWith("parameter"))) {
                    continue;
                }
                ObjectNode withComponents = schema.deepCopy();
                withComponents.set("components", doc.get("components"));
                Schema compiled = registry.getSchema(withComponents.toString(), InputFormat.JSON);
                var errors = compiled.validate(example.toString(), InputFormat.JSON);
                checked++;
                if (!errors.isEmpty()) {
                    invalid.add(op + " " + m.getKey() + ": " + errors);
                }
            }
        }
        assertThat(invalid).isEmpty();
        assertThat(checked).as("examples checked").isGreaterThan(150);
    }

    @Test
    void anInvalidExampleIsCaught() throws Exception {
        JsonNode doc = JSON.readTree(document());
        ObjectNode schema = JSON.createObjectNode().put("$ref", "#/components/schemas/MOF_DIV_CODE");
        schema.set("components", doc.get("components"));
        Schema compiled = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30()).getSchema(schema.toString(),
                InputFormat.JSON);
        assertThat(compiled.validate("\"44\"", InputFormat.JSON)).isNotEmpty();
        assertThat(compiled.validate("\"440100000\"", InputFormat.JSON)).isEmpty();
    }

    /** An operation of the document: its path, method and object. */
    record Operation(String path, String method, JsonNode operation) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    static List<Operation> operations(JsonNode doc) {
        List<Operation> all = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (Set.of("get", "post", "put", "delete", "patch").contains(m.getKey())) {
                all.add(new Operation(p.getKey(), m.getKey(), m.getValue()));
            }
        }));
        return all;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = doc.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }
}
