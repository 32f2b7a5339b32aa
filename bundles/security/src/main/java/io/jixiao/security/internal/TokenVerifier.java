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
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies bearer tokens: signed JWTs (RS256, ES256) against a configured key set, with issuer, audience and
 * expiry required. The subject is the account; claims {@code roles}, {@code regions}, {@code agencies} carry
 * the rest of the principal.
 */
final class TokenVerifier {
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    TokenVerifier(JWKSet keys, String issuer, String audience, int clockSkewSeconds) {
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
                new ImmutableJWKSet<>(keys)));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iat"));
        claims.setMaxClockSkew(clockSkewSeconds);
        processor.setJWTClaimsSetVerifier(claims);
    }

    Principal verify(String token) throws AuthenticationException {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            EnumSet<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : list(claims, "roles")) {
                roles.add(Role.valueOf(role));
            }
            if (roles.isEmpty()) {
                throw new AuthenticationException("invalid token");
            }
            return new Principal(claims.getSubject(), roles, list(claims, "regions"), list(claims, "agencies"));
        } catch (ParseException | BadJOSEException | JOSEException | IllegalArgumentException e) {
            throw new AuthenticationException("invalid token");
        }
    }

    private static Set<String> list(JWTClaimsSet claims, String name) throws ParseException {
        List<String> values = claims.getStringListClaim(name);
        return values == null ? Set.of() : new HashSet<>(values);
    }
}
