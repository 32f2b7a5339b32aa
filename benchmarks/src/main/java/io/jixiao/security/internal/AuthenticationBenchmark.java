package io.jixiao.security.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jixiao.security.AuthenticationException;
import io.jixiao.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What authentication adds to each call: a password from the verified-credential cache (the steady state of a
 * host system's connection), a password verified from scratch (PBKDF2, first call or after the cache expired),
 * and a bearer JWT (RS256 signature check per call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuthenticationBenchmark {
    private PasswordVerifier cached;
    private PasswordVerifier uncached;
    private TokenVerifier tokens;
    private TokenVerifier cachedTokens;
    private String token;

    @Setup
    public void setUp() throws Exception {
        Account account = new Account("pay-module", PasswordHash.hash("jixiao-demo".toCharArray()), "HOST_SYSTEM",
                "*", "");
        cached = new PasswordVerifier(name -> account, Duration.ofHours(1), 10_000, Clock.systemUTC());
        uncached = new PasswordVerifier(name -> account, Duration.ZERO, 10_000, Clock.systemUTC());
        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        tokens = new TokenVerifier(new JWKSet(key.toPublicJWK()), "https://idp", "jixiao", 60, Duration.ZERO, 1,
                Clock.systemUTC());
        cachedTokens = new TokenVerifier(new JWKSet(key.toPublicJWK()), "https://idp", "jixiao", 60,
                Duration.ofSeconds(300), 10_000, Clock.systemUTC());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k").build(),
                new JWTClaimsSet.Builder().subject("pay-module").issuer("https://idp").audience("jixiao")
                        .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 3_600_000))
                        .claim("roles", List.of("HOST_SYSTEM")).claim("regions", List.of("*")).build());
        jwt.sign(new RSASSASigner(key));
        token = jwt.serialize();
        cached.verify("pay-module", "jixiao-demo");
    }

    @Benchmark
    public Principal basicCached() throws AuthenticationException {
        return cached.verify("pay-module", "jixiao-demo");
    }

    @Benchmark
    public Principal basicUncached() throws AuthenticationException {
        return uncached.verify("pay-module", "jixiao-demo");
    }

    @Benchmark
    public Principal bearerJwt() throws AuthenticationException {
        return tokens.verify(token);
    }

    @Benchmark
    public Principal bearerJwtCached() throws AuthenticationException {
        return cachedTokens.verify(token);
    }
}
