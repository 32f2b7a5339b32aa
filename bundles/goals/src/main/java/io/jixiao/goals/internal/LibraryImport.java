package io.jixiao.goals.internal;

import io.jixiao.api.library.EntryStatus;
import io.jixiao.api.library.FileFormat;
import io.jixiao.api.library.ImportJob;
import io.jixiao.api.library.ImportProblem;
import io.jixiao.api.library.ImportStatus;
import io.jixiao.api.library.IndicatorLibraryService;
import io.jixiao.api.library.LibraryEntry;
import io.jixiao.api.library.LibraryIndicator;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.sheets.SheetFormat;
import io.jixiao.sheets.SheetLimits;
import io.jixiao.sheets.SheetReader;
import io.jixiao.sheets.SheetRejectedException;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.LibraryRepository;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import of a spreadsheet into a region's library, in two passes over the uploaded file: the first reads every
 * row and checks it (a file refused as a whole writes nothing; bad rows are noted), the second writes the good rows
 * in batches — new entries inserted, changed ones given a new revision, identical ones left alone, so that
 * importing the same file again changes nothing. Progress is written to the import's record as it goes.
 */
final class LibraryImport implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(LibraryImport.class);
    /** Rows per written batch (and per progress update). */
    static final int BATCH = 1_000;

    private final LibraryRepository library;
    private final Path file;
    private final Charset csvCharset;
    private final SheetLimits limits;
    private final Clock clock;
    private ImportJob job;

    LibraryImport(LibraryRepository library, ImportJob job, Path file, Charset csvCharset, SheetLimits limits,
            Clock clock) {
        this.library = library;
        this.job = job;
        this.file = file;
        this.csvCharset = csvCharset;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            Checked checked = check();
            if (checked == null) {
                return;
            }
            write(checked);
        } catch (Abandoned e) {
            LOG.warn("Import {} was marked FAILED while it ran here (its heartbeat was late a whole lease, the "
                    + "database out of reach): stopped; rows written stay", job.jobId());
        } catch (RuntimeException | Error e) {
            LOG.error("Import {} failed", job.jobId(), e);
            job = with(job, ImportStatus.FAILED, "the import failed: " + e + "; rows written stay, import the file "
                    + "again to write the rest", now());
            try {
                record(endAudit(job, "LIBRARY_IMPORT_FAILED"));
            } catch (Abandoned ended) {
                LOG.warn("Import {} had been marked FAILED meanwhile", job.jobId());
            } catch (RuntimeException again) {
                LOG.error("Recording the failure of import {} failed", job.jobId(), again);
            }
        } finally {
            LibraryService.deleteQuietly(file);
        }
    }

    /** What the first pass found: the layout, the rows to skip, the problems and the format. */
    private record Checked(LibraryLayout layout, BitSet bad, List<ImportProblem> problems, FileFormat format) {
    }

    private Checked check() {
        LibraryLayout[] layout = {null};
        BitSet bad = new BitSet();
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        long[] counts = new long[2]; // rows read, rejected
        SheetFormat format;
        try {
            format = SheetReader.read(file, csvCharset, limits, row -> {
                if (layout[0] == null) {
                    layout[0] = LibraryLayout.of(row);
                    return;
                }
                counts[0]++;
                LibraryLayout.Parsed parsed = layout[0].parse(job.mofDivCode(), row);
                List<String[]> rowProblems = new ArrayList<>(parsed.problems());
                if (parsed.indicator() != null) {
                    Integer first = codes.putIfAbsent(parsed.indicator().code(), row.number());
                    if (first != null) {
                        rowProblems.add(new String[] {"指标编码", "code " + parsed.indicator().code()
                                + " is given twice in this file, first at row " + first});
                    } else {
                        try {
                            LibraryService.keeper(parsed.indicator(), job.startedBy());
                        } catch (ForbiddenException e) {
                            rowProblems.add(new String[] {"指标类型", e.getMessage()});
                        }
                    }
                }
                if (!rowProblems.isEmpty()) {
                    counts[1]++;
                    bad.set(row.number());
                    for (String[] p : rowProblems) {
                        if (problems.size() < IndicatorLibraryService.MAX_PROBLEMS) {
                            problems.add(new ImportProblem(row.number(), p[0], p[1]));
                        }
                    }
                }
                if (counts[0] % (BATCH * 5) == 0) {
                    job = progress(job, counts[0], 0, 0, 0, 0, counts[1]);
                    record(null);
                }
            });
        } catch (SheetRejectedException refused) {
            job = with(job, ImportStatus.REJECTED, refused.reason() + ": " + refused.getMessage(), now());
            library.addProblems(job.jobId(), List.of(new ImportProblem(refused.row(),
                    refused.column() == null ? "" : refused.column(), refused.reason() + ": " + refused.getMessage())));
            record(endAudit(job, "LIBRARY_IMPORT_REJECTED"));
            return null;
        }
        if (layout[0] == null) {
            job = with(job, ImportStatus.REJECTED, "WRONG_COLUMNS: the file is empty", now());
            record(endAudit(job, "LIBRARY_IMPORT_REJECTED"));
            return null;
        }
        FileFormat kind = format == SheetFormat.XLSX ? FileFormat.XLSX : FileFormat.CSV;
        library.addProblems(job.jobId(), problems);
        job = new ImportJob(job.jobId(), job.mofDivCode(), job.fileName(), kind, ImportStatus.WRITING, counts[0], 0,
                0, 0, 0, counts[1], "", job.startedBy(), job.startedAt(), null);
        record(null);
        return new Checked(layout[0], bad, problems, kind);
    }

    private void write(Checked checked) {
        List<LibraryIndicator> batch = new ArrayList<>(BATCH);
        List<EntryStatus> statuses = new ArrayList<>(BATCH);
        boolean[] header = {true};
        long[] counts = new long[4]; // written, inserted, updated, unchanged
        SheetReader.read(file, csvCharset, limits, row -> {
            if (header[0]) {
                header[0] = false;
                return;
            }
            if (checked.bad().get(row.number())) {
                return;
            }
            LibraryLayout.Parsed parsed = checked.layout().parse(job.mofDivCode(), row);
            batch.add(parsed.indicator());
            statuses.add(parsed.status());
            if (batch.size() == BATCH) {
                flush(batch, statuses, counts);
            }
        });
        flush(batch, statuses, counts);
        job = with(progress(job, job.rowsRead(), counts[0], counts[1], counts[2], counts[3], job.rejected()),
                ImportStatus.DONE, "", now());
        record(endAudit(job, "LIBRARY_IMPORTED"));
    }

    /** Writes a batch; if someone changed one of its entries meanwhile, reads them again and retries once. */
    private void flush(List<LibraryIndicator> batch, List<EntryStatus> statuses, long[] counts) {
        if (batch.isEmpty()) {
            return;
        }
        for (int attempt = 0; ; attempt++) {
            Map<String, LibraryEntry> existing = library.findAll(job.mofDivCode(),
                    batch.stream().map(LibraryIndicator::code).toList());
            List<LibraryEntry> inserts = new ArrayList<>();
            List<LibraryEntry> updates = new ArrayList<>();
            Map<String, Integer> expected = new HashMap<>();
            int unchanged = 0;
            Instant now = now();
            for (int i = 0; i < batch.size(); i++) {
                LibraryIndicator indicator = batch.get(i);
                LibraryEntry was = existing.get(indicator.code());
                if (was == null) {
                    inserts.add(new LibraryEntry(indicator, statuses.get(i), 1, job.startedBy(), now));
                } else if (was.indicator().equals(indicator) && was.status() == statuses.get(i)) {
                    unchanged++;
                } else {
                    updates.add(new LibraryEntry(indicator, statuses.get(i), was.revision() + 1, job.startedBy(), now));
                    expected.put(indicator.code(), was.revision());
                }
            }
            if (library.writeBatch(inserts, updates, expected)) {
                counts[0] += batch.size();
                counts[1] += inserts.size();
                counts[2] += updates.size();
                counts[3] += unchanged;
                break;
            }
            if (attempt == 2) {
                throw new IllegalStateException("entries of the batch ending at code "
                        + batch.get(batch.size() - 1).code() + " kept changing while the import wrote them");
            }
        }
        batch.clear();
        statuses.clear();
        job = progress(job, job.rowsRead(), counts[0], counts[1], counts[2], counts[3], job.rejected());
        record(null);
    }

    /** Writes the job's progress (and its end, with {@code end}), unless it was marked FAILED as abandoned. */
    private void record(AuditEntry end) {
        if (!library.updateJob(job, end)) {
            throw new Abandoned();
        }
    }

    /** The job ended meanwhile: another node (or this one's sweep) found its heartbeat a lease late. */
    private static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super(null, null, false, false);
        }
    }

    private static ImportJob progress(ImportJob j, long read, long written, long inserted, long updated,
            long unchanged, long rejected) {
        return new ImportJob(j.jobId(), j.mofDivCode(), j.fileName(), j.format(), j.status(), read, written, inserted,
                updated, unchanged, rejected, j.message(), j.startedBy(), j.startedAt(), j.finishedAt());
    }

    static ImportJob with(ImportJob j, ImportStatus status, String message, Instant finishedAt) {
        return new ImportJob(j.jobId(), j.mofDivCode(), j.fileName(), j.format(), status, j.rowsRead(),
                j.rowsWritten(), j.inserted(), j.updated(), j.unchanged(), j.rejected(), message, j.startedBy(),
                j.startedAt(), finishedAt);
    }

    static AuditEntry endAudit(ImportJob j, String action) {
        return new AuditEntry(j.finishedAt() == null ? Instant.now() : j.finishedAt(), action, j.mofDivCode(),
                "LIBRARY_IMPORT", Long.toString(j.jobId()), j.startedBy(), j.status() + (j.message().isEmpty() ? ""
                        : ": " + j.message()), "file=" + j.fileName() + ";read=" + j.rowsRead() + ";inserted="
                        + j.inserted() + ";updated=" + j.updated() + ";unchanged=" + j.unchanged() + ";rejected="
                        + j.rejected(), null, null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
