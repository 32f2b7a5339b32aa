/**
 * Authentication shared by the adapters, for Jixiao bundles only: who is calling, with which roles and scope.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package io.jixiao.security;
