package io.jixiao.security.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.jixiao.api.model.Role;
import io.jixiao.security.AuthenticationException;
import io.jixiao.security.Principal;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies bearer tokens: signed JWTs (RS256, ES256) against a configured key set, with issuer, audience and
 * expiry required. The subject is the account; claims {@code roles}, {@code regions}, {@code agencies} carry
 * the rest of the principal.
 *
 * <p>A verified token is remembered (by its SHA-256, not the token itself) until its {@code exp} or the cache
 * period, whichever comes first, so that a host system sending the same token on every call pays the signature
 * check once instead of per call. A token past its {@code exp} is verified again — and so refused or accepted
 * within the clock skew exactly as without the cache. A new key set (a configuration change) starts a new cache.
 */
final class TokenVerifier {
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Duration cacheTtl;
    private final int cacheLimit;
    private final Clock clock;
    private final Map<String, Cached> verified = new ConcurrentHashMap<>();

    private record Cached(Principal principal, Instant until) {
    }

    /**
     * @param cacheTtl how long a verified token is remembered at most ({@link Duration#ZERO}: every call verifies)
     * @param cacheLimit tokens remembered at most; when full the cache starts over
     */
    TokenVerifier(JWKSet keys, String issuer, String audience, int clockSkewSeconds, Duration cacheTtl,
            int cacheLimit, Clock clock) {
        this.cacheTtl = cacheTtl;
        this.cacheLimit = cacheLimit;
        this.clock = clock;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
                new ImmutableJWKSet<>(keys)));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iat"));
        claims.setMaxClockSkew(clockSkewSeconds);
        processor.setJWTClaimsSetVerifier(claims);
    }

    Principal verify(String token) throws AuthenticationException {
        if (token == null || token.isEmpty() || token.length() > 8192) {
            throw new AuthenticationException("invalid token");
        }
        if (cacheTtl.isZero()) {
            return verified(token).principal();
        }
        String key = HexFormat.of().formatHex(PasswordHash.sha256(token));
        Instant now = clock.instant();
        Cached cached = verified.get(key);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.principal();
        }
        Cached fresh = verified(token);
        if (fresh.until().isAfter(now)) {
            if (verified.size() >= cacheLimit) {
                verified.clear();
            }
            Instant limit = now.plus(cacheTtl);
            verified.put(key, new Cached(fresh.principal(), fresh.until().isBefore(limit) ? fresh.until() : limit));
        }
        return fresh.principal();
    }

    /** @return the token's principal, and its expiry */
    private Cached verified(String token) throws AuthenticationException {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            EnumSet<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : list(claims, "roles")) {
                roles.add(Role.valueOf(role));
            }
            if (roles.isEmpty()) {
                throw new AuthenticationException("invalid token");
            }
            return new Cached(new Principal(claims.getSubject(), roles, list(claims, "regions"),
                    list(claims, "agencies")), claims.getExpirationTime().toInstant());
        } catch (ParseException | BadJOSEException | JOSEException | IllegalArgumentException e) {
            throw new AuthenticationException("invalid token");
        }
    }

    private static Set<String> list(JWTClaimsSet claims, String name) throws ParseException {
        List<String> values = claims.getStringListClaim(name);
        return values == null ? Set.of() : new HashSet<>(values);
    }
}
