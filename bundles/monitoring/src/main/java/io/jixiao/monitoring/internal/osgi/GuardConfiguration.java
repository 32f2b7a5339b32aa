package io.jixiao.monitoring.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Jixiao payment guard",
        description = "How PASS decisions are recorded off the check path.")
@interface GuardConfiguration {

    @AttributeDefinition(name = "Journal capacity", description = "PASS decisions held in memory before checks wait")
    int journal_capacity() default 100_000;

    @AttributeDefinition(name = "Journal batch size", description = "Decisions written per batch, at most")
    int journal_batchSize() default 500;

    @AttributeDefinition(name = "Journal flush interval (ms)",
            description = "Longest time an accepted PASS decision waits before its batch is written")
    long journal_flushIntervalMillis() default 200L;

    @AttributeDefinition(name = "Journal close timeout (ms)",
            description = "How long stopping waits for pending decisions to be written")
    long journal_closeTimeoutMillis() default 30_000L;
}
