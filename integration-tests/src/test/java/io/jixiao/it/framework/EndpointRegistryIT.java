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
import io.jixiao.runtime.PublishedEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

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
        BundleContext context = FrameworkUtil.getBundle(EndpointRegistryIT.class).getBundleContext();
        Set<String> published = new TreeSet<>();
        for (ServiceReference<PublishedEndpoint> ref : context.getServiceReferences(PublishedEndpoint.class,
                "(" + PublishedEndpoint.NAME + "=soap)")) {
            String service = context.getService(ref).path();
            context.ungetService(ref);
            Matcher m = Pattern.compile("<wsdl:operation name=\"(\\w+)\"")
                    .matcher(Jixiao.get(Jixiao.BASE + service + "?wsdl").body());
            while (m.find()) {
                published.add(service + " " + m.group(1));
            }
        }
        Set<String> registered = Endpoints.all().stream().filter(e -> e.adapter().equals("soap"))
                .map(e -> e.path() + " " + e.method()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(published).as("both SOAP services publish operations")
                .anyMatch(op -> op.startsWith(Endpoints.PAYMENT_GUARD)).anyMatch(op -> op.startsWith(Endpoints.GOALS))
                .anyMatch(op -> op.startsWith(Endpoints.LIBRARY));
        assertThat(registered).isEqualTo(published);
    }
}
