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

    private final String path;
    private final String probePath;
    private final List<String> announcedPaths;

    /**
     * @param path the address, e.g. {@code /api/v1}
     * @param probePath a path that answers 200 once the endpoint is usable, e.g. a WSDL
     * @param announcedPaths further paths worth printing for people, e.g. the OpenAPI document
     */
    public PublishedEndpoint(String path, String probePath, List<String> announcedPaths) {
        this.path = Objects.requireNonNull(path, "path");
        this.probePath = Objects.requireNonNull(probePath, "probePath");
        this.announcedPaths = List.copyOf(announcedPaths);
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
