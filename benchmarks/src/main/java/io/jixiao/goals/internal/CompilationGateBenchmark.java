package io.jixiao.goals.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.api.goal.BudgetDraft;
import io.jixiao.api.goal.BudgetKind;
import io.jixiao.api.hook.DraftDecision;
import io.jixiao.api.goal.Gate;
import io.jixiao.api.goal.ProjectClass;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.goal.ProjectLevel;
import io.jixiao.api.hook.CompilationGate;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.Repositories;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The compilation gate on a province-sized draft: N projects with approved goals of 10 indicators each (so
 * 10 × N indicator rows) in an H2 file database, one draft of N lines of which a tenth have no goal. Reports the
 * time of {@code check} and the peak heap it used; run it with {@code -Xmx256m} to prove the heap bound.
 *
 * <pre>java -Xmx256m -cp benchmarks/target/benchmarks.jar io.jixiao.goals.internal.CompilationGateBenchmark
 *     [projects=100000] [config dir=config]</pre>
 */
public final class CompilationGateBenchmark {
    private static final MofDivCode REGION = MofDivCode.of("440100000");
    private static final FiscalYear YEAR = FiscalYear.of(2026);
    private static final int WARMUP = 2;
    private static final int RUNS = 9;

    private CompilationGateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int projects = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path config = Path.of(args.length > 1 ? args[1] : "config");
        Path dir = Files.createTempDirectory("jixiao-gate-bench");
        // as the store component opens it: the shipped URL's options, a HikariCP pool without auto-commit
        HikariDataSource ds = io.jixiao.benchmarks.H2Store.open(dir);
        long t0 = System.nanoTime();
        load(ds, projects);
        System.out.printf("loaded %,d approved goals with %,d indicators in %.1f s%n", projects, projects * 10L,
                (System.nanoTime() - t0) / 1e9);

        Repositories store = Repositories.over(Database.sessions(ds, ""));
        int strict = strictControl(store, projects);
        System.out.printf("%,d projects under strict control (a case OVERDUE each), Guangzhou enforcing it%n", strict);
        RuleBook book = new RuleBook(ruleSets(config), r -> r.value().equals("440100000")
                ? Optional.of(MofDivCode.of("440000000")) : Optional.empty());
        DraftGate gate = new DraftGate(store.goals(), store.rectification(), () -> book, Clock.systemUTC());
        List<ProjectFacts> lines = new ArrayList<>(projects);
        Money amount = Money.positive("AMOUNT", new BigDecimal("2000000.00"));
        for (int i = 0; i < projects; i++) {
            // every tenth line names a project without a goal
            String code = i % 10 == 9 ? "NOGOAL-" + i : "P-" + i;
            lines.add(new ProjectFacts(REGION, YEAR, AgencyCode.of("A" + (i % 500)), ProCode.of(code),
                    ProjectClass.DEVELOPMENT, ProjectLevel.FIRST, BudgetKind.GENERAL_PUBLIC, amount, false, true,
                    null));
        }
        Actor host = Actor.of("BUDGET-COMPILATION", "bench", Role.HOST_SYSTEM);
        List<Long> times = new ArrayList<>();
        long peak = 0;
        for (int run = 1; run <= RUNS; run++) {
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            DraftDecision d = gate.check(new BudgetDraft(Gate.COMPILATION, REGION, YEAR, lines, "BENCH-" + run),
                    host);
            long ms = (System.nanoTime() - start) / 1_000_000;
            long heap = peakHeapMb();
            if (run > WARMUP) {
                times.add(ms);
                peak = Math.max(peak, heap);
            }
            System.out.printf("run %d%s: %,d lines, %,d blocked, %,d ms, peak heap %,d MB (max %,d MB)%n", run,
                    run <= WARMUP ? " (warm-up)" : "", d.lines().size(), d.blocked(), ms, heap,
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
        times.sort(null);
        System.out.printf("check of %,d lines: median %,d ms, best %,d ms, worst %,d ms over %d runs; "
                + "peak heap %,d MB%n", projects, times.get(times.size() / 2), times.get(0),
                times.get(times.size() - 1), times.size(), peak);
        // where the time goes: the two bulk reads alone
        List<ProCode> codes = lines.stream().map(ProjectFacts::proCode).toList();
        long start = System.nanoTime();
        int found = store.goals().inForce(REGION, YEAR, codes).size();
        long goalsMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        store.goals().latestAssessments(REGION, YEAR, codes);
        long assessmentsMs = (System.nanoTime() - start) / 1_000_000;
        java.util.Collection<io.jixiao.store.GoalRepository.GoalRef> refs = store.goals().inForce(REGION, YEAR,
                codes).values();
        start = System.nanoTime();
        store.goals().stagesPassed(REGION, YEAR, refs, io.jixiao.api.goal.ReviewStage.COMPILATION);
        long stagesMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        int strictCases = store.rectification().underStrictControl(REGION, null).size();
        long strictMs = (System.nanoTime() - start) / 1_000_000;
        List<AuditEntry> audits = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 9; i < projects; i += 10) {
            audits.add(new AuditEntry(now, "COMPILATION_LINE_BLOCKED", REGION, "PROJECT", "2026/NOGOAL-" + i, host,
                    "GOAL_REQUIRED", "draft=BENCH;mode=ENFORCE;rules=1;amount=2000000.00", AgencyCode.of("A1"),
                    ProCode.of("NOGOAL-" + i)));
        }
        start = System.nanoTime();
        store.goals().recordDecisions(audits);
        System.out.printf("of which: goals in force of %,d projects (%,d found) %,d ms, their assessments %,d ms, "
                + "their joint reviews %,d ms, the region's %,d cases under strict control %,d ms, %,d audit rows "
                + "%,d ms%n", codes.size(), found, goalsMs, assessmentsMs, stagesMs, strictCases, strictMs,
                audits.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Every hundredth project with a goal gets an OVERDUE rectification case: its line is blocked STRICT_CONTROL. */
    private static int strictControl(Repositories store, int projects) {
        List<io.jixiao.store.RectificationRepository.Opening> openings = new ArrayList<>();
        Instant at = Instant.parse("2026-02-01T00:00:00Z");
        Actor finance = Actor.of("BENCH", "bench", Role.FINANCE);
        for (int i = 0; i < projects; i += 100) {
            long id = store.rectification().nextCaseId();
            io.jixiao.api.rectification.RectificationCase c = new io.jixiao.api.rectification.RectificationCase(id,
                    io.jixiao.api.rectification.CaseOrigin.MANUAL, null, REGION, YEAR,
                    io.jixiao.api.rectification.CaseSubject.PROJECT, AgencyCode.of("A" + (i % 500)),
                    ProCode.of("P-" + i), null, null, Role.FINANCE,
                    List.of(new io.jixiao.api.rectification.Problem("执行率偏低", null)), null,
                    java.time.LocalDate.of(2026, 1, 31), io.jixiao.api.rectification.CaseStatus.OVERDUE, null, at, null,
                    null, "BENCH/bench", at, null, "bench#1");
            openings.add(new io.jixiao.store.RectificationRepository.Opening(c,
                    new io.jixiao.api.rectification.CaseStep(id, 1, "OPENED", c.status(), "BENCH/bench", at, null,
                            c.deadline()), new AuditEntry(at, "RECTIFICATION_OPENED", REGION, "RECTIFICATION_CASE",
                                    String.valueOf(id), finance, "bench", "")));
        }
        return store.rectification().open(openings).size();
    }

    /**
     * A store on an H2 file database holding {@code projects} approved goals (every tenth project has none), opened
     * as the store component opens it, and the compilation gate over it with the shipped presets.
     */
    public static CompilationGate gate(int projects, Path config) throws Exception {
        Path dir = Files.createTempDirectory("jixiao-gate-bench");
        HikariDataSource ds = io.jixiao.benchmarks.H2Store.open(dir);
        load(ds, projects);
        RuleBook book = new RuleBook(ruleSets(config), r -> r.value().equals("440100000")
                ? Optional.of(MofDivCode.of("440000000")) : Optional.empty());
        Repositories over = Repositories.over(Database.sessions(ds, ""));
        return new DraftGate(over.goals(), over.rectification(), () -> book, Clock.systemUTC());
    }

    private static void load(DataSource ds, int projects) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement goal = c.prepareStatement("INSERT INTO JX_GOAL (GOAL_ID, VERSION, STATUS, "
                    + "MOF_DIV_CODE, FISCAL_YEAR, AGENCY_CODE, PRO_CODE, SUBJECT, PROJECT_CLASS, PROJECT_LEVEL, "
                    + "BUDGET_KIND, AMOUNT, NEW_PROJECT, RECURRING, KPI_TARGET, RULE_VERSION, CREATED_CALLER, "
                    + "CREATED_OPERATOR, CREATED_ROLES, CREATED_AT, STATUS_AT) VALUES (?, 1, 'APPROVED', "
                    + "'440100000', 2026, ?, ?, 'PROJECT', 'DEVELOPMENT', 'FIRST', 'GENERAL_PUBLIC', 2000000.00, "
                    + "FALSE, TRUE, '年度目标', 'bench', 'BENCH', 'bench', 'UNIT', ?, ?)");
                    PreparedStatement indicator = c.prepareStatement("INSERT INTO JX_GOAL_INDICATOR (GOAL_ID, "
                            + "VERSION, SEQ, KPI_LV2, KPI_CONTENT, COMPUTESIGN, KPI_VAL, METERUNIT, WEIGHT) "
                            + "VALUES (?, 1, ?, 'QUANTITY', '指标', 1, '100', '个', 9.00)");
                    // Guangzhou's library and joint compilation reviews; every twentieth cut to 1,800,000
                    PreparedStatement stage = c.prepareStatement("INSERT INTO JX_GOAL_STAGE_REVIEW (GOAL_ID, "
                            + "VERSION, STAGE, MOF_DIV_CODE, FISCAL_YEAR, PRO_CODE, AMOUNT, OPINION, REVIEWED_CALLER, "
                            + "REVIEWED_OPERATOR, REVIEWED_ROLES, REVIEWED_AT) VALUES (?, 1, ?, '440100000', 2026, ?, "
                            + "?, NULL, 'BENCH', 'bench', 'FINANCE', ?)")) {
                for (int i = 0; i < projects; i++) {
                    if (i % 10 == 9) {
                        continue; // no goal for every tenth project
                    }
                    goal.setLong(1, i + 1L);
                    goal.setString(2, "A" + (i % 500));
                    goal.setString(3, "P-" + i);
                    goal.setTimestamp(4, now);
                    goal.setTimestamp(5, now);
                    goal.addBatch();
                    for (int k = 1; k <= 10; k++) {
                        indicator.setLong(1, i + 1L);
                        indicator.setInt(2, k);
                        indicator.addBatch();
                    }
                    for (String name : new String[] {"ADMISSION", "COMPILATION"}) {
                        stage.setLong(1, i + 1L);
                        stage.setString(2, name);
                        stage.setString(3, "P-" + i);
                        stage.setBigDecimal(4, name.equals("ADMISSION") ? null
                                : new BigDecimal(i % 20 == 4 ? "1800000.00" : "2000000.00"));
                        stage.setTimestamp(5, now);
                        stage.addBatch();
                    }
                    if (i % 1000 == 999) {
                        goal.executeBatch();
                        indicator.executeBatch();
                        stage.executeBatch();
                        c.commit();
                    }
                }
                goal.executeBatch();
                indicator.executeBatch();
                stage.executeBatch();
                c.commit();
            }
        }
    }

    private static List<RuleSet> ruleSets(Path config) throws Exception {
        List<RuleSet> sets = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(config, "io.jixiao.goals.rules-*.cfg")) {
            for (Path file : files) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                Map<String, Object> values = new HashMap<>();
                p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
                sets.add(RuleSets.from(values));
            }
        }
        return sets;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
