package io.jixiao.hostclient.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Jixiao host client",
        description = "Where the host's ledger and project services are, and how patiently to call them.")
public @interface HostClientConfiguration {
    String PID = "io.jixiao.hostclient";


    @AttributeDefinition(name = "Protocol", description = "REST or SOAP")
    String protocol() default "REST";

    @AttributeDefinition(name = "URL", description = "REST: the base URL of the host's services "
            + "(<url>/ledger-lines, <url>/projects/lookup); SOAP: the endpoint address")
    String url();

    @AttributeDefinition(name = "Master data", description = "Whether the host offers the project lookup "
            + "(projects/lookup, GetProjects); without it rounds judge projects by the ledger alone")
    boolean masterData() default true;

    @AttributeDefinition(name = "Connect timeout (ms)")
    long connectTimeoutMillis() default 2_000L;

    @AttributeDefinition(name = "Request timeout (ms)", description = "Per try, the answer included")
    long timeoutMillis() default 15_000L;

    @AttributeDefinition(name = "Tries", description = "Tries per read (a read is safe to repeat)")
    int attempts() default 3;

    @AttributeDefinition(name = "Backoff (ms)", description = "Wait before the second try; it doubles per try")
    long backoffMillis() default 500L;

    @AttributeDefinition(name = "User", description = "HTTP Basic user at the host, empty for none")
    String user() default "";

    @AttributeDefinition(name = "Password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String _password() default "";

    @AttributeDefinition(name = "Largest answer (bytes)")
    long maxAnswerBytes() default 64L * 1024 * 1024;
}
