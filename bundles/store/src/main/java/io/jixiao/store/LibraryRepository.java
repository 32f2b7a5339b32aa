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

    /** Records the job's progress; with {@code audit}, its end too. */
    void updateJob(ImportJob job, AuditEntry audit);

    Optional<ImportJob> job(long jobId);

    /**
     * @param before a moment well in the past
     * @return imports that have not ended and whose progress has not moved since then: left by a stopped node
     */
    List<ImportJob> abandoned(java.time.Instant before);

    void addProblems(long jobId, List<ImportProblem> problems);

    List<ImportProblem> problems(long jobId, int afterRow, int limit);
}
