package io.jixiao.store.internal;

import io.jixiao.store.AuditEntry;
import io.jixiao.store.internal.mapper.AuditMapper;
import io.jixiao.store.internal.mapper.AuditRow;
import io.jixiao.store.internal.mapper.ChainHead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;

/**
 * Appends audit rows to their regions' hash chains inside a repository's transaction. Every repository writes its
 * audit rows through here, so that one region's writers take turns at its chain head wherever they write from.
 */
final class AuditChainWriter {
    /** Tries at a new region's chain head: about two seconds in all. */
    private static final int CHAIN_ATTEMPTS = 50;

    private AuditChainWriter() {
    }

    /**
     * Appends an audit row as the next link of its region's chain, inside the caller's transaction. The chain's
     * head is row-locked until that transaction ends, so writers of one region take turns and other regions'
     * writers do not wait.
     */
    static void append(SqlSession session, AuditEntry entry) {
        append(session, List.of(entry));
    }

    /**
     * Appends audit rows as the next links of their regions' chains, inside the caller's transaction: each chain's
     * head is locked once (chains in code order, so two writers never wait on each other in a cycle), the links
     * are hashed in memory in the given order, and the head moves once to the last of them.
     */
    static void append(SqlSession session, List<AuditEntry> entries) {
        AuditMapper audit = session.getMapper(AuditMapper.class);
        Map<String, List<AuditRow>> chains = new TreeMap<>();
        for (AuditEntry entry : entries) {
            AuditRow row = Rows.auditRow(entry);
            row.chainId = row.mofDivCode;
            chains.computeIfAbsent(row.chainId, k -> new ArrayList<>()).add(row);
        }
        for (Map.Entry<String, List<AuditRow>> chain : chains.entrySet()) {
            ChainHead head = audit.lockChain(chain.getKey());
            // a region's first writers race to create its head: the loser may see the winner's head only once the
            // winner has committed (its insert found the uncommitted row and added nothing, or failed)
            for (int attempt = 0; head == null; attempt++) {
                if (attempt == CHAIN_ATTEMPTS) {
                    throw new IllegalStateException("the audit chain head of " + chain.getKey()
                            + " could not be created or read");
                }
                createChain(session, chain.getKey());
                head = audit.lockChain(chain.getKey());
                if (head == null) {
                    pause(attempt);
                }
            }
            long seq = head.lastSeq;
            String prev = head.lastHash;
            for (AuditRow row : chain.getValue()) {
                row.chainSeq = ++seq;
                row.prevHash = prev;
                row.rowHash = AuditChain.hash(row);
                prev = row.rowHash;
                audit.insert(row);
            }
            audit.advanceChain(chain.getKey(), seq, prev);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(50, 1L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an audit chain head", e);
        }
    }

    /**
     * Creates a chain head in the caller's transaction, within a savepoint: a writer that loses the race to another
     * goes back to the savepoint and reads the winner's head once it is committed. The same connection throughout,
     * so that a region's first writers never wait for a second connection from a pool they all hold.
     */
    private static void createChain(SqlSession session, String chainId) {
        java.sql.Connection connection = session.getConnection();
        java.sql.Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (java.sql.SQLException e) {
            throw new PersistenceException("cannot set a savepoint: " + e.getMessage(), e);
        }
        try {
            session.getMapper(AuditMapper.class).createChain(chainId, AuditChain.GENESIS);
            session.flushStatements();
        } catch (PersistenceException raced) {
            try {
                connection.rollback(savepoint);
            } catch (java.sql.SQLException e) {
                throw new PersistenceException("cannot roll back to a savepoint: " + e.getMessage(), e);
            }
        }
    }
}
