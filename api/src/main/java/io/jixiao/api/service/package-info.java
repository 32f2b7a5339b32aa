/**
 * Services for adapters, user interfaces and other Jixiao bundles: payment holds and their release, and the
 * verification of the audit trail.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.7.0")
package io.jixiao.api.service;
