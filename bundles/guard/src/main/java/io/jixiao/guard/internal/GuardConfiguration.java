package io.jixiao.guard.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Jixiao payment guard",
        description = "How PASS decisions are recorded off the check path.")
public @interface GuardConfiguration {
    /** The PID, kept from when the guard was part of monitoring, so that existing configuration files apply. */
    String PID = "io.jixiao.monitoring.guard";


    @AttributeDefinition(name = "Journal directory", description = "This node's decision spool (memory-mapped "
            + "segment files of PASS decisions not yet written to the database); empty: the bundle's data area. "
            + "Keep it on a persistent local disk; one directory per guard node")
    String journal_directory() default "";

    @AttributeDefinition(name = "Journal segment bytes", description = "Size of one spool segment file")
    int journal_segmentBytes() default 64 * 1024 * 1024;

    @AttributeDefinition(name = "Journal segments", description = "Spool segments on disk at most; checks wait "
            + "while that many hold decisions not yet written (the database has been down that long)")
    int journal_maxSegments() default 16;

    @AttributeDefinition(name = "Journal batch size", description = "Decisions written per batch, at most")
    int journal_batchSize() default 500;

    @AttributeDefinition(name = "Journal flush interval (ms)",
            description = "Longest time an accepted PASS decision waits before its batch is written")
    long journal_flushIntervalMillis() default 200L;

    @AttributeDefinition(name = "Journal close timeout (ms)",
            description = "How long stopping waits for pending decisions to be written")
    long journal_closeTimeoutMillis() default 30_000L;

    @AttributeDefinition(name = "Answer budget (ms)", description = "A payment check answers within this, whatever "
            + "the database does: a HOLD the database does not commit in time is kept in the spool and written later "
            + "with its audit row; a STRICT check that cannot read the hold change log in time holds fail-safe")
    long answerBudgetMillis() default 200L;

    @AttributeDefinition(name = "Consistency", description = "BOUNDED: holds placed on other nodes reach this guard "
            + "within the sync interval; STRICT: every project payment check first applies every hold change "
            + "committed before it (one database read per check)")
    Consistency consistency() default Consistency.BOUNDED;

    /** How current a check's view of other nodes' holds is. */
    enum Consistency {
        /** holds placed on other nodes apply within the sync interval; a stale index holds project payments */
        BOUNDED,
        /** every project check reads the last committed hold change first */
        STRICT
    }

    @AttributeDefinition(name = "Sync interval (ms)", description = "How often the index reads the hold change log")
    long sync_intervalMillis() default 200L;

    @AttributeDefinition(name = "Stale after (ms)", description = "BOUNDED: an index not brought up to date for this "
            + "long holds project payments fail-safe (GUARD_STATE_UNKNOWN) until it is again")
    long staleAfterMillis() default 5_000L;

    @AttributeDefinition(name = "Reconcile (s)", description = "How often the whole index is compared with the "
            + "database's active holds")
    long reconcileSeconds() default 60L;

    @AttributeDefinition(name = "Gap timeout (ms)", description = "How long a missing change number is waited for "
            + "before it is taken as rolled back")
    long gapTimeoutMillis() default 10_000L;
}
