package io.jixiao.store.internal.mapper;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL for evaluation tasks and their scored lines; statements in EvaluationMapper.xml. */
public interface EvaluationMapper {
    long nextTaskBlock();

    List<String> projectsWithTask(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear,
            @Param("kind") String kind, @Param("agencyCode") String agencyCode);

    int insertTask(EvalTaskRow row);

    EvalTaskRow task(@Param("taskId") long taskId);

    List<EvalTaskRow> tasks(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear,
            @Param("agencyCodes") List<String> agencyCodes, @Param("kind") String kind,
            @Param("evaluator") String evaluator, @Param("status") String status,
            @Param("afterTaskId") long afterTaskId, @Param("limit") int limit);

    List<EvalTaskRow> tasksOf(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear,
            @Param("kind") String kind, @Param("proCodes") List<String> proCodes);

    int submit(EvalTaskRow row);

    int insertLine(EvalLineRow row);

    List<EvalLineRow> lines(@Param("taskId") long taskId);

    int insertCriterion(EvalCriterionRow row);

    List<EvalCriterionRow> criteria(@Param("taskId") long taskId);

    List<EvalTaskRow> submittedAfter(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear,
            @Param("afterTaskId") long afterTaskId, @Param("limit") int limit);

    List<EvalTaskRow> kindsOfProjects(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear,
            @Param("proCodes") java.util.Collection<String> proCodes);

    List<String> agenciesAwaitingWhole(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear);

    int markTaskAdjusted(@Param("taskId") long taskId);

    int insertAdjustment(EvalAdjustmentRow row);

    List<EvalAdjustmentRow> adjustments(@Param("mofDivCode") String mofDivCode, @Param("evalYear") int evalYear,
            @Param("agencyCodes") List<String> agencyCodes, @Param("status") String status, @Param("afterTaskId") long afterTaskId, @Param("limit") int limit);

    List<EvalAdjustmentRow> adjustmentsTargeting(@Param("mofDivCode") String mofDivCode,
            @Param("targetYear") int targetYear, @Param("proCodes") List<String> proCodes);

    int markAdjustments(@Param("taskIds") java.util.Collection<Long> taskIds, @Param("to") String to,
            @Param("at") java.time.Instant at);
}
