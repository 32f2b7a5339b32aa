package io.jixiao.api.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** The reason a caller and the log see for a database that cannot be reached: one line, the driver's own. */
class StoreUnavailableTest {

    @Test
    void aBatchCutOffGivesItsDriversReasonWithoutTheStatement() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO JX_PAY_DECISION (A,\n B)\n"
                + " VALUES (1,\n 2) was aborted", "08006", 0, new int[0]);
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        assertThat(StoreUnavailable.reason(new RuntimeException("### Error flushing statements", batch)))
                .isEqualTo("An I/O error occurred while sending to the backend.");
    }

    @Test
    void aPoolWithoutConnectionsAndOtherFailures() {
        assertThat(StoreUnavailable.reason(new SQLTransientConnectionException(
                "jixiao - Connection is not available, request timed out after 3000ms\n(total=0)")))
                .isEqualTo("jixiao - Connection is not available, request timed out after 3000ms");
        assertThat(StoreUnavailable.reason(new SQLException("duplicate key", "23505"))).isNull();
        assertThat(StoreUnavailable.reason(new IllegalStateException("x"))).isNull();
    }

    @Test
    void aLogLineForAnyFailure() {
        assertThat(StoreUnavailable.describe(new RuntimeException("### Error querying database",
                new SQLTransientConnectionException("jixiao - Connection is not available"))))
                .isEqualTo("the database cannot be reached (jixiao - Connection is not available)");
        assertThat(StoreUnavailable.describe(new RuntimeException("### Error updating database\n### SQL: INSERT",
                new SQLException("duplicate key value violates unique constraint\n  Detail: Key", "23505"))))
                .isEqualTo("SQLException: duplicate key value violates unique constraint");
    }
}
