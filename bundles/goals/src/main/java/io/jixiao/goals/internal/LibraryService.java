package io.jixiao.goals.internal;

import io.jixiao.api.library.EntryStatus;
import io.jixiao.api.library.FileFormat;
import io.jixiao.api.library.ImportJob;
import io.jixiao.api.library.ImportProblem;
import io.jixiao.api.library.ImportStatus;
import io.jixiao.api.library.IndicatorKind;
import io.jixiao.api.library.IndicatorLibraryService;
import io.jixiao.api.library.LibraryEntry;
import io.jixiao.api.library.LibraryIndicator;
import io.jixiao.api.library.LibraryPage;
import io.jixiao.api.library.LibraryQuery;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Role;
import io.jixiao.sheets.SheetFormat;
import io.jixiao.sheets.SheetLimits;
import io.jixiao.sheets.SheetWriter;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.LibraryRepository;
import io.jixiao.api.call.StoreUnavailable;
import io.jixiao.store.Transactions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indicator library: who may keep which entries, every change audited, searches, exports, and imports run by
 * {@link LibraryImport} on the given executor.
 */
@Component(service = IndicatorLibraryService.class, immediate = true, configurationPid = LibraryService.PID)
@Designate(ocd = LibraryConfiguration.class)
public final class LibraryService implements IndicatorLibraryService {
    private static final Logger LOG = LoggerFactory.getLogger(LibraryService.class);
    static final String PID = "io.jixiao.library";
    static final String SUBJECT = "LIBRARY";

    private final LibraryRepository library;
    private final Executor imports;
    private final Clock clock;
    private final SheetLimits limits;
    private final Duration lease;
    /** Renews heartbeats and marks abandoned imports, in the component; none in a plain instance. */
    private final ScheduledExecutorService sweep;
    /** The imports this node accepted and has not ended: their heartbeat is this node's. */
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    /**
     * The component: imports run one at a time on this node, on their own thread; their heartbeat is renewed every
     * third of the import lease, and every half lease imports that a stopped node left are marked FAILED.
     */
    @Activate
    public LibraryService(LibraryConfiguration config, @Reference LibraryRepository library) {
        this(library, Executors.newSingleThreadExecutor(daemon("jixiao-library-import")), Clock.systemUTC(),
                SheetLimits.DEFAULT, Duration.ofSeconds(Math.max(1, config.importLeaseSeconds())),
                Executors.newSingleThreadScheduledExecutor(daemon("jixiao-library-sweep")));
        long leaseMillis = lease.toMillis();
        sweep.scheduleWithFixedDelay(() -> {
            try {
                heartbeat();
            } catch (RuntimeException e) {
                LOG.warn("Renewing the heartbeat of this node's library imports failed; will retry: {}", e.toString());
            }
        }, leaseMillis / 3, leaseMillis / 3, TimeUnit.MILLISECONDS);
        sweep.scheduleWithFixedDelay(() -> {
            try {
                failAbandoned();
            } catch (RuntimeException e) {
                LOG.warn("Marking abandoned library imports failed; will retry: {}", StoreUnavailable.describe(e));
            }
        }, 0, leaseMillis / 2, TimeUnit.MILLISECONDS);
    }

    /**
     * @param library where entries and imports are kept
     * @param imports runs imports
     * @param clock the time
     * @param limits what an uploaded file may be
     * @param lease how long an import's heartbeat may be silent before the import counts as left by a stopped node
     *     ({@link #heartbeat()} should run at least every third of it)
     */
    public LibraryService(LibraryRepository library, Executor imports, Clock clock, SheetLimits limits,
            Duration lease) {
        this(library, imports, clock, limits, lease, null);
    }

    private LibraryService(LibraryRepository library, Executor imports, Clock clock, SheetLimits limits,
            Duration lease, ScheduledExecutorService sweep) {
        this.sweep = sweep;
        this.library = library;
        this.imports = imports;
        this.clock = clock;
        this.limits = limits;
        this.lease = lease;
    }

    @Deactivate
    void deactivate() {
        sweep.shutdownNow();
        ((ExecutorService) imports).shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public LibraryEntry save(LibraryIndicator indicator, Actor actor) {
        required(indicator, "INDICATOR", actor);
        keeper(indicator, actor);
        Optional<LibraryEntry> existing = library.find(indicator.mofDivCode(), indicator.code());
        existing.ifPresent(e -> keeper(e.indicator(), actor));
        Instant now = now();
        if (existing.isEmpty()) {
            LibraryEntry created = new LibraryEntry(indicator, EntryStatus.ACTIVE, 1, actor, now);
            if (!library.insert(created, audit(created, "LIBRARY_INDICATOR_CREATED", actor, "created"))) {
                throw new ConflictException("indicator " + indicator.code() + " was created meanwhile; read it and "
                        + "save again");
            }
            return created;
        }
        LibraryEntry was = existing.get();
        LibraryEntry changed = new LibraryEntry(indicator, EntryStatus.ACTIVE, was.revision() + 1, actor, now);
        if (!library.update(changed, was.revision(), audit(changed, "LIBRARY_INDICATOR_CHANGED", actor,
                "revision " + changed.revision()))) {
            throw new ConflictException("indicator " + indicator.code() + " changed meanwhile; read it and save again");
        }
        return changed;
    }

    @Override
    public LibraryEntry retire(MofDivCode mofDivCode, String code, Actor actor) {
        LibraryEntry was = existing(mofDivCode, code, actor);
        keeper(was.indicator(), actor);
        if (was.status() == EntryStatus.RETIRED) {
            return was;
        }
        LibraryEntry retired = new LibraryEntry(was.indicator(), EntryStatus.RETIRED, was.revision() + 1, actor,
                now());
        if (!library.update(retired, was.revision(), audit(retired, "LIBRARY_INDICATOR_RETIRED", actor, "retired"))) {
            throw new ConflictException("indicator " + code + " changed meanwhile; read it and retire it again");
        }
        return retired;
    }

    @Override
    public void delete(MofDivCode mofDivCode, String code, Actor actor) {
        LibraryEntry was = existing(mofDivCode, code, actor);
        keeper(was.indicator(), actor);
        long used = library.usedInForce(mofDivCode, code);
        if (used > 0) {
            throw new ConflictException("indicator " + code + " is used by " + used + " approved or published goal "
                    + "version(s): retire it instead (it stays readable for them)");
        }
        if (!library.delete(mofDivCode, code, was.revision(), audit(was, "LIBRARY_INDICATOR_DELETED", actor,
                "deleted"))) {
            throw new ConflictException("indicator " + code + " changed meanwhile; read it and delete it again");
        }
    }

    @Override
    public Optional<LibraryEntry> find(MofDivCode mofDivCode, String code, Actor actor) {
        reader(mofDivCode, actor);
        return code == null || code.length() > 40 ? Optional.empty() : library.find(mofDivCode, code);
    }

    @Override
    public LibraryPage search(LibraryQuery query, Actor actor) {
        required(query, "QUERY", actor);
        reader(query.mofDivCode(), actor);
        return library.search(query);
    }

    @Override
    public void export(LibraryQuery query, FileFormat format, OutputStream out, Actor actor) {
        required(query, "QUERY", actor);
        reader(query.mofDivCode(), actor);
        try (SheetWriter writer = SheetWriter.of(format == FileFormat.XLSX ? SheetFormat.XLSX : SheetFormat.CSV, out,
                "指标库 " + query.mofDivCode().value())) {
            writer.row(LibraryLayout.header());
            library.forEach(query, e -> writer.row(LibraryLayout.row(e)));
        }
    }

    /** What an imported file's name may be: it is shown in the job and the log, never used as a path. */
    private static final java.util.regex.Pattern FILE_NAME = java.util.regex.Pattern.compile(
            "[\\p{L}\\p{N}][\\p{L}\\p{N} ._()（）\\-]{0,199}");

    @Override
    public ImportJob startImport(MofDivCode mofDivCode, String fileName, Path file, Charset csvCharset, Actor actor) {
        try {
            if (mofDivCode == null) {
                throw InvalidInputException.of(MofDivCode.FIELD, "required", "is required");
            }
            if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
                throw InvalidInputException.of("FILE_NAME", "pattern", "1 to 200 letters, digits, spaces and . _ - ( ),"
                        + " starting with a letter or digit");
            }
            if (actor == null) {
                throw InvalidInputException.of(Actor.OPERATOR_FIELD, "required", "is required");
            }
            if (!actor.has(Role.FINANCE) && !actor.has(Role.DEPARTMENT)) {
                throw new ForbiddenException("importing into the library needs role FINANCE or DEPARTMENT");
            }
            if (!actor.scope().covers(mofDivCode)) {
                throw new ForbiddenException("region " + mofDivCode + " is outside your scope");
            }
        } catch (RuntimeException refused) {
            deleteQuietly(file);
            throw refused;
        }
        ImportJob job = new ImportJob(library.nextJobId(), mofDivCode, fileName.strip(), null, ImportStatus.CHECKING, 0,
                0, 0, 0, 0, 0, "", actor, now(), null);
        library.insertJob(job);
        // the import reads its job row: it starts once the row is committed (with the call's answer, if idempotent)
        LibraryImport work = new LibraryImport(library, job, file, csvCharset, limits, clock);
        running.add(job.jobId());
        Transactions.afterRollback(() -> {
            running.remove(job.jobId());
            deleteQuietly(file);
        });
        Transactions.afterCommit(() -> imports.execute(() -> {
            try {
                work.run();
            } finally {
                running.remove(job.jobId());
            }
        }));
        return job;
    }

    @Override
    public Optional<ImportJob> importJob(long jobId, Actor actor) {
        if (actor == null) {
            throw InvalidInputException.of(Actor.OPERATOR_FIELD, "required", "is required");
        }
        return library.job(jobId).filter(j -> mayWatch(j, actor));
    }

    @Override
    public List<ImportProblem> problems(long jobId, int afterRow, int limit, Actor actor) {
        if (afterRow < -1 || limit < 1 || limit > 1_000) {
            throw InvalidInputException.of("LIMIT", "range", "AFTER_ROW ≥ -1 and LIMIT 1 to 1000");
        }
        importJob(jobId, actor).orElseThrow(() -> new NotFoundException("no import " + jobId));
        return library.problems(jobId, afterRow, limit);
    }

    /** Renews the heartbeat of the imports this node accepted and has not ended, queued or running. */
    public void heartbeat() {
        library.heartbeat(Set.copyOf(running), now());
    }

    /**
     * Marks imports whose heartbeat has been silent for a lease — left by a node that stopped or lost the database —
     * as FAILED, so that nobody waits on them: rows written stay, and importing the file again writes the rest.
     */
    public void failAbandoned() {
        Instant now = now();
        Instant before = now.minus(lease);
        for (ImportJob j : library.abandoned(before)) {
            if (running.contains(j.jobId())) {
                continue; // this node's own, late only because the database was: its heartbeat comes back
            }
            ImportJob failed = LibraryImport.with(j, ImportStatus.FAILED, "the import stopped with its node; rows "
                    + "written stay, import the file again to write the rest", now);
            if (library.failAbandoned(failed, before, LibraryImport.endAudit(failed, "LIBRARY_IMPORT_FAILED"))) {
                LOG.warn("Import {} of region {} ({}) stopped with its node: marked FAILED", j.jobId(),
                        j.mofDivCode(), j.fileName());
            }
        }
    }

    private static boolean mayWatch(ImportJob j, Actor actor) {
        if (!actor.scope().covers(j.mofDivCode())) {
            return false;
        }
        boolean starter = j.startedBy().callerSystem().equals(actor.callerSystem())
                && j.startedBy().operator().equals(actor.operator());
        return starter || actor.has(Role.FINANCE) || actor.has(Role.AUDITOR);
    }

    private LibraryEntry existing(MofDivCode mofDivCode, String code, Actor actor) {
        if (mofDivCode == null) {
            throw InvalidInputException.of(MofDivCode.FIELD, "required", "is required");
        }
        reader(mofDivCode, actor);
        return find(mofDivCode, code, actor).orElseThrow(() -> new NotFoundException("no indicator " + code
                + " in the library of " + mofDivCode));
    }

    /** Finance keeps any entry of its regions; a department only its own agencies' industry indicators. */
    static void keeper(LibraryIndicator indicator, Actor actor) {
        if (!actor.scope().covers(indicator.mofDivCode())) {
            throw new ForbiddenException("region " + indicator.mofDivCode() + " is outside your scope");
        }
        if (actor.has(Role.FINANCE)) {
            return;
        }
        if (!actor.has(Role.DEPARTMENT)) {
            throw new ForbiddenException("keeping the library needs role FINANCE or DEPARTMENT");
        }
        if (indicator.kind() != IndicatorKind.INDUSTRY || !actor.scope().covers(indicator.agencyCode())) {
            throw new ForbiddenException("a department keeps only its own industry indicators (行业核心指标)");
        }
    }

    private static void reader(MofDivCode mofDivCode, Actor actor) {
        if (actor == null) {
            throw InvalidInputException.of(Actor.OPERATOR_FIELD, "required", "is required");
        }
        if (!actor.has(Role.FINANCE) && !actor.has(Role.DEPARTMENT) && !actor.has(Role.UNIT)
                && !actor.has(Role.AUDITOR) && !actor.has(Role.HOST_SYSTEM)) {
            throw new ForbiddenException("reading the library needs a role of the region's finance or departments");
        }
        if (!actor.scope().covers(mofDivCode)) {
            throw new ForbiddenException("region " + mofDivCode + " is outside your scope");
        }
    }

    private static void required(Object value, String field, Actor actor) {
        if (value == null) {
            throw InvalidInputException.of(field, "required", "is required");
        }
        if (actor == null) {
            throw InvalidInputException.of(Actor.OPERATOR_FIELD, "required", "is required");
        }
    }

    private static AuditEntry audit(LibraryEntry e, String action, Actor actor, String reason) {
        LibraryIndicator i = e.indicator();
        return new AuditEntry(e.changedAt(), action, i.mofDivCode(), SUBJECT, i.code(), actor, reason,
                "kind=" + i.kind() + ";status=" + e.status() + ";revision=" + e.revision(), i.agencyCode(), null);
    }

    static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
