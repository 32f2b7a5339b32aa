package io.jixiao.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Jixiao REST adapter", description = "Where and how the REST API is published.")
@interface RestConfiguration {

    @AttributeDefinition(name = "Address", description = "Path under the CXF servlet context")
    String address() default "/api/v1";

    @AttributeDefinition(name = "Maximum JSON nesting depth", description = "Deeper documents are rejected with 400")
    int json_maxNestingDepth() default 32;

    @AttributeDefinition(name = "Maximum JSON string length", description = "Longer strings are rejected with 400")
    int json_maxStringLength() default 65_536;

    @AttributeDefinition(name = "Maximum request body (bytes)", description = "Larger bodies are refused with 413")
    long maxRequestBytes() default 262_144L;

    @AttributeDefinition(name = "Maximum spreadsheet upload (bytes)",
            description = "POST /library/imports takes files up to this size; larger ones are refused with 413")
    long maxUploadBytes() default 67_108_864L;

    @AttributeDefinition(name = "Idempotency key retention (hours)",
            description = "How long the first answer under an Idempotency-Key is kept for replays")
    int idempotency_retentionHours() default 24;

    @AttributeDefinition(name = "Idempotency lease (s)", description = "How long a call under an Idempotency-Key holds its key "
            + "against retries: a retry meanwhile is told to come back (409 / IDEMPOTENCY_IN_PROGRESS with the time "
            + "left); after it, a call that died without an answer is performed by the retry. At most 30 s")
    int idempotency_leaseSeconds() default 30;
}
