package io.jixiao.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Jixiao store",
        description = "The database Jixiao keeps its data in: connection, pool and SQL dialect.")
@interface StoreConfiguration {

    @AttributeDefinition(name = "JDBC URL", description = "e.g. jdbc:h2:./data/jixiao;MODE=Oracle;DB_CLOSE_ON_EXIT=FALSE, "
            + "jdbc:postgresql://host:5432/db, jdbc:oracle:thin:@//host:1521/service")
    String url();

    @AttributeDefinition(name = "User", description = "Database user")
    String user() default "";

    @AttributeDefinition(name = "Password", description = "Database password", type = AttributeType.PASSWORD)
    String _password() default "";

    @AttributeDefinition(name = "Driver", description = "LDAP filter choosing the JDBC driver's DataSourceFactory, "
            + "e.g. (osgi.jdbc.driver.class=oracle.jdbc.OracleDriver)")
    String dataSourceFactory_target() default "(osgi.jdbc.driver.class=org.h2.Driver)";

    @AttributeDefinition(name = "SQL dialect", description = "oracle, postgresql or h2; empty detects it from the "
            + "driver (DM follows oracle, KingbaseES postgresql)")
    String databaseId() default "";

    @AttributeDefinition(name = "Pool size", description = "Maximum pooled connections")
    int pool_maxSize() default 10;

    @AttributeDefinition(name = "Connection timeout (ms)", description = "How long a caller waits for a connection; also how long a write waits before answering 503 while the database cannot be reached")
    long pool_connectionTimeoutMillis() default 3_000L;

    @AttributeDefinition(name = "Migrate at start", description = "Apply pending schema migrations when the store starts")
    boolean migrate() default true;

    @AttributeDefinition(name = "Start retry (s)", description = "While the database has not answered since the "
            + "store started, how often the store tries again; its repositories refuse every call until then")
    long startRetrySeconds() default 5L;
}
