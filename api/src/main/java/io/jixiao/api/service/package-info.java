/**
 * Services for adapters, user interfaces and other Jixiao bundles: payment holds and their release.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.jixiao.api.service;
