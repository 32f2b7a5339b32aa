/**
 * Hooks the host platform calls synchronously: each returns a decision with machine-readable reasons and
 * never throws for a business "no".
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package io.jixiao.api.hook;
