package io.jixiao.rectification.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import io.jixiao.api.rectification.CaseOrigin;
import io.jixiao.api.rectification.CaseStatus;
import io.jixiao.api.rectification.CaseStep;
import io.jixiao.api.rectification.CaseSubject;
import io.jixiao.api.rectification.Problem;
import io.jixiao.api.rectification.RectificationCase;
import io.jixiao.benchmarks.H2Store;
import io.jixiao.benchmarks.Measured;
import io.jixiao.guard.internal.HoldIndex;
import io.jixiao.guard.internal.HoldRegistry;
import io.jixiao.rules.RuleReader;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.RectificationRepository;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.Repositories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The overdue pass over N open cases of one region whose deadline has passed, on an H2 file database opened as the
 * store opens it, through the real service, repository and hold registry: time and heap for the pass that marks
 * every case OVERDUE with its history row and audit row (pages of 500 per transaction), first without holds
 * (strict control WARN), then — for a tenth of the cases — with a SUSPEND hold placed for each (ENFORCE).
 */
public final class OverduePassBenchmark {
    private static final MofDivCode REGION = MofDivCode.of("440100000");
    private static final MofDivCode HELD_REGION = MofDivCode.of("140400000");
    private static final Actor FINANCE = Actor.of("BENCH", "bench", Role.FINANCE);
    private static final Instant OPENED = Instant.parse("2026-09-01T02:00:00Z");

    private OverduePassBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("jixiao-overdue-bench");
        try (HikariDataSource ds = H2Store.open(dir)) {
            Repositories store = Repositories.over(Database.sessions(ds, ""));
            long opening = System.nanoTime();
            open(store.rectification(), REGION, n);
            open(store.rectification(), HELD_REGION, n / 10);
            System.out.printf("opening %,d + %,d cases in batches of 1,000: %,d ms%n", n, n / 10,
                    (System.nanoTime() - opening) / 1_000_000);
            Clock after = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);
            HoldIndex index = new HoldIndex();
            HoldRegistry holds = new HoldRegistry(store.holds(), index, after);
            Rectifications service = new Rectifications(store.rectification(), store.monitoring(), store.audit(), holds,
                    (region, year) -> RuleReader.rectification("bench#1", region.equals(HELD_REGION)
                            ? Map.of("rectification.strictControl.mode", "ENFORCE",
                                    "rectification.strictControl.hold", "SUSPEND")
                            : Map.of("rectification.strictControl.mode", "WARN")), after);
            Measured m = Measured.run(() -> service.markOverdue(REGION, FINANCE));
            System.out.printf("overdue pass over %,d cases (WARN, no holds): %,d marked in %,d ms (%,.0f/s), "
                    + "peak %,d MB, live %,d MB%n", n, (Integer) m.result(), m.ms(), n * 1000.0 / m.ms(),
                    m.peakMb(), m.liveMb());
            Measured held = Measured.run(() -> service.markOverdue(HELD_REGION, FINANCE));
            System.out.printf("overdue pass over %,d cases (ENFORCE, a SUSPEND hold each): %,d marked in %,d ms, "
                    + "%,d projects held, peak %,d MB, live %,d MB%n", n / 10, (Integer) held.result(), held.ms(),
                    index.targets(), held.peakMb(), held.liveMb());
            Measured again = Measured.run(() -> service.markOverdue(REGION, FINANCE));
            System.out.printf("a second pass (nothing left to mark): %,d in %,d ms%n", (Integer) again.result(),
                    again.ms());
        }
    }

    private static void open(RectificationRepository cases, MofDivCode region, int n) {
        List<RectificationRepository.Opening> batch = new ArrayList<>(1000);
        java.util.Iterator<Long> ids = List.<Long>of().iterator();
        for (int i = 0; i < n; i++) {
            if (!ids.hasNext()) {
                ids = cases.nextCaseIds(1000).iterator();
            }
            long id = ids.next();
            RectificationCase c = new RectificationCase(id, CaseOrigin.ALERT, region.value() + "-" + i, region,
                    FiscalYear.of(2026), CaseSubject.PROJECT, AgencyCode.of("1" + (i % 500)),
                    ProCode.of("P-" + region.value() + "-" + i), null, null, Role.FINANCE,
                    List.of(new Problem("预算执行进度滞后：截至监控时点执行率 5.00%，时间进度 58.08%（RED）", null)), null,
                    LocalDate.of(2026, 10, 1), i % 3 == 0 ? CaseStatus.ISSUED : CaseStatus.OPEN, null, null, null, null,
                    "BENCH/bench", OPENED, null, "bench#1");
            batch.add(new RectificationRepository.Opening(c, new CaseStep(id, 1, "OPENED", c.status(),
                    "BENCH/bench", OPENED, null, c.deadline()), new AuditEntry(OPENED, "RECTIFICATION_OPENED", region,
                            "RECTIFICATION_CASE", String.valueOf(id), FINANCE, "bench", "", c.agencyCode(),
                            c.proCode())));
            if (batch.size() == 1000) {
                cases.open(batch);
                batch.clear();
            }
        }
        cases.open(batch);
    }
}
