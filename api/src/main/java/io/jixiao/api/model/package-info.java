/**
 * Value types shared by every hook and service: validated codes, money, actors and the typed errors.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package io.jixiao.api.model;
