package io.jixiao.store;

import io.jixiao.api.library.ImportJob;
import io.jixiao.api.library.ImportProblem;
import io.jixiao.api.library.LibraryEntry;
import io.jixiao.api.library.LibraryPage;
import io.jixiao.api.library.LibraryQuery;
import io.jixiao.api.model.MofDivCode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The indicator library's entries and its imports. A change of one entry takes its audit entry in the same
 * transaction; an import writes its rows in batches and is audited once, when it ends.
 *
 * @since 1.4.0
 */
@ProviderType
public interface LibraryRepository {

    Optional<LibraryEntry> find(MofDivCode mofDivCode, String code);

    /** @return the entries of these codes that exist, by code */
    Map<String, LibraryEntry> findAll(MofDivCode mofDivCode, Collection<String> codes);

    /** @return {@code false} (nothing written) if the code is taken */
    boolean insert(LibraryEntry entry, AuditEntry audit);

    /** @return {@code false} (nothing written) if the entry is no longer at {@code expectedRevision} */
    boolean update(LibraryEntry entry, int expectedRevision, AuditEntry audit);

    /** @return {@code false} (nothing written) if the entry is gone or no longer at {@code expectedRevision} */
    boolean delete(MofDivCode mofDivCode, String code, int expectedRevision, AuditEntry audit);

    /** @return how many approved or published goal versions of the region use the entry */
    long usedInForce(MofDivCode mofDivCode, String code);

    LibraryPage search(LibraryQuery query);

    /** Streams every entry the query matches (page size and start ignored), in code order. */
    void forEach(LibraryQuery query, Consumer<LibraryEntry> each);

    /**
     * Writes one batch of an import in one transaction: new entries inserted, changed ones overwritten.
     *
     * @return {@code false} (nothing written) if an entry was inserted or changed by someone else meanwhile
     */
    boolean writeBatch(List<LibraryEntry> inserts, List<LibraryEntry> updates, Map<String, Integer> expectedRevisions);

    long nextJobId();

    void insertJob(ImportJob job);

    /**
     * Records the job's progress; with {@code audit}, its end too.
     *
     * @return {@code false} (nothing written) if the job had ended meanwhile: marked FAILED as abandoned
     */
    boolean updateJob(ImportJob job, AuditEntry audit);

    /** Tells the other nodes these unfinished imports are still running here. */
    void heartbeat(java.util.Collection<Long> jobIds, java.time.Instant at);

    Optional<ImportJob> job(long jobId);

    /**
     * @param before now less the heartbeat lease
     * @return imports that have not ended and whose heartbeat stopped before then: left by a stopped node
     */
    List<ImportJob> abandoned(java.time.Instant before);

    /**
     * Ends an abandoned import as {@code failed} says, with its audit row, unless its heartbeat came back or it ended
     * meanwhile.
     *
     * @return whether it was ended here
     */
    boolean failAbandoned(ImportJob failed, java.time.Instant before, AuditEntry audit);

    void addProblems(long jobId, List<ImportProblem> problems);

    List<ImportProblem> problems(long jobId, int afterRow, int limit);
}
