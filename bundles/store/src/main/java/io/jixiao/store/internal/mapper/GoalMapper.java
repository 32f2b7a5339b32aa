package io.jixiao.store.internal.mapper;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL for {@code JX_GOAL} and {@code JX_GOAL_INDICATOR}; statements in GoalMapper.xml. */
public interface GoalMapper {
    long nextGoalId();

    int insert(GoalRow row);

    int insertIndicator(IndicatorRow row);

    int deleteIndicators(@Param("goalId") long goalId, @Param("version") int version);

    int updateContent(GoalRow row);

    int updateStatus(@Param("goalId") long goalId, @Param("version") int version, @Param("expected") String expected,
            @Param("status") String status, @Param("ruleVersion") String ruleVersion,
            @Param("opinionCodes") String opinionCodes, @Param("opinionText") String opinionText,
            @Param("at") Instant at);

    GoalRow find(@Param("goalId") long goalId, @Param("version") int version);

    List<Integer> versions(@Param("goalId") long goalId);

    List<IndicatorRow> indicators(@Param("goalId") long goalId, @Param("version") int version);

    /** The versions in force (approved or published) of a project's goals, newest first. */
    List<GoalRow> inForce(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear,
            @Param("proCode") String proCode);

    long nextAssessmentId();

    int insertAssessment(AssessmentRow row);

    /** A project's assessments for a year, newest first. */
    List<AssessmentRow> assessments(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear,
            @Param("proCode") String proCode);

    List<GoalRow> inForceOfAgency(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear,
            @Param("agencyCode") String agencyCode, @Param("subject") String subject);

    List<GoalRow> inForceOfProjects(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear,
            @Param("codes") String[] codes);

    /** Which of these projects have a goal of the year, in any state. */
    List<String> projectsWithGoal(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear,
            @Param("codes") String[] codes);

    /** Every version in force of a region and year after a goal id, by goal and newest version first. */
    org.apache.ibatis.cursor.Cursor<GoalRow> inForceOfRegionFull(@Param("mofDivCode") String mofDivCode,
            @Param("fiscalYear") int fiscalYear, @Param("afterGoalId") long afterGoalId);

    /** The indicators of every version of the goals, by goal, version and sequence. */
    List<IndicatorRow> indicatorsOfGoals(@Param("goalIds") java.util.Collection<Long> goalIds);

    /** Every goal version in force in a region and year, streamed to the handler. */
    void inForceOfRegion(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear,
            org.apache.ibatis.session.ResultHandler<GoalRow> handler);

    /** Every assessment of a region and year, newest first, streamed to the handler. */
    void assessmentsOfRegion(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear,
            org.apache.ibatis.session.ResultHandler<AssessmentRow> handler);

    List<AssessmentRow> assessmentsOfProjects(@Param("mofDivCode") String mofDivCode,
            @Param("fiscalYear") int fiscalYear, @Param("codes") String[] codes);

    /** The goal ids of a project (any status), oldest first. */
    List<Long> goalsOfProject(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear,
            @Param("proCode") String proCode);

    int insertStageReview(StageReviewRow row);

    /** A version's stage reviews. */
    List<StageReviewRow> stageReviews(@Param("goalId") long goalId, @Param("version") int version);

    /** One stage's reviews of the goals. */
    List<StageReviewRow> stageReviewsOfGoals(@Param("stage") String stage,
            @Param("goalIds") java.util.Collection<Long> goalIds);

    /** One stage's reviews in a region and year, streamed to the handler. */
    void stageReviewsOfRegion(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear,
            @Param("stage") String stage, org.apache.ibatis.session.ResultHandler<StageReviewRow> handler);

    org.apache.ibatis.cursor.Cursor<java.util.Map<String, Object>> goalProjects();
}
