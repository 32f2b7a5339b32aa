package io.jixiao.it.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.it.framework.Endpoints.Endpoint;

/** The published OpenAPI document, as served: which statuses an operation declares. */
final class Contract {
    private static JsonNode document;

    private Contract() {
    }

    private static synchronized JsonNode document() throws Exception {
        if (document == null) {
            document = new ObjectMapper().readTree(Jixiao.get(Jixiao.REST + "/openapi.json").body());
        }
        return document;
    }

    /** @return a finding when a REST answer's status is not among those its operation declares, else null */
    static String undeclared(Endpoint endpoint, int status) throws Exception {
        if (!endpoint.adapter().equals("rest")) {
            return null;
        }
        JsonNode operation = document().path("paths").path(endpoint.contractPath())
                .path(endpoint.method().toLowerCase(java.util.Locale.ROOT));
        if (operation.isMissingNode()) {
            return endpoint + " is not in the OpenAPI document";
        }
        return operation.path("responses").has(Integer.toString(status)) ? null
                : endpoint + " answered " + status + ", which its OpenAPI operation does not declare";
    }
}
