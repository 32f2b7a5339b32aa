package io.jixiao.goals.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One region's goal rules (factory PID {@code io.jixiao.goals.rules}, one file per region). The typed attributes say
 * whose rules and since when; the rule keys themselves (indicators.min.&lt;CLASS&gt;, monitoring.gap.&lt;LEVEL&gt;,
 * source.&lt;key&gt;, ...) are open families read by the rule book, which names every bad key (docs/rules.md).
 */
@ObjectClassDefinition(name = "Jixiao goal rule set", description = "A region's goal rules from a fiscal year on; "
        + "docs/rules.md explains every key")
@interface RuleSetConfiguration {

    @AttributeDefinition(name = "Region", description = "A MOF_DIV_CODE, or national for the default every region "
            + "inherits")
    String region();

    @AttributeDefinition(name = "From year", description = "The first fiscal year these rules apply to")
    int fromYear();

    @AttributeDefinition(name = "Revision", description = "Raised with every change; shown in every rule version")
    int revision() default 1;

    String webconsole_configurationFactory_nameHint() default "{region} from {fromYear}, revision {revision}";
}
