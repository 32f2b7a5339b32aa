/**
 * Repositories of the store bundle, for the other Jixiao bundles only (hosts use {@code io.jixiao.api}).
 * Each write that blocks or unblocks money takes its audit entry and commits both in one transaction.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("5.1.0")
package io.jixiao.store;
