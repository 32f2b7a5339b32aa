package io.jixiao.goals.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Jixiao indicator library", description = "How library imports survive their node.")
@interface LibraryConfiguration {

    @AttributeDefinition(name = "Import lease (s)", description = "A node renews the heartbeat of the imports it "
            + "accepted every third of this; an import whose heartbeat has been silent this long (its node died or "
            + "lost the database) is marked FAILED by any node, the same node restarted included, which look for such "
            + "imports every half lease. Rows written stay: importing the file again writes the rest")
    long importLeaseSeconds() default 30L;
}
