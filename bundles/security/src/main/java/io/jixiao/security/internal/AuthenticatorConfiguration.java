package io.jixiao.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Jixiao authentication", description = "Password cache and bearer-token settings.")
@interface AuthenticatorConfiguration {

    @AttributeDefinition(name = "Verified-credential cache (s)", description = "How long a verified password is "
            + "remembered, so that each call does not pay a hash; 0 disables the cache")
    int passwordCacheSeconds() default 60;

    @AttributeDefinition(name = "Cache size", description = "Verified credentials remembered at most")
    int passwordCacheSize() default 10_000;

    @AttributeDefinition(name = "Region hierarchy", description = "Comma-separated child>parent MOF_DIV_CODE pairs; "
            + "an account scoped to a region also acts in the regions configured under it")
    String regions_parents() default "";

    @AttributeDefinition(name = "JWK set file", description = "JSON Web Key Set with the public keys bearer tokens "
            + "are signed with; empty: bearer tokens are refused")
    String jwt_jwksFile() default "";

    @AttributeDefinition(name = "Token issuer", description = "Required iss claim")
    String jwt_issuer() default "";

    @AttributeDefinition(name = "Token audience", description = "Required aud claim")
    String jwt_audience() default "jixiao";

    @AttributeDefinition(name = "Verified-token cache (s)", description = "How long a verified bearer token is "
            + "remembered at most (never past its exp), so that each call does not pay a signature check; 0 disables")
    int jwt_cacheSeconds() default 300;

    @AttributeDefinition(name = "Clock skew (s)", description = "Tolerance for exp and nbf")
    int jwt_clockSkewSeconds() default 60;

    @AttributeDefinition(name = "Requests per address", description = "Requests in progress at once from one client "
            + "address, at most (REST and SOAP): more are refused at once with 503 and Retry-After, before their body is "
            + "read")
    int admission_perAddress() default 64;

    @AttributeDefinition(name = "Address caps", description = "address=cap pairs with their own cap, e.g. the host "
            + "system's payment module: 10.1.2.3=400")
    String[] admission_addresses() default {};

    @AttributeDefinition(name = "Requests in total", description = "Requests in progress at once from all addresses, "
            + "at most; keep it below the HTTP server's threads (Felix Jetty: 200 by default)")
    int admission_total() default 160;

    @AttributeDefinition(name = "Minimum body rate (bytes/s)", description = "A request body must arrive at least this "
            + "fast after its first second, or the request is answered 408 and its connection closed; 0: no minimum")
    long admission_minBodyBytesPerSecond() default 1024;

    @AttributeDefinition(name = "Failed logins per account and address", description = "Failed password logins of "
            + "one account from one address within the window, at most; further attempts are answered 429 without "
            + "checking the password until the window ends. 0: not limited")
    int login_failuresPerAccountAddress() default 10;

    @AttributeDefinition(name = "Failed logins per address", description = "Failed password logins from one address "
            + "(any accounts) within the window, at most. 0: not limited")
    int login_failuresPerAddress() default 50;

    @AttributeDefinition(name = "Failed-login window (s)", description = "The window the failed logins are counted in")
    int login_windowSeconds() default 300;

    @AttributeDefinition(name = "Re-hash passwords stored below (iterations)", description = "A password whose "
            + "stored hash has fewer PBKDF2 iterations is hashed again at the current cost (600,000) after its next "
            + "successful login, and the new hash is written to the account's configuration (File Install writes it "
            + "back to the account's .cfg file); 0: never")
    int login_rehashBelowIterations() default 600_000;

    @AttributeDefinition(name = "Ticket lifetime (s)", description = "A request counts against the caps at most this "
            + "long, in case its end was never seen")
    long admission_ticketSeconds() default 300;
}
