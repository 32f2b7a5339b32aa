package io.jixiao.security;

import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Per-account request budgets for every adapter: a token bucket per account, refilled at the account's
 * configured rate. Accounts without a configured rate are not limited.
 */
@ProviderType
public interface RateLimiter {

    /**
     * Takes one request from the account's budget.
     *
     * @param account the authenticated account
     * @return {@link Duration#ZERO} if the request may proceed, otherwise how long to wait before retrying
     */
    Duration acquire(String account);
}
