package io.jixiao.store.internal.mapper;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL for {@code JX_PAY_DECISION}; statements in DecisionMapper.xml. */
public interface DecisionMapper {
    int insert(DecisionRow row);

    /** Which of these journal keys are written already (at most 1,000 keys: Oracle's IN-list limit). */
    List<String> journaledKeys(@Param("keys") List<String> keys);

    List<DecisionRow> findByApplication(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear,
            @Param("payAppNo") String payAppNo);
}
