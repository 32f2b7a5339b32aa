package io.jixiao.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.Role;
import io.jixiao.security.AuthenticationException;
import io.jixiao.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
    private static final String HASH = PasswordHash.hash("s3cret-密码".toCharArray());
    private static final Account FINANCE = new Account("finance01", HASH, "FINANCE", "440100000", "");
    private static final Account HOST = new Account("pay-module", HASH, "HOST_SYSTEM", "*", "");

    @Test
    void storedHashesVerifyOnlyTheirPassword() {
        assertThat(HASH).startsWith("pbkdf2-sha256$600000$");
        // hashes of the earlier cost still verify: the iterations are part of the stored form
        assertThat(PasswordHash.matches("jixiao-demo", "pbkdf2-sha256$120000$CeNytrg1A8j7WoSkkbVxXQ==$L7CYEioL0milXdGXaD2gRXTK7qVGMNlXZQX6zQiurIA=")).isTrue();
        assertThat(PasswordHash.matches("s3cret-密码", HASH)).isTrue();
        assertThat(PasswordHash.matches("s3cret", HASH)).isFalse();
        assertThat(PasswordHash.hash("x".toCharArray())).isNotEqualTo(PasswordHash.hash("x".toCharArray()));
        assertThatThrownBy(() -> PasswordHash.matches("x", "plain:x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordsAreCheckedAndVerifiedOnesRemembered() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        Map<String, Account> accounts = Map.of("finance01", FINANCE);
        PasswordVerifier verifier = new PasswordVerifier(name -> {
            lookups.incrementAndGet();
            return accounts.get(name);
        }, Duration.ofMinutes(1), 100, Clock.systemUTC());

        Principal p = verifier.verify("finance01", "s3cret-密码");
        assertThat(p.roles()).containsExactly(Role.FINANCE);
        assertThat(p.regions()).containsExactly("440100000");
        verifier.verify("finance01", "s3cret-密码");
        assertThat(lookups).as("second call served from the cache").hasValue(1);

        assertThatThrownBy(() -> verifier.verify("finance01", "wrong")).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> verifier.verify("nobody", "s3cret-密码")).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> verifier.verify("", "")).isInstanceOf(AuthenticationException.class);
        verifier.forgetAll();
        verifier.verify("finance01", "s3cret-密码");
        assertThat(lookups.get()).isGreaterThan(3);
    }

    @Test
    void hostSystemsNameTheirOperatorPeopleActAsThemselves() {
        assertThat(HOST.principal().actor("zhang.san").operator()).isEqualTo("zhang.san");
        assertThat(HOST.principal().actor("zhang.san").callerSystem()).isEqualTo("pay-module");
        assertThatThrownBy(() -> HOST.principal().actor(null)).isInstanceOf(InvalidInputException.class);
        assertThat(FINANCE.principal().actor(null).operator()).isEqualTo("finance01");
        assertThat(FINANCE.principal().actor("finance01").operator()).isEqualTo("finance01");
        assertThatThrownBy(() -> FINANCE.principal().actor("someone.else")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anAccountWithoutRegionsIsRefusedAndNationalScopeIsSaid() throws Exception {
        Account scopeless = new Account("nowhere", HASH, "FINANCE", " , ", "");
        PasswordVerifier verifier = new PasswordVerifier(Map.of("nowhere", scopeless, "pay-module", HOST)::get,
                Duration.ofMinutes(1), 100, Clock.systemUTC());
        assertThatThrownBy(() -> verifier.verify("nowhere", "s3cret-密码")).as("right password, no scope")
                .isInstanceOf(AuthenticationException.class);
        Principal national = verifier.verify("pay-module", "s3cret-密码");
        assertThat(national.national()).isTrue();
        assertThat(national.scope().covers(io.jixiao.api.model.MofDivCode.of("654300000"))).isTrue();
        assertThat(FINANCE.principal().national()).isFalse();
        assertThat(FINANCE.principal().scope().covers(io.jixiao.api.model.MofDivCode.of("654300000"))).isFalse();
        assertThatThrownBy(() -> new Principal("x", java.util.Set.of(Role.FINANCE), java.util.Set.of(),
                java.util.Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Account("x", HASH, "FINANCE", "*, 440100000", ""))
                .as("* stands alone").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accountsNeedAHashAndARole() {
        assertThatThrownBy(() -> new Account("x", "plain", "FINANCE", "", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Account("x", HASH, " ", "", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Account("x", HASH, "KING", "", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bearerTokensAreVerifiedAgainstTheKeySet() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
        TokenVerifier verifier = new TokenVerifier(new JWKSet(key.toPublicJWK()), "https://idp.example", "jixiao", 0,
                java.time.Duration.ofSeconds(300), 100, java.time.Clock.systemUTC());

        String good = token(key, "auditor01", "https://idp.example", "jixiao", List.of("AUDITOR"), 60);
        Principal p = verifier.verify(good);
        assertThat(p.account()).isEqualTo("auditor01");
        assertThat(p.roles()).containsExactly(Role.AUDITOR);
        assertThat(verifier.verify(good)).as("from the verified-token cache").isEqualTo(p);

        for (String bad : List.of(
                token(stranger, "a", "https://idp.example", "jixiao", List.of("AUDITOR"), 60),
                token(key, "a", "https://other", "jixiao", List.of("AUDITOR"), 60),
                token(key, "a", "https://idp.example", "other", List.of("AUDITOR"), 60),
                token(key, "a", "https://idp.example", "jixiao", List.of("AUDITOR"), -60),
                token(key, "a", "https://idp.example", "jixiao", List.of("KING"), 60),
                token(key, "a", "https://idp.example", "jixiao", List.of(), 60),
                // no scope is no scope: a token without regions, or with none, is refused
                token(key, "a", "https://idp.example", "jixiao", List.of("FINANCE"), null, 60),
                token(key, "a", "https://idp.example", "jixiao", List.of("FINANCE"), List.of(), 60),
                good.substring(0, good.length() - 2) + "AA", // the cached token's signature altered
                "not.a.token")) {
            assertThatThrownBy(() -> verifier.verify(bad)).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        TokenVerifier verifier = new TokenVerifier(new JWKSet(key.toPublicJWK()), "https://idp.example", "jixiao", 0,
                java.time.Duration.ofSeconds(300), 100, java.time.Clock.systemUTC());
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("pay-module").issuer("https://idp.example")
                .audience("jixiao").issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 2_000))
                .claim("roles", List.of("HOST_SYSTEM")).claim("regions", List.of("*")).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
        jwt.sign(new RSASSASigner(key));
        String shortLived = jwt.serialize();
        // exp is in whole seconds, so 2 s leave at least one for the first verification on a busy machine
        verifier.verify(shortLived);
        verifier.verify(shortLived);

        // the cache keeps it no longer than its exp (whole seconds in the token): past it, it is verified and refused
        java.time.Instant exp = claims.getExpirationTime().toInstant();
        while (!java.time.Instant.now().isAfter(exp.plusMillis(1_050))) {
            Thread.sleep(50);
        }
        assertThatThrownBy(() -> verifier.verify(shortLived)).isInstanceOf(AuthenticationException.class);
    }

    static String token(RSAKey key, String subject, String issuer, String audience, List<String> roles,
            long expiresInSeconds) throws Exception {
        return token(key, subject, issuer, audience, roles, List.of("440100000"), expiresInSeconds);
    }

    static String token(RSAKey key, String subject, String issuer, String audience, List<String> roles,
            List<String> regions, long expiresInSeconds) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer).audience(audience)
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + expiresInSeconds * 1000))
                .claim("roles", roles).claim("regions", regions).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
