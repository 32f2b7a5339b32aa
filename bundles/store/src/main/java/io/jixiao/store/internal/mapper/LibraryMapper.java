package io.jixiao.store.internal.mapper;

import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

/** SQL for the indicator library and imports; statements in LibraryMapper.xml. */
public interface LibraryMapper {
    LibraryRow find(@Param("mofDivCode") String mofDivCode, @Param("code") String code);

    List<LibraryRow> findMany(@Param("mofDivCode") String mofDivCode, @Param("codes") Collection<String> codes);

    int insert(LibraryRow row);

    /** Writes the row over the entry if the entry is still at {@code expected}. */
    int update(@Param("row") LibraryRow row, @Param("expected") int expected);

    int delete(@Param("mofDivCode") String mofDivCode, @Param("code") String code, @Param("expected") int expected);

    /** How many approved or published goal versions of the region use the entry. */
    long usedInForce(@Param("mofDivCode") String mofDivCode, @Param("code") String code);

    List<LibraryRow> search(@Param("q") LibraryFilter filter);

    long count(@Param("q") LibraryFilter filter);

    Cursor<LibraryRow> all(@Param("q") LibraryFilter filter);

    long nextJobId();

    int insertJob(ImportJobRow row);

    int updateJob(ImportJobRow row);

    int heartbeat(@Param("jobIds") List<Long> jobIds, @Param("at") java.time.Instant at);

    int failAbandoned(@Param("row") ImportJobRow row, @Param("before") java.time.Instant before);

    ImportJobRow job(@Param("jobId") long jobId);

    List<ImportJobRow> unfinished(@Param("before") java.time.Instant before);

    int insertProblem(ImportProblemRow row);

    List<ImportProblemRow> problems(@Param("jobId") long jobId, @Param("afterRow") int afterRow,
            @Param("limit") int limit);
}
