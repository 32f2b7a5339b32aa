package io.jixiao.security;

import java.time.Duration;

/**
 * Too many failed logins from this address (for this account, or for any): refused before the password is even
 * derived. Adapters answer 429 with {@code Retry-After} (REST) or a {@code RATE_LIMITED} client fault with HTTP 429
 * (SOAP).
 */
public final class LoginThrottledException extends AuthenticationException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("too many failed logins; retry later");
        this.retryAfter = retryAfter;
    }

    /** @return how long until the next attempt is considered, at least one second */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** @return {@link #retryAfter()} in whole seconds, rounded up, at least 1 */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
