package io.jixiao.store.internal;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.PayAppNo;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.DecisionRecord;
import io.jixiao.store.DecisionRepository;
import io.jixiao.store.JournaledDecision;
import io.jixiao.store.internal.mapper.DecisionMapper;
import io.jixiao.store.internal.mapper.DecisionRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The payment guard's decision records over MyBatis, written in batches. */
@Component(service = DecisionRepository.class)
public final class MyBatisDecisions implements DecisionRepository {
    /** Journal keys asked per query, under Oracle's limit of 1,000 IN-list expressions. */
    private static final int KEYS_PER_QUERY = 500;
    private static final int RECORD_ONCE_ATTEMPTS = 3;
    private final UnitAwareSessions sessions;

    @Activate
    public MyBatisDecisions(@Reference StoreComponent store) {
        this(store.sessions());
    }

    MyBatisDecisions(UnitAwareSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void recordAll(List<DecisionRecord> decisions) {
        insertDecisions(decisions.stream().map(Rows::decisionRow).toList(), false);
    }

    @Override
    public int recordOnce(List<JournaledDecision> decisions) {
        // the guard's own write and the journal's shipping of the same spooled HOLD may meet: the one that loses on the
        // key's unique index asks again which keys are written, and skips the other's
        for (int attempt = 1; ; attempt++) {
            try {
                return insertDecisions(journaledRows(decisions), true, i -> decisions.get(i).audit());
            } catch (RuntimeException e) {
                if (attempt == RECORD_ONCE_ATTEMPTS || !Rows.isDuplicateKey(e)) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void recordNew(List<JournaledDecision> decisions) {
        insertDecisions(journaledRows(decisions), false, i -> decisions.get(i).audit());
    }

    private static List<DecisionRow> journaledRows(List<JournaledDecision> decisions) {
        return decisions.stream().map(decision -> {
            DecisionRow row = Rows.decisionRow(decision.record());
            row.journalKey = decision.key();
            return row;
        }).toList();
    }

    /**
     * Inserts decision rows in one batch and one transaction.
     *
     * @param skipWritten whether rows whose journal key is in the table already are left out
     * @return the rows inserted
     */
    private int insertDecisions(List<DecisionRow> rows, boolean skipWritten) {
        return insertDecisions(rows, skipWritten, i -> null);
    }

    /** @param auditOf the audit entry written with the i-th row, if it is written, or {@code null} */
    private int insertDecisions(List<DecisionRow> rows, boolean skipWritten,
            java.util.function.IntFunction<AuditEntry> auditOf) {
        if (rows.isEmpty()) {
            return 0;
        }
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH, false)) {
            DecisionMapper mapper = session.getMapper(DecisionMapper.class);
            // keys already in the table, and those of this batch as it goes (recordOnce only: recordNew asks nothing)
            java.util.Set<String> written = new java.util.HashSet<>();
            if (skipWritten) {
                List<String> keys = rows.stream().map(row -> row.journalKey).toList();
                for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
                    int to = Math.min(keys.size(), from + KEYS_PER_QUERY);
                    written.addAll(mapper.journaledKeys(keys.subList(from, to)));
                }
            }
            int added = 0;
            List<AuditEntry> audits = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                DecisionRow row = rows.get(i);
                if (!skipWritten || written.add(row.journalKey)) {
                    mapper.insert(row);
                    added++;
                    if (auditOf.apply(i) != null) {
                        audits.add(auditOf.apply(i));
                    }
                }
            }
            session.flushStatements();
            if (!audits.isEmpty()) {
                AuditChainWriter.append(session, audits);
            }
            session.commit();
            return added;
        }
    }

    @Override
    public List<DecisionRecord> findByApplication(MofDivCode mofDivCode, FiscalYear fiscalYear, PayAppNo payAppNo) {
        try (SqlSession session = sessions.openSession()) {
            return session.getMapper(DecisionMapper.class)
                    .findByApplication(mofDivCode.value(), fiscalYear.value(), payAppNo.value())
                    .stream().map(Rows::decisionRecord).toList();
        }
    }
}
