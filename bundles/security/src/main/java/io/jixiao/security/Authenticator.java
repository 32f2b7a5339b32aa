package io.jixiao.security;

import org.osgi.annotation.versioning.ProviderType;

/** Verifies credentials for every adapter, so that REST and SOAP callers meet the same accounts. */
@ProviderType
public interface Authenticator {

    /**
     * @param account account name
     * @param password password as sent (HTTP Basic, WS-Security UsernameToken PasswordText)
     * @param address the client's address, for the throttle of failed logins
     * @return the principal
     * @throws LoginThrottledException if this account (or any) failed too often from this address lately; the
     *         password was not checked
     * @throws AuthenticationException if the account is unknown, names no scope, or the password is wrong
     */
    Principal password(String account, String password, String address) throws AuthenticationException;

    /**
     * @param token a signed JWT
     * @return the principal named by its subject and claims
     * @throws AuthenticationException if the token is malformed, badly signed, expired or not for Jixiao
     */
    Principal bearer(String token) throws AuthenticationException;
}
