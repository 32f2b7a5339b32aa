package io.jixiao.store.internal.mapper;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL for {@code JX_PAY_DECISION}; statements in DecisionMapper.xml. */
public interface DecisionMapper {
    int insert(DecisionRow row);

    List<DecisionRow> findByApplication(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear,
            @Param("payAppNo") String payAppNo);
}
