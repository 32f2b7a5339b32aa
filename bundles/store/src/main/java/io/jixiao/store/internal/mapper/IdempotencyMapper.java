package io.jixiao.store.internal.mapper;

import java.time.Instant;
import org.apache.ibatis.annotations.Param;

/** SQL for {@code JX_IDEMPOTENCY}; statements in IdempotencyMapper.xml. */
public interface IdempotencyMapper {
    int insert(IdempotencyRow row);

    IdempotencyRow find(@Param("key") String key);

    int complete(@Param("key") String key, @Param("owner") String owner, @Param("status") int status,
            @Param("type") String type, @Param("location") String location, @Param("body") String body);

    int takeOver(@Param("key") String key, @Param("owner") String owner, @Param("now") Instant now,
            @Param("leaseUntil") Instant leaseUntil);

    int delete(@Param("key") String key, @Param("owner") String owner);

    int deleteExpired(@Param("key") String key, @Param("now") Instant now);

    int purgeExpired(@Param("now") Instant now);
}
