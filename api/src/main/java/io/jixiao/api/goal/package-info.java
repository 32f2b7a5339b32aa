/**
 * Performance goals (绩效目标) and their indicators (绩效指标), the facts of a project that rules apply to, and the
 * per-region goal rules. Monitoring and evaluation reuse this model.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package io.jixiao.api.goal;
