package io.jixiao.monitoring.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Jixiao monitoring rounds",
        description = "Which regions' scheduled rounds this cluster runs, and how rounds read the ledger.")
public @interface RoundsConfiguration {
    String PID = "io.jixiao.monitoring.rounds";


    @AttributeDefinition(name = "Regions", description = "MOF_DIV_CODEs whose scheduled rounds (monitoring.rounds in "
            + "their rules) start by themselves on the due day; on-demand rounds need no entry")
    String[] regions() default {};

    @AttributeDefinition(name = "Page size", description = "Ledger lines read per port call (1-5000)")
    int pageSize() default 1000;

    @AttributeDefinition(name = "Tick (s)", description = "How often a node looks for due schedules and stalled rounds")
    long tickSeconds() default 60L;

    @AttributeDefinition(name = "Lease (s)", description = "A running round's node renews its lease every third of "
            + "this; a round whose lease ran out (its node died or lost the database) is taken over by another node, "
            + "or by the same node restarted, from its last checkpoint. Nodes look for such rounds every half lease")
    long leaseSeconds() default 30L;

    @AttributeDefinition(name = "Node", description = "This node's name in the rounds it runs (default: host name)")
    String node() default "";
}
