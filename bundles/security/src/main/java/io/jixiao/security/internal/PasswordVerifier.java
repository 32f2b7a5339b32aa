package io.jixiao.security.internal;

import io.jixiao.security.AuthenticationException;
import io.jixiao.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * Checks account passwords against their stored hashes. A verified credential is remembered briefly (by a
 * SHA-256 of account and password, never the password), so that the payment-check path does not pay a
 * PBKDF2 derivation per call; any change to the accounts forgets everything.
 */
final class PasswordVerifier {
    private static final String UNKNOWN_ACCOUNT_HASH = PasswordHash.hash("no such account".toCharArray());

    private final Function<String, Account> accounts;
    private final VerifiedCache verified;

    PasswordVerifier(Function<String, Account> accounts, Duration cacheTtl, int cacheLimit, Clock clock) {
        this.accounts = accounts;
        this.verified = new VerifiedCache(cacheTtl, cacheLimit, clock);
    }

    Principal verify(String account, String password) throws AuthenticationException {
        Principal cached = cached(account, password);
        return cached != null ? cached : derived(account, password);
    }

    /**
     * @return the principal of a credential verified within the cache period, or {@code null}
     * @throws AuthenticationException if the credential is malformed
     */
    Principal cached(String account, String password) throws AuthenticationException {
        if (account == null || password == null || account.isEmpty() || account.length() > 64
                || password.length() > 1024) {
            throw new AuthenticationException("invalid credentials");
        }
        return verified.find(VerifiedCache.key(account + '\u0000' + password));
    }

    /** Verifies by deriving the stored hash (the expensive path), and remembers a verified credential. */
    Principal derived(String account, String password) throws AuthenticationException {
        String cacheKey = VerifiedCache.key(account + '\u0000' + password);
        Account found = accounts.apply(account);
        // an unknown account costs the same derivation as a known one: no timing hint of which accounts exist
        boolean ok = PasswordHash.matches(password, found == null ? UNKNOWN_ACCOUNT_HASH : found.passwordHash())
                && found != null && found.principal() != null;
        if (!ok) {
            throw new AuthenticationException("invalid credentials");
        }
        verified.remember(cacheKey, found.principal(), null);
        return found.principal();
    }

    void forgetAll() {
        verified.clear();
    }
}
