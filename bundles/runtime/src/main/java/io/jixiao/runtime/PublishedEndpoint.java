package io.jixiao.runtime;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered by an adapter once its CXF server has started; the runtime reports Jixiao ready when every
 * required endpoint is registered and answers its probe over HTTP.
 */
@ConsumerType
public interface PublishedEndpoint {
    /** Service property naming the endpoint, e.g. {@code rest} or {@code soap}. */
    String NAME = "jixiao.endpoint.name";

    /**
     * @return the address under the CXF servlet, e.g. {@code /api/v1}
     */
    String path();

    /**
     * @return a path under the CXF servlet that answers 200 once the endpoint is usable, e.g. a WSDL
     */
    String probePath();

    /**
     * @return the paths under the CXF servlet worth printing for people, e.g. the OpenAPI document
     */
    java.util.List<String> announcedPaths();
}
