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
}
