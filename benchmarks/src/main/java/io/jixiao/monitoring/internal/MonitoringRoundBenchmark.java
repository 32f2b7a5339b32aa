package io.jixiao.monitoring.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.api.goal.ProjectClass;
import io.jixiao.api.goal.RuleSetView;
import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.BgtId;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import io.jixiao.api.monitoring.AlertLevel;
import io.jixiao.api.monitoring.Round;
import io.jixiao.api.monitoring.RoundRequest;
import io.jixiao.api.port.LedgerLine;
import io.jixiao.api.port.LedgerPage;
import io.jixiao.api.port.LedgerPort;
import io.jixiao.api.port.MasterDataPort;
import io.jixiao.api.port.ProjectRecord;
import io.jixiao.benchmarks.Measured;
import io.jixiao.guard.internal.HoldIndex;
import io.jixiao.guard.internal.HoldRegistry;
import io.jixiao.rectification.internal.Rectifications;
import io.jixiao.rules.RulesInForce;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.Repositories;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A monitoring round over N projects on an H2 file database, the host's ledger mocked in process (two project lines
 * per project, generated page by page so that the mock holds nothing; every 50th project also has a basic line;
 * every 50th project is RED and held, the others spread over GREEN, BLUE and YELLOW). Time from start to COMPLETED,
 * and the heap's peak and live set; run under a small heap to see it stay flat as N doubles.
 *
 * <pre>java -Xmx256m -cp benchmarks/target/benchmarks.jar io.jixiao.monitoring.internal.MonitoringRoundBenchmark 50000,100000,200000</pre>
 */
public final class MonitoringRoundBenchmark {
    private static final MofDivCode REGION = MofDivCode.of("440100000");
    private static final FiscalYear YEAR = FiscalYear.of(2026);
    private static final Actor FINANCE = Actor.of("BENCH", "bench", Role.FINANCE);
    /** Paid per 1,000 budgeted, by project: 700 green, 500 blue, 400 yellow, 50 red (cut-off 31 July: 58.08 %). */
    private static final int[] PAID = {700, 500, 400, 700, 500};

    private MonitoringRoundBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String sizes = args.length > 0 ? args[0] : "50000,100000,200000";
        int pageSize = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        for (String size : sizes.split(",")) {
            run(Integer.parseInt(size.strip()), pageSize);
        }
    }

    /** The ledger of {@code projects} projects, generated from the position alone. */
    static final class GeneratedLedger implements LedgerPort, MasterDataPort {
        private final int projects;

        GeneratedLedger(int projects) {
            this.projects = projects;
        }

        int linesOf(int p) {
            return p % 50 == 7 ? 3 : 2;
        }

        @Override
        public LedgerPage lines(MofDivCode mofDivCode, FiscalYear fiscalYear, LocalDate asOf, String after,
                int limit) {
            // the token is "project:line" of the next line
            int p = 0;
            int l = 0;
            if (after != null) {
                String[] at = after.split(":");
                p = Integer.parseInt(at[0]);
                l = Integer.parseInt(at[1]);
            }
            List<LedgerLine> page = new ArrayList<>(limit);
            while (page.size() < limit && p < projects) {
                String code = String.format("P%07d", p);
                boolean basic = l == 2;
                int paid = p % 50 == 0 ? 50 : PAID[p % PAID.length];
                page.add(new LedgerLine(ProCode.of(code), BgtId.of(code + "-" + l), AgencyCode.of(
                        String.format("A%04d", p % 2000)), basic ? ExpenditureKind.BASIC : ExpenditureKind.PROJECT,
                        basic ? new BigDecimal("90000.00") : new BigDecimal("500000.00"),
                        basic ? BigDecimal.ZERO : BigDecimal.valueOf(paid * 500L)));
                if (++l == linesOf(p)) {
                    p++;
                    l = 0;
                }
            }
            return new LedgerPage(page, p < projects ? p + ":" + l : null, totalLines());
        }

        long totalLines() {
            return 2L * projects + (projects + 42) / 50;
        }

        @Override
        public Map<ProCode, ProjectRecord> projects(MofDivCode mofDivCode, FiscalYear fiscalYear,
                java.util.Collection<ProCode> proCodes) {
            Map<ProCode, ProjectRecord> found = new HashMap<>();
            for (ProCode c : proCodes) {
                int p = Integer.parseInt(c.value().substring(1));
                found.put(c, new ProjectRecord(c, "项目" + p, AgencyCode.of(String.format("A%04d", p % 2000)),
                        String.format("D%03d", p % 100), ProjectClass.DEVELOPMENT, false, null, null));
            }
            return found;
        }
    }

    private static void run(int projects, int pageSize) throws Exception {
        Path dir = Files.createTempDirectory("jixiao-monitoring-bench");
        Map<String, String> rules = Map.of("monitoring.gap.BLUE", "5", "monitoring.gap.YELLOW", "10",
                "monitoring.gap.RED", "20", "monitoring.consequence.YELLOW", "RECTIFY",
                "monitoring.consequence.RED", "RECTIFY,HOLD", "monitoring.departments", "true");
        try (HikariDataSource ds = io.jixiao.benchmarks.H2Store.open(dir)) {
            var sessions = Database.sessions(ds, "");
            Repositories store = Repositories.over(sessions);
            HoldRegistry holds = new HoldRegistry(store.holds(), new HoldIndex(), Clock.systemUTC());
            GeneratedLedger ledger = new GeneratedLedger(projects);
            RulesInForce inForce = new RulesInForce((region, year) -> new RuleSetView("bench#1", "bench", 1, rules,
                    Map.of()));
            try (Monitoring rounds = new Monitoring(Repositories.over(sessions).monitoring(), store.goals(), holds,
                    inForce, store.rectification(), new Rectifications(store.rectification(), store.monitoring(),
                            store.audit(), holds, inForce::rectification, Clock.systemUTC()), () -> ledger,
                    () -> ledger,
                    Clock.systemUTC(), "bench", pageSize, Duration.ofMinutes(5))) {
                Measured m = Measured.run(() -> {
                    Round started = rounds.start(new RoundRequest(REGION, YEAR, LocalDate.of(2026, 7, 31),
                            null), FINANCE);
                    while (true) {
                        Round now = rounds.round(started.id(), FINANCE).orElseThrow();
                        if (now.status().finished()) {
                            return now;
                        }
                        Thread.sleep(20);
                    }
                });
                Round done = (Round) m.result();
                System.out.printf("%,d projects (%,d ledger lines, pages of %,d): %s in %,d ms, peak %,d MB, "
                        + "live %,d MB; green %,d, blue %,d, yellow %,d, red %,d (departments included), "
                        + "%,d holds placed%n", projects, ledger.totalLines(), pageSize, done.status(), m.ms(),
                        m.peakMb(), m.liveMb(), done.counts().get(AlertLevel.GREEN),
                        done.counts().get(AlertLevel.BLUE), done.counts().get(AlertLevel.YELLOW),
                        done.counts().get(AlertLevel.RED), done.holds());
            }
        }
    }
}
