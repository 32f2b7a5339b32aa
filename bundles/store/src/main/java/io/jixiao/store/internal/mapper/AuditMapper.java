package io.jixiao.store.internal.mapper;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL for {@code JX_AUDIT}; statements in AuditMapper.xml. Insert and select only: the trail is append-only. */
public interface AuditMapper {
    int insert(AuditRow row);

    List<AuditRow> findBySubject(@Param("subjectType") String subjectType, @Param("subjectId") String subjectId,
            @Param("limit") int limit);
}
