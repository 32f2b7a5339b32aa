package io.jixiao.store.internal.mapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL for rectification cases, their problems and steps; RectificationMapper.xml. */
public interface RectificationMapper {
    long nextCaseId();

    List<Long> nextCaseIds(@Param("n") int n);

    int insertCase(CaseRow row);

    int insertProblem(@Param("caseId") long caseId, @Param("lineNo") int lineNo, @Param("text") String text,
            @Param("indicator") String indicator);

    int insertStep(StepRow row);

    List<String> existingOrigins(@Param("origin") String origin, @Param("originIds") Collection<String> originIds);

    CaseRow byOrigin(@Param("origin") String origin, @Param("originId") String originId);

    List<CaseRow> byOrigins(@Param("origin") String origin, @Param("originIds") Collection<String> originIds);

    CaseRow caseById(@Param("caseId") long caseId);

    List<ProblemRow> problems(@Param("caseIds") Collection<Long> caseIds);

    List<StepRow> steps(@Param("caseId") long caseId);

    List<CaseRow> page(@Param("mofDivCode") String mofDivCode, @Param("agencies") Collection<String> agencies,
            @Param("openOnly") boolean openOnly, @Param("afterId") long afterId, @Param("limit") int limit);

    List<CaseRow> due(@Param("mofDivCode") String mofDivCode, @Param("status") String status,
            @Param("day") LocalDate day, @Param("limit") int limit);

    List<CaseRow> strict(@Param("mofDivCode") String mofDivCode, @Param("agencyCode") String agencyCode);

    List<CaseRow> withoutHold(@Param("mofDivCode") String mofDivCode);

    int change(CaseRow row);

    List<CaseRow> toLift(@Param("mofDivCode") String mofDivCode, @Param("subject") String subject,
            @Param("agencyCode") String agencyCode, @Param("proCode") String proCode,
            @Param("subjectDivCode") String subjectDivCode);

    int lift(@Param("caseId") long caseId, @Param("at") Instant at);

    long nextReferralId();

    int insertReferral(ReferralRow row);

    ReferralRow referral(@Param("referralId") long referralId);

    List<ReferralRow> referrals(@Param("mofDivCode") String mofDivCode);

    List<OutcomeRow> outcomes(@Param("referralIds") Collection<Long> referralIds);

    int insertOutcome(@Param("referralId") long referralId, @Param("seq") int seq, @Param("text") String text,
            @Param("recordedBy") String recordedBy, @Param("recordedAt") Instant recordedAt);

    int linkHold(@Param("caseId") long caseId, @Param("holdId") long holdId);
}
