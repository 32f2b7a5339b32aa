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
    private final VerifiedCache verified;

    /** A verified token's principal and its {@code exp}. */
    private record Verified(Principal principal, Instant expires) {
    }

    /**
     * @param cacheTtl how long a verified token is remembered at most ({@link Duration#ZERO}: every call verifies)
     * @param cacheLimit tokens remembered at most; when full the cache starts over
     */
    TokenVerifier(JWKSet keys, String issuer, String audience, int clockSkewSeconds, Duration cacheTtl,
            int cacheLimit, Clock clock) {
        this.verified = new VerifiedCache(cacheTtl, cacheLimit, clock);
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
        String key = VerifiedCache.key(token);
        Principal cached = verified.find(key);
        if (cached != null) {
            return cached;
        }
        Verified fresh = verifiedNow(token);
        verified.remember(key, fresh.principal(), fresh.expires());
        return fresh.principal();
    }

    /** @return the token's principal, and its expiry */
    private Verified verifiedNow(String token) throws AuthenticationException {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            EnumSet<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : list(claims, "roles")) {
                roles.add(Role.valueOf(role));
            }
            Set<String> regions = list(claims, "regions");
            if (roles.isEmpty() || regions.isEmpty()) {
                // a token without regions has no scope, not every scope: national tokens say "regions": ["*"]
                throw new AuthenticationException("invalid token");
            }
            return new Verified(new Principal(claims.getSubject(), roles, regions, list(claims, "agencies")),
                    claims.getExpirationTime().toInstant());
        } catch (ParseException | BadJOSEException | JOSEException | IllegalArgumentException e) {
            throw new AuthenticationException("invalid token");
        }
    }

    private static Set<String> list(JWTClaimsSet claims, String name) throws ParseException {
        List<String> values = claims.getStringListClaim(name);
        return values == null ? Set.of() : new HashSet<>(values);
    }
}
