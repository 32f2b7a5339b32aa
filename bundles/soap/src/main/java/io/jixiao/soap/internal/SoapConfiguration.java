package io.jixiao.soap.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Jixiao SOAP adapter", description = "Where and how the SOAP services are published.")
@interface SoapConfiguration {

    @AttributeDefinition(name = "Address", description = "Path of the payment-guard service under the CXF servlet")
    String address() default "/soap/payment-guard";

    @AttributeDefinition(name = "Goals address", description = "Path of the goals service under the CXF servlet")
    String goals_address() default "/soap/goals";

    @AttributeDefinition(name = "Library service address",
            description = "Path of the indicator library's SOAP service under the CXF servlet")
    String library_address() default "/soap/library";

    @AttributeDefinition(name = "Monitoring address",
            description = "Path of the monitoring SOAP service under the CXF servlet")
    String monitoring_address() default "/soap/monitoring";

    @AttributeDefinition(name = "Evaluation address",
            description = "Path of the evaluation SOAP service under the CXF servlet")
    String evaluation_address() default "/soap/evaluation";

    @AttributeDefinition(name = "Rectification address",
            description = "Path of the rectification SOAP service under the CXF servlet")
    String rectification_address() default "/soap/rectification";

    @AttributeDefinition(name = "Schema validation", description = "Validate requests against the WSDL's schema "
            + "(IN, BOTH or NONE)")
    String schemaValidation() default "IN";

    @AttributeDefinition(name = "Maximum document characters", description = "Larger SOAP documents are refused")
    long maxDocumentCharacters() default 262_144L;

    @AttributeDefinition(name = "Maximum elements", description = "SOAP documents with more elements are refused "
            + "(a compilation draft of 500 lines, the most one call carries, needs about 6,000)")
    int maxElementCount() default 8_000;

    @AttributeDefinition(name = "UsernameToken freshness (s)", description = "How far a token's Created may lie "
            + "from now; nonces are remembered for twice as long to refuse replays")
    int usernameToken_freshnessSeconds() default 300;

    @AttributeDefinition(name = "Request id retention (hours)",
            description = "How long the first answer under a RequestId header is kept for replays")
    int idempotency_retentionHours() default 24;

    @AttributeDefinition(name = "Idempotency lease (s)", description = "How long a call under an RequestId holds its key "
            + "against retries: a retry meanwhile is told to come back (409 / IDEMPOTENCY_IN_PROGRESS with the time "
            + "left); after it, a call that died without an answer is performed by the retry. At most 30 s")
    int idempotency_leaseSeconds() default 30;
}
