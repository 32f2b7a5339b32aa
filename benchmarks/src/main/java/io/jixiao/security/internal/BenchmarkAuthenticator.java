package io.jixiao.security.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jixiao.security.AuthenticationException;
import io.jixiao.security.Authenticator;
import io.jixiao.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;

/**
 * The production password and token verifiers behind an {@link Authenticator}, with one host-system account
 * ({@code pay-module} / {@code jixiao-demo}) and one signing key, for benchmarks outside OSGi.
 */
public final class BenchmarkAuthenticator implements Authenticator {
    public static final String ACCOUNT = "pay-module";
    public static final String PASSWORD = "jixiao-demo";

    private final PasswordVerifier passwords;
    private final TokenVerifier tokens;
    private final String token;

    public BenchmarkAuthenticator() throws JOSEException {
        Account account = new Account(ACCOUNT, PasswordHash.hash(PASSWORD.toCharArray()), "HOST_SYSTEM", "*", "");
        passwords = new PasswordVerifier(name -> name.equals(ACCOUNT) ? account : null, Duration.ofSeconds(60),
                10_000, Clock.systemUTC());
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
        tokens = new TokenVerifier(new JWKSet(key.toPublicJWK()), "https://idp.bench", "jixiao", 60,
                java.time.Duration.ofSeconds(300), 10_000, Clock.systemUTC());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench").build(),
                new JWTClaimsSet.Builder().subject(ACCOUNT).issuer("https://idp.bench").audience("jixiao")
                        .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 3_600_000))
                        .claim("roles", List.of("HOST_SYSTEM")).claim("regions", List.of("*")).build());
        jwt.sign(new RSASSASigner(key));
        token = jwt.serialize();
    }

    /** A signed bearer token for the account, valid for an hour. */
    public String token() {
        return token;
    }

    @Override
    public Principal password(String account, String password, String address) throws AuthenticationException {
        return passwords.verify(account, password);
    }

    @Override
    public Principal bearer(String jwt) throws AuthenticationException {
        return tokens.verify(jwt);
    }
}
