package io.jixiao.goals.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One goal rule set in Config Admin (factory PID {@value ConfiguredRuleSet#PID}, e.g.
 * {@code config/io.jixiao.goals.rules-guangzhou.cfg}): the region, the first budget year and the revision, typed;
 * beside them the rule keys, an open family each ({@code indicators.min.<CLASS>}, {@code monitoring.gap.<LEVEL>},
 * {@code result.action.<GRADE>}, {@code source.<key>}, ...; docs/rules.md), read and checked as a whole by the rule
 * book and the rules bundle's reader, which name every bad key.
 */
@ObjectClassDefinition(name = "Jixiao goal rule set", description = "A region's goal, monitoring, evaluation and "
        + "result rules from a budget year on (docs/rules.md); the rule keys are the configuration's other properties")
public @interface RuleSetConfiguration {
    @AttributeDefinition(description = "MOF_DIV_CODE of the region (6 to 9 digits), or 'national' for the default")
    String region();

    @AttributeDefinition(description = "the first budget year the rules apply to (2000 to 2099)")
    int fromYear();

    @AttributeDefinition(description = "raised on every change, so that each decision names the rules that made it")
    int revision();
}
