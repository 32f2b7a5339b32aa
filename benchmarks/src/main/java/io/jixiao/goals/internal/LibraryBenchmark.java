package io.jixiao.goals.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.api.library.FileFormat;
import io.jixiao.api.library.ImportJob;
import io.jixiao.api.library.LibraryQuery;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Role;
import io.jixiao.benchmarks.Measured;
import io.jixiao.sheets.SheetFormat;
import io.jixiao.sheets.SheetLimits;
import io.jixiao.sheets.SheetWriter;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.Repositories;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Imports and exports of the indicator library at growing sizes: a generated file of N rows (.xlsx or CSV, in the
 * import layout) imported into an empty library on an H2 file database, imported again (every row unchanged),
 * searched, and exported. Time and the heap pools' peak per step; run under a small heap to see it stay flat.
 *
 * <pre>java -Xmx256m -cp benchmarks/target/benchmarks.jar io.jixiao.goals.internal.LibraryBenchmark 50000,100000,200000</pre>
 */
public final class LibraryBenchmark {
    private static final MofDivCode REGION = MofDivCode.of("440100000");
    private static final Actor FINANCE = Actor.of("BENCH", "bench", Role.FINANCE);
    private static final String[] LEVEL2 = {"数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标",
        "生态效益指标", "可持续影响指标", "服务对象满意度指标"};

    private LibraryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String sizes = args.length > 0 ? args[0] : "50000,100000,200000";
        for (String size : sizes.split(",")) {
            int rows = Integer.parseInt(size.strip());
            for (SheetFormat format : SheetFormat.values()) {
                run(rows, format);
            }
        }
    }

    private static void run(int rows, SheetFormat format) throws Exception {
        Path dir = Files.createTempDirectory("jixiao-library-bench");
        Path file = dir.resolve("library" + format.extension());
        try (OutputStream out = Files.newOutputStream(file); SheetWriter w = SheetWriter.of(format, out, "指标库")) {
            w.row(LibraryLayout.header());
            for (int i = 0; i < rows; i++) {
                boolean industry = i % 3 == 0;
                w.row("GX-" + String.format("%07d", i), industry ? "行业核心指标" : "共性指标",
                        industry ? String.format("%06d", 100000 + i % 500) : "", "", LEVEL2[i % LEVEL2.length],
                        "指标" + i + (i % 7 == 0 ? "培训人次" : "完成率"), i % 5 == 0 ? "205" : "",
                        (long) (1 + i % 6), "个", i % 6 == 5 ? "达到预期" : Integer.toString(i % 1000),
                        "完成得满分,未完成按比例扣分", LocalDate.of(2026, 1, 1), null, "在用");
            }
        }
        try (HikariDataSource ds = io.jixiao.benchmarks.H2Store.open(dir)) {
            var sessions = Database.sessions(ds, "");
            LibraryService library = new LibraryService(Repositories.over(sessions).library(),
                    Runnable::run, Clock.systemUTC(), SheetLimits.DEFAULT, java.time.Duration.ofSeconds(30));

            Measured first = step(() -> library.importJob(library.startImport(REGION, "first", copy(file),
                    StandardCharsets.UTF_8,
                    FINANCE).jobId(), FINANCE).orElseThrow());
            Measured again = step(() -> library.importJob(library.startImport(REGION, "again", copy(file),
                    StandardCharsets.UTF_8,
                    FINANCE).jobId(), FINANCE).orElseThrow());
            Measured search = step(() -> library.search(new LibraryQuery(REGION, null, null, null, null, null, "培训",
                    null,
                    null, 100), FINANCE));
            Path exported = dir.resolve("export" + format.extension());
            Measured export = step(() -> {
                try (OutputStream out = Files.newOutputStream(exported)) {
                    library.export(LibraryQuery.all(REGION, 1), format == SheetFormat.XLSX ? FileFormat.XLSX
                            : FileFormat.CSV, out, FINANCE);
                }
                return null;
            });
            ImportJob j1 = (ImportJob) first.result();
            ImportJob j2 = (ImportJob) again.result();
            System.out.printf("%s %,d rows (%,d KB): import %,d ms, peak %,d MB, live %,d MB (%s, %,d inserted); "
                    + "again %,d ms, peak %,d MB, live %,d MB (%,d unchanged); keyword search %,d ms; export %,d ms, "
                    + "peak %,d MB, live %,d MB (%,d KB)%n", format, rows, Files.size(file) / 1024, first.ms(),
                    first.peakMb(), first.liveMb(), j1.status(), j1.inserted(), again.ms(), again.peakMb(),
                            again.liveMb(),
                    j2.unchanged(), search.ms(), export.ms(), export.peakMb(), export.liveMb(),
                            Files.size(exported) / 1024);
        }
    }

    private static Path copy(Path file) throws Exception {
        Path upload = Files.createTempFile(file.getParent(), "upload", ".tmp");
        return Files.copy(file, upload, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static Measured step(Measured.Work work) throws Exception {
        return Measured.run(work);
    }
}
