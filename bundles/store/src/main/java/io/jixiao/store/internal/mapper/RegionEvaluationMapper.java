package io.jixiao.store.internal.mapper;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL for comprehensive evaluations of lower governments and their transfer adjustments; RegionEvaluationMapper.xml. */
public interface RegionEvaluationMapper {
    long nextEvaluationId();

    int insertEvaluation(RegionEvalRow row);

    RegionEvalRow evaluation(@Param("evalId") long evalId);

    List<RegionEvalRow> evaluations(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear,
            @Param("evaluator") String evaluator, @Param("status") String status, @Param("unadjusted") boolean unadjusted);

    int submit(RegionEvalRow row);

    int insertCriterion(RegionCriterionRow row);

    List<RegionCriterionRow> criteria(@Param("evalId") long evalId);

    int insertAdjustment(TransferAdjustmentRow row);

    int markAdjusted(@Param("evalId") long evalId);

    List<TransferAdjustmentRow> adjustments(@Param("mofDivCode") String mofDivCode, @Param("evalYear") int evalYear,
            @Param("status") String status);

    int markAdjustment(@Param("evalId") long evalId, @Param("to") String to, @Param("at") Instant at);
}
