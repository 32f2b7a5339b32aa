/**
 * Dual monitoring 双监控: monitoring rounds over the host's ledger and the units' reports, traffic-light alerts, and
 * their consequences (notices, rectification, holds on payments) under each region's rules.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package io.jixiao.api.monitoring;
