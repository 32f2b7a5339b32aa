/**
 * The one reader of regional rules, for the other Jixiao bundles (hosts use {@code io.jixiao.api}): a rule set's
 * keys and values become the API's typed views ({@link io.jixiao.api.monitoring.MonitoringRules},
 * {@link io.jixiao.api.evaluation.ScoringRules}, {@link io.jixiao.api.evaluation.KindRules},
 * {@link io.jixiao.api.evaluation.ResultPolicy}) through {@link io.jixiao.rules.RuleReader}, and the rules in force
 * for a region and year are read through {@link io.jixiao.rules.RulesInForce}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.jixiao.rules;
