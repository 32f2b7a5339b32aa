package io.jixiao.store.internal.mapper;

import io.jixiao.api.service.AuditQuery;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

/**
 * SQL for {@code JX_AUDIT} and its chain heads; statements in AuditMapper.xml. Insert and select only on the
 * trail: it is append-only (and the database refuses updates and deletes).
 */
public interface AuditMapper {
    int insert(AuditRow row);

    List<AuditRow> findBySubject(@Param("subjectType") String subjectType, @Param("subjectId") String subjectId,
            @Param("limit") int limit);

    List<AuditRow> search(@Param("q") AuditQuery query, @Param("agencies") Collection<String> agencies,
            @Param("limit") int limit);

    Cursor<AuditRow> export(@Param("q") AuditQuery query, @Param("agencies") Collection<String> agencies);

    /** Creates the chain's head unless it exists. */
    int createChain(@Param("chainId") String chainId, @Param("genesis") String genesis);

    /** Reads and row-locks the chain's head until the transaction ends: one writer per region at a time. */
    ChainHead lockChain(@Param("chainId") String chainId);

    ChainHead findChain(@Param("chainId") String chainId);

    int advanceChain(@Param("chainId") String chainId, @Param("lastSeq") long lastSeq,
            @Param("lastHash") String lastHash);

    Cursor<AuditRow> openChain(@Param("chainId") String chainId);

    /** Every chain's head with its last row's position and hash. */
    java.util.List<ChainHead> headsAgainstLastRows();

    /** The details of a chain's acknowledgement rows: the gaps an auditor recorded as lost. */
    java.util.List<String> acknowledgedGaps(@Param("chainId") String chainId, @Param("action") String action);

    long countUnchained(@Param("mofDivCode") String mofDivCode);
}
