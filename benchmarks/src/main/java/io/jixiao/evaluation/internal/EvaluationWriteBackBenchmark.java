package io.jixiao.evaluation.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.api.evaluation.ApplicationRun;
import io.jixiao.api.evaluation.EvaluationKind;
import io.jixiao.api.evaluation.EvaluationTask;
import io.jixiao.api.evaluation.IndicatorActual;
import io.jixiao.api.evaluation.ScoringRules;
import io.jixiao.api.evaluation.TaskStatus;
import io.jixiao.api.goal.ComputeSign;
import io.jixiao.api.goal.Indicator;
import io.jixiao.api.goal.Level2;
import io.jixiao.api.goal.RuleSetView;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import io.jixiao.api.port.AllocationChange;
import io.jixiao.api.port.AllocationPort;
import io.jixiao.api.port.RequestedAmount;
import io.jixiao.benchmarks.H2Store;
import io.jixiao.rules.RuleReader;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.MyBatisEvaluation;
import io.jixiao.store.internal.MyBatisRectification;
import io.jixiao.store.internal.Repositories;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluation at province scale on an H2 file database opened as the store opens it: N self-evaluations scored
 * (eight indicators each, the national rules), N tasks opened in batches, and their results written back into the
 * target year through the host-client bundle over REST to a stand-in of the host's compilation module on loopback
 * (as in production: HTTP, JSON, Basic credentials) — in pages of 500 (one read, one batch of adjustments with their
 * audit rows, one write-back call, one update per page) against row by row (the same code with pages of one) in the
 * same run, on M evaluations. The stand-in applies each change id once, like a real one.
 *
 * <pre>java -Xmx512m [-Dbench.database=postgresql] -cp benchmarks/target/benchmarks.jar io.jixiao.evaluation.internal.EvaluationWriteBackBenchmark 100000 5000 [open-only]</pre>
 * (PostgreSQL: a fresh schema at {@code JIXIAO_BENCH_PG_URL}, see {@link io.jixiao.benchmarks.PgStore})
 */
public final class EvaluationWriteBackBenchmark {
    private static final FiscalYear YEAR = FiscalYear.of(2026);
    private static final Actor FINANCE = Actor.of("BENCH", "bench", Role.FINANCE);
    private static final Map<String, String> POLICY = Map.of("result.action.EXCELLENT", "PRIORITY",
            "result.action.GOOD", "KEEP", "result.action.FAIR", "CUT:10", "result.action.POOR", "CANCEL");

    private EvaluationWriteBackBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        Path dir = Files.createTempDirectory("jixiao-eval-bench");
        boolean postgres = "postgresql".equals(System.getProperty("bench.database"));
        try (HikariDataSource ds = postgres ? io.jixiao.benchmarks.PgStore.open() : H2Store.open(dir)) {
            System.out.println("database: " + (postgres ? "PostgreSQL, a fresh schema" : "H2 file " + dir));
            var sessions = Database.sessions(ds, "");
            MyBatisEvaluation repository = Repositories.over(sessions).evaluation();
            MyBatisRectification cases = Repositories.over(sessions).rectification();

            long scored = scoring(n);
            System.out.printf("scoring %,d self-evaluations (8 indicators, national rules): %,d ms (%,.0f/s)%n", n,
                    scored, n * 1000.0 / scored);

            MofDivCode batchRegion = MofDivCode.of("440100000");
            long opened = open(repository, batchRegion, n, 1_000);
            System.out.printf("opening %,d tasks in batches of 1,000: %,d ms (%,.0f/s)%n", n, opened,
                    n * 1000.0 / opened);
            MofDivCode rowRegion = MofDivCode.of("440200000");
            long openedRows = open(repository, rowRegion, m, 1);
            System.out.printf("opening %,d tasks one by one: %,d ms (%,.0f/s)%n", m, openedRows,
                    m * 1000.0 / openedRows);
            if (args.length > 2 && args[2].equals("open-only")) {
                System.out.printf("batch / row by row: %.1f x (opening)%n",
                        (n * 1000.0 / opened) / (m * 1000.0 / openedRows));
                return;
            }
            submitted(ds, postgres);

            Host host = new Host();
            com.sun.net.httpserver.HttpServer server = host.serve();
            AllocationPort port = io.jixiao.hostclient.internal.HostPorts.create("REST", "http://127.0.0.1:"
                    + server.getAddress().getPort() + "/host", false, java.time.Duration.ofSeconds(2),
                    java.time.Duration.ofSeconds(30), 3, java.time.Duration.ofMillis(50), "jixiao", "bench",
                    64L << 20).allocation();
            long batch = apply(repository, cases, port, batchRegion, ResultApplication.PAGE, n);
            System.out.printf("write-back of %,d results in pages of %d: %,d ms (%,.0f/s), %,d host calls%n", n,
                    ResultApplication.PAGE, batch, n * 1000.0 / batch, host.calls);
            host.calls = 0;
            long rows = apply(repository, cases, port, rowRegion, 1, m);
            System.out.printf("write-back of %,d results row by row: %,d ms (%,.0f/s), %,d host calls%n", m, rows,
                    m * 1000.0 / rows, host.calls);
            System.out.printf("batch / row by row: %.1f x (write-back), %.1f x (opening)%n",
                    (n * 1000.0 / batch) / (m * 1000.0 / rows), (n * 1000.0 / opened) / (m * 1000.0 / openedRows));
            if (host.applied.size() != n + m) {
                throw new IllegalStateException("the host applied " + host.applied.size() + " changes, not " + (n + m));
            }
            server.stop(0);
        }
    }

    private static long scoring(int n) {
        ScoringRules rules = RuleReader.scoring("national/2019#3", Map.of());
        Level2[] levels = {Level2.QUANTITY, Level2.COST, Level2.SOCIAL, Level2.SATISFACTION, Level2.QUALITY,
            Level2.TIMELINESS, Level2.ECONOMIC, Level2.ECOLOGICAL};
        List<Indicator> indicators = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            indicators.add(new Indicator(levels[i], "指标" + i, i % 4 == 3 ? ComputeSign.LE : ComputeSign.GE, "100",
                    "人", new BigDecimal("11.25"), "", null));
        }
        BigDecimal budget = new BigDecimal("1000000.00");
        long start = System.nanoTime();
        BigDecimal sum = BigDecimal.ZERO;
        for (int p = 0; p < n; p++) {
            List<IndicatorActual> entries = new ArrayList<>(8);
            for (int i = 0; i < 8; i++) {
                entries.add(IndicatorActual.measured(indicators.get(i), BigDecimal.valueOf(60 + (p + i) % 60), ""));
            }
            sum = sum.add(Scorer.score(rules, entries, budget, BigDecimal.valueOf(500_000 + p % 500_000, 0)
                    .setScale(2)).total());
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (sum.signum() < 0) {
            throw new IllegalStateException();
        }
        return Math.max(1, ms);
    }

    private static long open(MyBatisEvaluation repository, MofDivCode region, int count, int batch) {
        Instant now = Instant.now();
        long start = System.nanoTime();
        List<EvaluationTask> page = new ArrayList<>(batch);
        for (int p = 0; p < count; p++) {
            page.add(new EvaluationTask(0, region, YEAR, AgencyCode.of("1" + String.format("%05d", p % 500)),
                    ProCode.of("P" + String.format("%07d", p)), EvaluationKind.SELF, 1, 1,
                    new Money(new BigDecimal("1000000.00")), new Money(new BigDecimal("800000.00")), TaskStatus.OPEN,
                    now, null, null, null, null, null, null, null, null, null));
            if (page.size() == batch || p == count - 1) {
                repository.openTasks(page, t -> new AuditEntry(now, "EVALUATION_OPENED", region, "EVALUATION_TASK",
                        String.valueOf(t.taskId()), FINANCE, "bench", "", t.agencyCode(), t.proCode()));
                page = new ArrayList<>(batch);
            }
        }
        return Math.max(1, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Setup, not measured: every task scored, the grades spread over 优/良/中/差; on PostgreSQL the tables are then
     * analysed, as autovacuum does within a minute of such a load (without statistics the planner takes a table of
     * 100,000 rows for an empty one and scans it per page).
     */
    private static void submitted(HikariDataSource ds, boolean postgres) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE JX_EVAL_TASK SET "
                + "STATUS = 'SUBMITTED', SUBMITTED_BY = 'bench', SUBMITTED_AT = CURRENT_TIMESTAMP, TOTAL = 75, "
                + "EXACT_TOTAL = 75, RULE_VERSION = 'national/2019#3', GRADE = CASE MOD(TASK_ID, 4) WHEN 0 THEN "
                + "'EXCELLENT' WHEN 1 THEN 'GOOD' WHEN 2 THEN 'FAIR' ELSE 'POOR' END")) {
            s.executeUpdate();
            c.commit();
        }
        if (postgres) {
            try (Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement()) {
                s.execute("ANALYZE JX_EVAL_TASK");
                s.execute("ANALYZE JX_EVAL_ADJUSTMENT");
                c.commit();
            }
        }
    }

    private static long apply(MyBatisEvaluation repository, MyBatisRectification cases, AllocationPort port,
            MofDivCode region, int page, int expected) {
        ResultApplication application = new ResultApplication(repository, cases, (r, y) -> new RuleSetView(
                "bench#1", r.value(), 1, POLICY, Map.of()), () -> port, Clock.systemUTC(), page);
        long start = System.nanoTime();
        ApplicationRun run = application.apply(region, YEAR, FINANCE);
        long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        if (run.applied() != expected) {
            throw new IllegalStateException("applied " + run.applied() + " of " + expected);
        }
        return ms;
    }

    /** The host's compilation module: every project requested 500,000.00; changes applied once by id. */
    static final class Host implements AllocationPort {
        private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
                new com.fasterxml.jackson.databind.ObjectMapper();
        final Map<String, BigDecimal> applied = new java.util.concurrent.ConcurrentHashMap<>();
        volatile long calls;

        /** Serves {@code /host/allocations/*} over HTTP on loopback,
                answering as {@link #requested} and {@link #apply}. */
        com.sun.net.httpserver.HttpServer serve() throws java.io.IOException {
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "bench-host");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/host/allocations/", x -> {
                var root = JSON.readTree(x.getRequestBody());
                MofDivCode region = MofDivCode.of(root.get("MOF_DIV_CODE").asText());
                FiscalYear year = FiscalYear.of(root.get("FISCAL_YEAR").asInt());
                var answer = JSON.createObjectNode();
                if (x.getRequestURI().getPath().endsWith("requested-amounts")) {
                    List<ProCode> codes = new ArrayList<>();
                    root.get("PRO_CODES").forEach(c -> codes.add(ProCode.of(c.asText())));
                    var projects = answer.putArray("PROJECTS");
                    requested(region, year, codes).values().forEach(r -> projects.addObject()
                            .put("PRO_CODE", r.proCode().value()).put("AGENCY_CODE", r.agencyCode().value())
                            .put("DEPT_CODE", r.deptCode()).put("REQUESTED_AMT", r.requested()));
                } else {
                    List<AllocationChange> changes = new ArrayList<>();
                    root.get("CHANGES").forEach(c -> changes.add(new AllocationChange(c.get("CHANGE_ID").asText(),
                            ProCode.of(c.get("PRO_CODE").asText()), c.get("ACTION").asText(),
                            c.get("CUT_PERCENT").decimalValue(), c.get("CHANGE_AMT").decimalValue(),
                            c.get("REASON").asText())));
                    var results = answer.putArray("RESULTS");
                    apply(region, year, changes).forEach((id, outcome) -> results.addObject().put("CHANGE_ID", id)
                            .put("OUTCOME", outcome.name()));
                }
                byte[] body = JSON.writeValueAsBytes(answer);
                x.getResponseHeaders().add("Content-Type", "application/json");
                x.sendResponseHeaders(200, body.length);
                x.getResponseBody().write(body);
                x.close();
            });
            server.start();
            return server;
        }

        @Override
        public Map<ProCode, RequestedAmount> requested(MofDivCode region, FiscalYear year, Collection<ProCode> codes) {
            calls++;
            Map<ProCode, RequestedAmount> out = new HashMap<>();
            for (ProCode c : codes) {
                out.put(c, new RequestedAmount(c, AgencyCode.of("100001"), "100", new BigDecimal("500000.00")));
            }
            return out;
        }

        @Override
        public Map<String, Outcome> apply(MofDivCode region, FiscalYear year, List<AllocationChange> changes) {
            calls++;
            Map<String, Outcome> out = new HashMap<>();
            for (AllocationChange c : changes) {
                out.put(c.changeId(), applied.putIfAbsent(c.changeId(), c.change()) == null ? Outcome.APPLIED
                        : Outcome.DUPLICATE);
            }
            return out;
        }
    }
}
