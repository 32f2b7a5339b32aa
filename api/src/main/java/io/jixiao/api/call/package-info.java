/**
 * What every adapter does around a caller's request, whatever its protocol: idempotency keys (REST
 * {@code Idempotency-Key}, SOAP {@code RequestId}) with one scheme and one store, and telling a database that cannot
 * be reached from every other failure. The store bundle provides {@link io.jixiao.api.call.IdempotencyRepository};
 * adapters use this package and never the store's own.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.jixiao.api.call;
