package io.jixiao.rest.internal;

/**
 * A JAX-RS resource of one feature, published as a DS component over that feature's service. The REST publisher
 * serves every resource in {@link RestPublisher#RESOURCES} behind one set of filters; each answers while its
 * component is there, and {@code 503 FEATURE_UNAVAILABLE} while it is not (its feature's bundle stopped, its
 * service gone), so one missing feature takes no other down.
 */
public interface RestResource {
}
