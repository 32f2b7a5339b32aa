/**
 * How Jixiao's remote endpoints announce themselves to the runtime, for Jixiao bundles only.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.jixiao.runtime;
