package io.jixiao.store.internal.mapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL for monitoring rounds, results and reports; statements in MonitoringMapper.xml. */
public interface MonitoringMapper {
    long nextRoundId();

    long nextResultBlock();

    int renew(@Param("roundId") long roundId, @Param("owner") String owner, @Param("now") Instant now);

    RoundRow lockRound(@Param("roundId") long roundId);

    List<LevelCount> countResults(@Param("roundId") long roundId);

    int insertRound(RoundRow row);

    RoundRow round(@Param("roundId") long roundId);

    int countActive(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear,
            @Param("cutOff") LocalDate cutOff);

    int claim(@Param("roundId") long roundId, @Param("owner") String owner, @Param("now") Instant now,
            @Param("staleBefore") Instant staleBefore);

    List<Long> runnable(@Param("staleBefore") Instant staleBefore);

    int checkpoint(RoundRow row);

    int finish(@Param("roundId") long roundId, @Param("owner") String owner, @Param("status") String status,
            @Param("error") String error, @Param("at") Instant at);

    int changeStatus(@Param("roundId") long roundId, @Param("from") Collection<String> from, @Param("to") String to,
            @Param("at") Instant at);

    List<ResultRow> results(@Param("roundId") long roundId, @Param("isDept") int isDept,
            @Param("codes") Collection<String> codes);

    int insertResult(ResultRow row);

    int linkHold(@Param("resultId") long resultId, @Param("holdId") long holdId);

    ResultRow result(@Param("resultId") long resultId);

    List<ResultRow> page(@Param("roundId") long roundId, @Param("minRank") int minRank, @Param("afterId") long afterId,
            @Param("limit") int limit, @Param("agencies") Collection<String> agencies);

    int changeResult(@Param("resultId") long resultId, @Param("fromStatus") String fromStatus,
            @Param("toStatus") String toStatus, @Param("rectification") String rectification);

    List<DeptTotalRow> departmentTotals(@Param("roundId") long roundId);

    int deleteReportKpis(ReportRow key);

    int deleteReport(ReportRow key);

    int insertReport(ReportRow row);

    int insertReportKpi(ReportRow row);

    List<ReportRow> report(ReportRow key);

    List<ReportRow> reports(@Param("mofDivCode") String mofDivCode, @Param("fiscalYear") int fiscalYear,
            @Param("cutOff") LocalDate cutOff, @Param("proCodes") Collection<String> proCodes);
}
