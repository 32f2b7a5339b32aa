package io.jixiao.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Jixiao account", description = "A person or host system that may call Jixiao. "
        + "One configuration per account (factory PID io.jixiao.security.account).")
@interface AccountConfiguration {

    @AttributeDefinition(name = "Account name", description = "The login; written to the audit trail")
    String name();

    @AttributeDefinition(name = "Password hash", description = "pbkdf2-sha256$iterations$salt$hash; produce it with "
            + "java -cp security.jar io.jixiao.security.internal.PasswordHash")
    String passwordHash();

    @AttributeDefinition(name = "Roles", description = "Comma-separated: FINANCE, DEPARTMENT, UNIT, EVALUATOR, "
            + "AUDITOR, PUBLIC, HOST_SYSTEM")
    String roles();

    @AttributeDefinition(name = "Regions", description = "Comma-separated MOF_DIV_CODEs the account acts in (with the "
            + "regions configured under them), or * for every region; an account without regions is refused")
    String regions() default "";

    @AttributeDefinition(name = "Agencies", description = "Comma-separated AGENCY_CODEs the account acts for; "
            + "empty: every agency of its regions")
    String agencies() default "";

    @AttributeDefinition(name = "Requests per second", description = "Sustained request rate; 0: not limited")
    double rateLimit_perSecond() default 0;

    @AttributeDefinition(name = "Burst", description = "Requests allowed at once before the rate applies")
    int rateLimit_burst() default 0;

    String webconsole_configurationFactory_nameHint() default "{name}";
}
