package io.jixiao.runtime;

import java.util.Hashtable;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Registered by an adapter once its CXF server has started; the runtime reports Jixiao ready when every
 * required endpoint is registered and answers its probe over HTTP. Paths are relative to the CXF servlet.
 */
public final class PublishedEndpoint {
    /** Service property naming the endpoint, e.g. {@code rest} or {@code soap}. */
    public static final String NAME = "jixiao.endpoint.name";

    /** Header every readiness probe carries, so that an adapter does not log the refusal it provokes. */
    public static final String PROBE_HEADER = "X-Jixiao-Probe";

    private final String path;
    private final String probePath;
    private final List<String> announcedPaths;
    private final List<Probe> probes;

    /**
     * One request the runtime sends before it reports the endpoint ready, and the answer the contract documents for
     * it: the endpoint is ready when it answers exactly so (the status, and the fragment in the body), read to its
     * end.
     *
     * @param method {@code GET} or {@code POST}
     * @param path the path relative to the CXF servlet
     * @param contentType the body's type, or {@code null} for none
     * @param body the body, or {@code null}
     * @param status the documented status, e.g. 401 for a call without credentials
     * @param fragment text the documented answer contains, e.g. {@code UNAUTHENTICATED}
     * @param description what the call is, for people, e.g. {@code "a hold, without credentials"}
     * @since 1.1.0
     */
    public record Probe(String method, String path, String contentType, String body, int status, String fragment,
            String description) {
        public Probe {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(fragment, "fragment");
            Objects.requireNonNull(description, "description");
        }

        /** A GET that answers 200 with the fragment, e.g. a WSDL. */
        public static Probe get(String path, String fragment, String description) {
            return new Probe("GET", path, null, null, 200, fragment, description);
        }
    }

    /**
     * @param path the address, e.g. {@code /api/v1}
     * @param probePath a path that answers 200 once the endpoint is usable, e.g. a WSDL
     * @param announcedPaths further paths worth printing for people, e.g. the OpenAPI document
     */
    public PublishedEndpoint(String path, String probePath, List<String> announcedPaths) {
        this(path, announcedPaths, List.of(Probe.get(probePath, "", "GET " + probePath)));
    }

    /**
     * @param path the address, e.g. {@code /api/v1}
     * @param announcedPaths further paths worth printing for people, e.g. the OpenAPI document
     * @param probes the calls that must answer as documented before the endpoint counts as ready: its contract, and
     *        at least one real operation
     * @since 1.1.0
     */
    public PublishedEndpoint(String path, List<String> announcedPaths, List<Probe> probes) {
        this.path = Objects.requireNonNull(path, "path");
        this.announcedPaths = List.copyOf(announcedPaths);
        this.probes = List.copyOf(probes);
        if (this.probes.isEmpty()) {
            throw new IllegalArgumentException("an endpoint is probed at least once");
        }
        this.probePath = this.probes.get(0).path();
    }

    /** @return the calls that must answer as documented, in order */
    public List<Probe> probes() {
        return probes;
    }

    public String path() {
        return path;
    }

    public String probePath() {
        return probePath;
    }

    public List<String> announcedPaths() {
        return announcedPaths;
    }

    /**
     * Registers this endpoint under a name.
     *
     * @param context the publishing bundle's context
     * @param name e.g. {@code rest}
     * @return the registration, to unregister before the server is destroyed
     */
    public ServiceRegistration<PublishedEndpoint> register(BundleContext context, String name) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(NAME, name);
        return context.registerService(PublishedEndpoint.class, this, props);
    }

    /**
     * Runs CXF set-up with the publishing bundle's class loader as context class loader: CXF looks up
     * providers and JAXB contexts through it.
     *
     * @param <T> the result
     * @param loader the publishing bundle's class loader
     * @param setUp the set-up, e.g. {@code factory::create}
     * @return what the set-up returned
     */
    public static <T> T withContextClassLoader(ClassLoader loader, Supplier<T> setUp) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return setUp.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
