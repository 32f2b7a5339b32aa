package io.jixiao.it.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The endpoint registry matches what Jixiao publishes: an endpoint not in the registry fails the build. */
class EndpointRegistryIT {

    @BeforeAll
    static void start() throws Exception {
        Jixiao.start();
    }

    @Test
    void everyRestOperationIsRegistered() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(Jixiao.get(Jixiao.REST + "/openapi.json").body());
        Set<String> published = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(m -> published.add(m.toUpperCase() + " " + path.getKey()));
        }
        Set<String> registered = Endpoints.all().stream().filter(e -> e.adapter().equals("rest"))
                .map(e -> e.method() + " " + e.contractPath()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(registered).isEqualTo(published);
    }

    @Test
    void everySoapOperationIsRegistered() throws Exception {
        Matcher m = Pattern.compile("<wsdl:operation name=\"(\\w+)\"").matcher(Jixiao.get(Jixiao.SOAP + "?wsdl").body());
        Set<String> published = new TreeSet<>();
        while (m.find()) {
            published.add(m.group(1));
        }
        Set<String> registered = Endpoints.all().stream().filter(e -> e.adapter().equals("soap"))
                .map(Endpoints.Endpoint::method).collect(Collectors.toCollection(TreeSet::new));

        assertThat(published).isNotEmpty();
        assertThat(registered).isEqualTo(published);
    }
}
