package io.jixiao.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Role;
import io.jixiao.api.model.Scope;
import io.jixiao.api.service.AuditChainHead;
import io.jixiao.api.service.AuditPage;
import io.jixiao.api.service.AuditQuery;
import io.jixiao.api.service.AuditRecord;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldStatus;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.api.service.AuditCsv;
import io.jixiao.store.AuditEntry;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Auditors query the trail by region, agency, project, actor and time, page through it, and export it for the
 * audit bureau, who re-computes the chain from the file alone. On every dialect.
 */
class AuditQueryTest extends EveryDialect {
    private static final Actor AUDITOR = Actor.of("AUDIT-PORTAL", "zhou.audit", Role.AUDITOR);
    private static final AtomicInteger REGIONS = new AtomicInteger(300000000);
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    /** Six entries: agencies A1, A1, A2, A2, none, A1; operators alternate; one minute apart. */
    private MofDivCode trail(TestDatabase db) {
        MofDivCode region = MofDivCode.of(Integer.toString(REGIONS.incrementAndGet()));
        String[] agencies = {"A1", "A1", "A2", "A2", null, "A1"};
        for (int i = 0; i < agencies.length; i++) {
            Actor actor = Actor.of("JIXIAO-UI", i % 2 == 0 ? "li.finance" : "wang.finance", Role.FINANCE);
            Instant at = T0.plus(i, ChronoUnit.MINUTES);
            ProCode project = ProCode.of("P" + i);
            Hold hold = new Hold(store(db).holds().nextHoldId(), HoldTarget.project(region, project), HoldKind.SUSPEND,
                    Reason.of("偏离, \"严重\" " + i), HoldStatus.ACTIVE, actor, at, null);
            store(db).holds().insert(hold, new AuditEntry(at, "HOLD_PLACED", region, "HOLD",
                    Long.toString(hold.holdId()),
                    actor, hold.reason().text(), "n=" + i + "\nline two",
                    agencies[i] == null ? null : AgencyCode.of(agencies[i]), project));
        }
        return region;
    }

    private static AuditQuery query(MofDivCode region, String agency, String project, String actor, Instant from,
            Instant to) {
        return new AuditQuery(region, agency == null ? null : AgencyCode.of(agency),
                project == null ? null : ProCode.of(project), actor, from, to, 0, 100);
    }

    private static List<String> projects(AuditPage page) {
        return page.entries().stream().map(AuditRecord::proCode).toList();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void filtersByAgencyProjectActorAndTime(TestDatabase db) {
        MofDivCode region = trail(db);
        AuditServiceImpl audit = new AuditServiceImpl(store(db).audit());

        assertThat(projects(audit.search(query(region, null, null, null, null, null), AUDITOR)))
                .containsExactly("P0", "P1", "P2", "P3", "P4", "P5");
        assertThat(projects(audit.search(query(region, "A1", null, null, null, null), AUDITOR)))
                .containsExactly("P0", "P1", "P5");
        assertThat(projects(audit.search(query(region, null, "P3", null, null, null), AUDITOR)))
                .containsExactly("P3");
        assertThat(projects(audit.search(query(region, null, null, "wang.finance", null, null), AUDITOR)))
                .containsExactly("P1", "P3", "P5");
        assertThat(projects(audit.search(query(region, null, null, null, T0.plus(2, ChronoUnit.MINUTES),
                T0.plus(4, ChronoUnit.MINUTES)), AUDITOR))).as("from inclusive, to exclusive")
                .containsExactly("P2", "P3");
        assertThat(audit.search(query(MofDivCode.of("399999999"), null, null, null, null, null), AUDITOR).entries())
                .as("another region").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void pagesFollowTrailOrder(TestDatabase db) {
        MofDivCode region = trail(db);
        AuditServiceImpl audit = new AuditServiceImpl(store(db).audit());
        AuditQuery q = new AuditQuery(region, null, null, null, null, null, 0, 4);

        AuditPage first = audit.search(q, AUDITOR);
        AuditPage second = audit.search(q.after(first.nextAfter()), AUDITOR);

        assertThat(projects(first)).containsExactly("P0", "P1", "P2", "P3");
        assertThat(projects(second)).containsExactly("P4", "P5");
        assertThat(second.nextAfter()).isNull();
        assertThat(first.entries().get(0).chainSeq()).isEqualTo(1);
        assertThat(first.entries().get(0).reason()).isEqualTo("偏离, \"严重\" 0");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onlyAuditorsAndFinanceReadAndAnAgencyScopedAccountSeesItsOwn(TestDatabase db) {
        MofDivCode region = trail(db);
        AuditServiceImpl audit = new AuditServiceImpl(store(db).audit());
        Actor a2Auditor = new Actor("AUDIT-PORTAL", "a2", EnumSet.of(Role.AUDITOR), new Scope(Set.of(), Set.of("A2")));
        Actor elsewhere = new Actor("AUDIT-PORTAL", "x", EnumSet.of(Role.AUDITOR),
                new Scope(Set.of("110000000"), Set.of()));

        assertThat(projects(audit.search(query(region, null, null, null, null, null), a2Auditor)))
                .containsExactly("P2", "P3");
        assertThatThrownBy(() -> audit.search(query(region, "A1", null, null, null, null), a2Auditor))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> audit.search(query(region, null, null, null, null, null), elsewhere))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> audit.search(query(region, null, null, null, null, null),
                Actor.of("UNIT", "wang", Role.UNIT))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> audit.head(region, Actor.of("PUBLIC", "anyone", Role.PUBLIC)))
                .isInstanceOf(ForbiddenException.class);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theExportVerifiesOnItsOwnAndEndsAtTheHead(TestDatabase db) throws Exception {
        MofDivCode region = trail(db);
        AuditServiceImpl audit = new AuditServiceImpl(store(db).audit());
        StringBuilder csv = new StringBuilder();
        AuditCsv.header(csv);

        long rows = audit.export(AuditQuery.all(region), AUDITOR, r -> AuditCsv.row(csv, r));
        AuditChainHead head = audit.head(region, AUDITOR);
        AuditExportVerifier.Result result = AuditExportVerifier.verify(() -> new StringReader(csv.toString()), false);

        assertThat(rows).isEqualTo(6);
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.rows()).isEqualTo(6);
        assertThat(result.lastSeq()).isEqualTo(head.lastSeq());
        assertThat(result.lastHash()).isEqualTo(head.lastHash());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anEditedOrShortenedExportNamesTheRow(TestDatabase db) throws Exception {
        MofDivCode region = trail(db);
        AuditServiceImpl audit = new AuditServiceImpl(store(db).audit());
        List<AuditRecord> records = new ArrayList<>();
        audit.export(AuditQuery.all(region), AUDITOR, records::add);

        AuditRecord third = records.get(2);
        records.set(2, new AuditRecord(third.auditId(), third.occurredAt(), third.action(), third.mofDivCode(),
                "A9", third.proCode(), third.subjectType(), third.subjectId(), third.callerSystem(),
                third.operator(), third.roles(), third.reason(), third.detail(), third.chainSeq(), third.prevHash(),
                third.rowHash()));
        AuditExportVerifier.Result edited = AuditExportVerifier.verify(() -> new StringReader(csv(records)), false);
        assertThat(edited.intact()).isFalse();
        assertThat(edited.badAuditId()).isEqualTo(third.auditId());
        assertThat(edited.problem()).contains("hash");

        records.set(2, third);
        records.remove(3);
        AuditExportVerifier.Result shortened = AuditExportVerifier.verify(() -> new StringReader(csv(records)), false);
        assertThat(shortened.intact()).isFalse();
        assertThat(shortened.problem()).contains("position 4 is missing");
        assertThat(AuditExportVerifier.verify(() -> new StringReader(csv(records)), true).intact())
                .as("the same rows as a filtered export").isTrue();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFilteredExportVerifiesRowByRow(TestDatabase db) throws Exception {
        MofDivCode region = trail(db);
        AuditServiceImpl audit = new AuditServiceImpl(store(db).audit());
        StringBuilder csv = new StringBuilder();
        AuditCsv.header(csv);
        audit.export(query(region, "A1", null, null, null, null), AUDITOR, r -> AuditCsv.row(csv, r));

        AuditExportVerifier.Result result = AuditExportVerifier.verify(() -> new StringReader(csv.toString()), true);

        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.rows()).isEqualTo(3);
        assertThat(AuditExportVerifier.verify(() -> new StringReader(csv.toString()), false).intact())
                .as("not a whole chain").isFalse();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void clearingAnAuditedAgencyBreaksTheChain(TestDatabase db) throws Exception {
        MofDivCode region = trail(db);
        long second = store(db).audit().search(query(region, null, "P1", null, null, null), Set.of()).entries().get(0)
                .auditId();

        db.tamper("UPDATE JX_AUDIT SET AGENCY_CODE = NULL WHERE AUDIT_ID = " + second);

        assertThat(store(db).audit().verify(region).firstBadAuditId()).isEqualTo(second);
    }

    @Test
    void badQueriesAreRefusedWithTheirField() {
        assertThatThrownBy(() -> new AuditQuery(null, null, null, "", T0, T0, -1, 0))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .extracting(v -> v.field())
                        .containsExactlyInAnyOrder("MOF_DIV_CODE", "ACTOR", "TO", "AFTER", "LIMIT"));
    }

    private static String csv(List<AuditRecord> records) {
        StringBuilder csv = new StringBuilder();
        AuditCsv.header(csv);
        records.forEach(r -> AuditCsv.row(csv, r));
        return csv.toString();
    }
}
