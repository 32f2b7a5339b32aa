package io.jixiao.runtime.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Jixiao readiness",
        description = "Which endpoints must be up before Jixiao reports itself ready.")
@interface ReadinessConfiguration {

    @AttributeDefinition(name = "Required endpoints", description = "Names of the endpoints (rest, soap) that must answer")
    String[] required() default {"rest", "soap"};

    @AttributeDefinition(name = "CXF servlet context", description = "Must equal org.apache.cxf.servlet.context of PID "
            + "org.apache.cxf.osgi")
    String servletContext() default "/jixiao";

    @AttributeDefinition(name = "Probe timeout (ms)", description = "How long to keep probing before logging a failure")
    long probeTimeoutMillis() default 60_000L;
}
