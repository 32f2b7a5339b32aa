package io.jixiao.store.internal.mapper;

import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

/** SQL for {@code JX_HOLD}; statements in HoldMapper.xml. */
public interface HoldMapper {
    long nextHoldId();

    int insert(HoldRow row);

    int release(HoldRow row);

    HoldRow find(@Param("holdId") long holdId);

    List<HoldRow> findMany(@Param("ids") java.util.Collection<Long> ids);

    int insertChange(@Param("holdId") long holdId, @Param("at") java.time.Instant at);

    long latestChange();

    long nextBypassId();

    int insertBypass(BypassRow row);

    int closeBypass(BypassRow row);

    BypassRow findBypass(@Param("bypassId") long bypassId);

    List<BypassRow> openBypasses(@Param("now") java.time.Instant now);

    List<HoldChangeRow> changesAfter(@Param("after") long after, @Param("limit") int limit);

    List<HoldRow> findActive(@Param("mofDivCode") String mofDivCode, @Param("targetType") String targetType,
            @Param("code") String code);

    Cursor<HoldRow> openActive();
}
