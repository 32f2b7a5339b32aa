package io.jixiao.store.internal;

import io.jixiao.api.model.MofDivCode;
import io.jixiao.store.internal.mapper.AuditMapper;
import io.jixiao.store.internal.mapper.ChainHead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Each region's audit chain problem as last found (at start, or by a verification), until the chain verifies again.
 * One per store: the store checks the heads as it starts, the audit trail answers and updates from it.
 */
final class ChainBreaks {
    private final Map<String, String> breaks = new ConcurrentHashMap<>();

    /**
     * Compares each region's chain head with the chain's last row and keeps what it finds. They agree unless rows
     * or a head were lost or removed (a crash of a database that acknowledged commits it had not written, or a hand).
     *
     * @return one line per region whose head and last row disagree, naming the positions
     */
    List<String> checkHeads(SqlSessionFactory sessions) {
        try (SqlSession session = sessions.openSession()) {
            List<String> broken = new ArrayList<>();
            for (ChainHead head : session.getMapper(AuditMapper.class).headsAgainstLastRows()) {
                long lastRow = head.lastRowSeq == null ? 0 : head.lastRowSeq;
                String lastHash = head.lastRowSeq == null ? AuditChain.GENESIS : head.lastRowHash;
                if (head.lastSeq != lastRow || !head.lastHash.equals(lastHash)) {
                    String line = "region " + head.chainId + ": the chain's head records position " + head.lastSeq
                            + (head.lastSeq == lastRow ? " with another hash than its last row" : "")
                            + ", its last row is at position " + lastRow;
                    broken.add(line);
                    breaks.put(head.chainId, line);
                }
            }
            return broken;
        }
    }

    Optional<String> of(MofDivCode region) {
        return Optional.ofNullable(breaks.get(region.value()));
    }

    void found(MofDivCode region, String problem) {
        breaks.put(region.value(), problem);
    }

    void mended(MofDivCode region) {
        breaks.remove(region.value());
    }
}
