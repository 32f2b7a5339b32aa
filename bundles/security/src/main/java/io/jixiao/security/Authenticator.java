package io.jixiao.security;

import org.osgi.annotation.versioning.ProviderType;

/** Verifies credentials for every adapter, so that REST and SOAP callers meet the same accounts. */
@ProviderType
public interface Authenticator {

    /**
     * @param account account name
     * @param password password as sent (HTTP Basic, WS-Security UsernameToken PasswordText)
     * @return the principal
     * @throws AuthenticationException if the account is unknown or the password wrong
     */
    Principal password(String account, String password) throws AuthenticationException;

    /**
     * @param token a signed JWT
     * @return the principal named by its subject and claims
     * @throws AuthenticationException if the token is malformed, badly signed, expired or not for Jixiao
     */
    Principal bearer(String token) throws AuthenticationException;
}
