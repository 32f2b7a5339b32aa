package io.jixiao.guard.internal;

import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.hook.PaymentApplication;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.BgtId;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.PayAppNo;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.Repositories;
import java.math.BigDecimal;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/** A migrated in-memory database and the values the tests share (the monitoring bundle's tests use it too). */
public final class Fixture {
    public static final MofDivCode REGION = MofDivCode.of("440100000");
    public static final Actor FINANCE = Actor.of("JIXIAO-UI", "li.finance", Role.FINANCE);
    public static final Actor HOST = Actor.of("PAY-MODULE", "zhang", Role.HOST_SYSTEM);
    public static final Actor UNIT = Actor.of("UNIT-PORTAL", "wang", Role.UNIT);

    private Fixture() {
    }

    /**
     * A small spool (256 KiB segments, 8 at most: about 11,000 decisions) in a fresh temporary directory removed
     * when the JVM exits; small so that tests which load a guard flat out do not spend their end writing a large
     * backlog to the database.
     */
    public static DecisionSpool spool() {
        return new DecisionSpool(temporaryDirectory(), 256 << 10, 8);
    }

    public static java.nio.file.Path temporaryDirectory() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("jixiao-spool");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void deleteTree(java.nio.file.Path dir) {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException e) {
            // already gone
        }
    }

    public static Repositories store() {
        return Repositories.over(sessions());
    }

    public static io.jixiao.store.internal.UnitAwareSessions sessions() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=Oracle;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Database.migrate(ds);
        return Database.sessions(ds, "");
    }

    public static PaymentApplication payment(int year, String no, String proCode, String bgtId, ExpenditureKind kind) {
        return new PaymentApplication(REGION, FiscalYear.of(year), PayAppNo.of(no), AgencyCode.of("101001"),
                proCode == null ? null : ProCode.of(proCode), BgtId.of(bgtId),
                Money.positive("PAY_APP_AMT", new BigDecimal("5000.00")), kind);
    }

    /** An approved project goal with two indicators (新建学校数, 家长满意度) for a project of agency 101001, 2026. */
    public static void approvedGoal(Repositories store, MofDivCode region, String project) {
        java.time.Instant now = java.time.Instant.now();
        io.jixiao.api.goal.ProjectFacts facts = new io.jixiao.api.goal.ProjectFacts(region, FiscalYear.of(2026),
                AgencyCode.of("101001"), ProCode.of(project), io.jixiao.api.goal.ProjectClass.DEVELOPMENT,
                io.jixiao.api.goal.ProjectLevel.FIRST, io.jixiao.api.goal.BudgetKind.GENERAL_PUBLIC,
                Money.positive("AMOUNT", new BigDecimal("1000.00")), true, true, null);
        io.jixiao.api.goal.Goal goal = new io.jixiao.api.goal.Goal(io.jixiao.api.goal.GoalSubject.PROJECT,
                "建成 3 所学校", "", java.util.List.of(
                        new io.jixiao.api.goal.Indicator(io.jixiao.api.goal.Level2.QUANTITY, "新建学校数",
                                io.jixiao.api.goal.ComputeSign.GE, "3", "所", new BigDecimal("45"), "", null),
                        new io.jixiao.api.goal.Indicator(io.jixiao.api.goal.Level2.SATISFACTION, "家长满意度",
                                io.jixiao.api.goal.ComputeSign.GE, "90", "%", new BigDecimal("45"), "", null)));
        io.jixiao.api.goal.GoalVersion v = new io.jixiao.api.goal.GoalVersion(store.goals().nextGoalId(), 1, null,
                io.jixiao.api.goal.GoalStatus.APPROVED, facts, goal, "test#1", null, FINANCE, now, now);
        store.goals().insert(v, new io.jixiao.store.AuditEntry(now, "GOAL_APPROVED", region, "GOAL", v.goalId() + "/1",
                FINANCE, "approved", ""));
    }
}
