package io.jixiao.store.internal.mapper;

import java.time.Instant;

/** Column image of {@code JX_IDEMPOTENCY}. */
public class IdempotencyRow {
    public String idemKey;
    public String requestHash;
    public Instant createdAt;
    public Instant expiresAt;
    public Integer responseStatus;
    public String responseType;
    public String responseLocation;
    public String responseBody;
    public String owner;
    public Instant leaseUntil;
}
