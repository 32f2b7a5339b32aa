package io.jixiao.rest.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.cxf.jaxrs.lifecycle.ResourceProvider;
import org.apache.cxf.message.Message;

/**
 * The features' resources present now, by class, and for each documented resource class the provider CXF asks per
 * request: the resource while its feature is there, {@link FeatureUnavailable} (503) while it is not.
 */
final class FeatureResources {
    private final Map<Class<?>, RestResource> present = new ConcurrentHashMap<>();

    void add(RestResource resource) {
        present.put(resource.getClass(), resource);
    }

    void remove(RestResource resource) {
        present.remove(resource.getClass(), resource);
    }

    /** @return what CXF asks for an instance of {@code type} */
    ResourceProvider provider(Class<?> type) {
        return new ResourceProvider() {
            @Override
            public Object getInstance(Message m) {
                RestResource resource = present.get(type);
                if (resource == null) {
                    throw new FeatureUnavailable(type);
                }
                return resource;
            }

            @Override
            public void releaseInstance(Message m, Object o) {
            }

            @Override
            public Class<?> getResourceClass() {
                return type;
            }

            /**
             * Not a singleton to CXF: it would ask for the instance once, as the server is built, when a feature may
             * not be there yet. The resources keep no per-request state in fields (their contexts are parameters).
             */
            @Override
            public boolean isSingleton() {
                return false;
            }
        };
    }
}
