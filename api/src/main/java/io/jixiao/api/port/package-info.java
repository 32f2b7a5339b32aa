/**
 * Ports: what Jixiao reads from the host platform. The host's ledger (budgeted and paid amounts per project and
 * budget line) and its project master data. An OSGi host registers these services itself; otherwise the host-client
 * bundle implements them over the host's SOAP or REST services (docs/host-integration.md).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package io.jixiao.api.port;
