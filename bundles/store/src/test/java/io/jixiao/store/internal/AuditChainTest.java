package io.jixiao.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Role;
import io.jixiao.api.service.AuditVerification;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldStatus;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.AuditEntry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit trail is append-only in the database itself and hash-chained per region; tampering, deletions in
 * the middle and at the end are detected and the first bad row is named. On H2, the oracle statements on H2,
 * and PostgreSQL when {@code JIXIAO_TEST_PG_URL} is set.
 */
class AuditChainTest extends EveryDialect {
    private static final Actor FINANCE = Actor.of("JIXIAO-UI", "li.finance", Role.FINANCE);
    private static final Actor AUDITOR = Actor.of("AUDIT-BUREAU", "zhou.auditor", Role.AUDITOR);
    private static final AtomicInteger REGIONS = new AtomicInteger(100000000);

    @ParameterizedTest
    @MethodSource("databases")
    void theDatabaseRefusesUpdatesAndDeletes(TestDatabase db) {
        MofDivCode region = region();
        audited(db, region, 1);

        assertThatThrownBy(() -> TestDatabase.execute(db.dataSource(),
                "UPDATE JX_AUDIT SET REASON = 'rewritten' WHERE MOF_DIV_CODE = '" + region + "'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> TestDatabase.execute(db.dataSource(),
                "DELETE FROM JX_AUDIT WHERE MOF_DIV_CODE = '" + region + "'"))
                .hasMessageContaining("append-only");
        assertThat(store(db).audit().verify(region).intact()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anUntouchedChainVerifies(TestDatabase db) {
        MofDivCode region = region();
        audited(db, region, 6);

        AuditVerification v = store(db).audit().verify(region);
        assertThat(v.intact()).as(v.problem()).isTrue();
        assertThat(v.rowsChecked()).isEqualTo(6);
        assertThat(store(db).audit().verify(region()).rowsChecked()).as("an empty region").isZero();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void alteredContentNamesTheRow(TestDatabase db) throws SQLException {
        MofDivCode region = region();
        audited(db, region, 5);
        long third = auditId(db, region, 3);

        db.tamper("UPDATE JX_AUDIT SET REASON = 'nothing to see' WHERE AUDIT_ID = " + third);

        AuditVerification v = store(db).audit().verify(region);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSequence()).isEqualTo(3);
        assertThat(v.firstBadAuditId()).isEqualTo(third);
        assertThat(v.problem()).contains("does not match its hash");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRewrittenHashBreaksTheNextLink(TestDatabase db) throws SQLException {
        MofDivCode region = region();
        audited(db, region, 4);
        long second = auditId(db, region, 2);

        db.tamper("UPDATE JX_AUDIT SET ROW_HASH = '" + "f".repeat(64) + "' WHERE AUDIT_ID = " + second);

        AuditVerification v = store(db).audit().verify(region);
        assertThat(v.firstBadSequence()).isEqualTo(2);
        assertThat(v.firstBadAuditId()).isEqualTo(second);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDeletedRowIsFound(TestDatabase db) throws SQLException {
        MofDivCode region = region();
        audited(db, region, 5);

        db.tamper("DELETE FROM JX_AUDIT WHERE AUDIT_ID = " + auditId(db, region, 2));

        AuditVerification v = store(db).audit().verify(region);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSequence()).isEqualTo(2);
        assertThat(v.problem()).contains("missing");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDeletedLastRowIsFound(TestDatabase db) throws SQLException {
        MofDivCode region = region();
        audited(db, region, 3);

        db.tamper("DELETE FROM JX_AUDIT WHERE AUDIT_ID = " + auditId(db, region, 3));

        AuditVerification v = store(db).audit().verify(region);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSequence()).isEqualTo(3);
        assertThat(v.problem()).contains("head");
        assertThat(store(db).chainHeadsThatDisagree()).as("what the store says at start")
                .contains("region " + region.value() + ": the chain's head records position 3, its last row is at "
                        + "position 2");
    }

    /**
     * Issue 22: rows lost at the end (the head survived them) and later rows written after the restart. An auditor
     * records the break: verification passes over that gap, and only that gap, and checks everything after it.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void anAuditorRecordsABreakAndTheRowsAfterItVerifyAgain(TestDatabase db) throws Exception {
        MofDivCode region = region();
        Repositories store = store(db);
        audited(db, region, 3);
        db.tamper("DELETE FROM JX_AUDIT WHERE AUDIT_ID = " + auditId(db, region, 3));
        store.chainHeadsThatDisagree();
        assertThat(store.audit().chainBreak(region)).hasValueSatisfying(b -> assertThat(b).contains("position 3"));
        audited(db, region, 2); // the node went on: positions 4 and 5, linked to the lost row 3

        AuditVerification broken = store.audit().verify(region);
        assertThat(broken.problem()).isEqualTo("row 3 is missing (found 4 next)");
        AuditVerification after = store.audit().acknowledgeBreak(region, new AuditEntry(now(), "ignored", region, "x",
                "x",
                AUDITOR, "事故报告 2026-17: 断电丢失第 3 行", "ignored"));

        assertThat(after.intact()).as(after.problem()).isTrue();
        assertThat(after.acknowledgedBreaks()).isEqualTo(1);
        assertThat(after.rowsChecked()).as("positions 1-2 and 4-6, the acknowledgement at 6").isEqualTo(6);
        assertThat(store.audit().chainBreak(region)).isEmpty();
        assertThat(store.audit().findBySubject("AUDIT_CHAIN", region.value(), 5)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("AUDIT_CHAIN_BREAK_ACKNOWLEDGED");
            assertThat(e.detail()).isEqualTo("missing=3..3");
            assertThat(e.actor()).isEqualTo(AUDITOR);
        });
        audited(db, region, 1);
        assertThat(store.audit().verify(region).intact()).as("rows after the acknowledgement").isTrue();
        // the command-line verify of an export passes over the gap the export's acknowledgement names, and only then
        List<io.jixiao.api.service.AuditRecord> exported = new java.util.ArrayList<>();
        new AuditServiceImpl(store.audit()).export(io.jixiao.api.service.AuditQuery.all(region), AUDITOR,
                exported::add);
        StringBuilder csv = new StringBuilder();
        io.jixiao.api.service.AuditCsv.header(csv);
        exported.forEach(r -> io.jixiao.api.service.AuditCsv.row(csv, r));
        AuditExportVerifier.Result offline = AuditExportVerifier.verify(() -> new java.io.StringReader(csv.toString()),
                false);
        assertThat(offline.intact()).as(offline.problem()).isTrue();
        assertThat(offline.passedGaps()).containsExactly("missing=3..3");
        assertThat(offline.lastSeq()).isEqualTo(7);
        StringBuilder withoutIt = new StringBuilder();
        io.jixiao.api.service.AuditCsv.header(withoutIt);
        exported.stream().filter(r -> !r.action().equals("AUDIT_CHAIN_BREAK_ACKNOWLEDGED"))
                .forEach(r -> io.jixiao.api.service.AuditCsv.row(withoutIt, r));
        assertThat(AuditExportVerifier.verify(() -> new java.io.StringReader(withoutIt.toString()), false).problem())
                .isEqualTo("chain position 3 is missing (found 4)");
        assertThatThrownBy(() -> store.audit().acknowledgeBreak(region, new AuditEntry(now(), "x", region, "x", "x",
                AUDITOR,
                "again", "x"))).isInstanceOf(io.jixiao.api.model.ConflictException.class).hasMessageContaining("intact");

        // a second gap is not covered by the first acknowledgement; altered content cannot be acknowledged
        db.tamper("DELETE FROM JX_AUDIT WHERE AUDIT_ID = " + auditId(db, region, 5));
        assertThat(store.audit().verify(region).problem()).isEqualTo("row 5 is missing (found 6 next)");
        db.tamper("UPDATE JX_AUDIT SET REASON = 'rewritten' WHERE AUDIT_ID = " + auditId(db, region, 2));
        assertThatThrownBy(() -> store.audit().acknowledgeBreak(region, new AuditEntry(now(), "x", region, "x", "x",
                AUDITOR,
                "hide it", "x"))).isInstanceOf(io.jixiao.api.model.ConflictException.class)
                .hasMessageContaining("only missing rows");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void chainHeadsThatAgreeWithTheirLastRowsAreNotNamedAtStart(TestDatabase db) {
        MofDivCode region = region();
        audited(db, region, 2);

        assertThat(store(db).chainHeadsThatDisagree()).noneMatch(line -> line.contains(region.value()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrentWritersKeepEveryChainWhole(TestDatabase db) throws Exception {
        MofDivCode a = region();
        MofDivCode b = region();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                MofDivCode region = t % 2 == 0 ? a : b;
                work.add(pool.submit(() -> audited(db, region, 15)));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(store(db).audit().verify(a)).satisfies(v -> {
            assertThat(v.intact()).as(v.problem()).isTrue();
            assertThat(v.rowsChecked()).isEqualTo(30);
        });
        assertThat(store(db).audit().verify(b).rowsChecked()).isEqualTo(30);
    }

    /** Writes {@code count} audit rows for the region through the repositories (hold placed, hold released). */
    private void audited(TestDatabase db, MofDivCode region, int count) {
        Repositories store = store(db);
        for (int i = 0; i < count; i++) {
            Hold hold = new Hold(store.holds().nextHoldId(), HoldTarget.project(region, ProCode.of("P" + i)),
                    HoldKind.SUSPEND, Reason.of("偏离 " + i), HoldStatus.ACTIVE, FINANCE, now(), null);
            store.holds().insert(hold, new AuditEntry(now(), "HOLD_PLACED", region, "HOLD",
                    Long.toString(hold.holdId()),
                    FINANCE, "偏离 " + i, "n=" + i));
        }
    }

    private static long auditId(TestDatabase db, MofDivCode region, long seq) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT AUDIT_ID FROM JX_AUDIT WHERE CHAIN_ID = '" + region
                        + "' AND CHAIN_SEQ = " + seq)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private static MofDivCode region() {
        return MofDivCode.of(Integer.toString(REGIONS.incrementAndGet()));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
