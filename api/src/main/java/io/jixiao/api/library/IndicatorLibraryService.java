package io.jixiao.api.library;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.MofDivCode;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A region's indicator library. Finance keeps the common indicators (and may keep any); a department keeps only
 * its own industry indicators; everyone with a role in the region reads and searches. Every change is audited.
 */
@ProviderType
public interface IndicatorLibraryService {

    /** The most problems one import keeps; the counts stay exact beyond it. */
    int MAX_PROBLEMS = 10_000;

    /**
     * Creates the entry, or changes it (a new revision) if its code is taken; a retired entry is offered again.
     *
     * @param indicator the content
     * @param actor FINANCE, or the DEPARTMENT of an industry indicator's agency
     * @return the entry as kept
     */
    LibraryEntry save(LibraryIndicator indicator, Actor actor);

    /**
     * Stops offering an entry; goals that use it keep it.
     *
     * @return the retired entry
     */
    LibraryEntry retire(MofDivCode mofDivCode, String code, Actor actor);

    /**
     * Deletes an entry no approved or published goal uses.
     *
     * @throws io.jixiao.api.model.ConflictException if an approved or published goal uses it: retire it instead
     */
    void delete(MofDivCode mofDivCode, String code, Actor actor);

    /** @return the entry, if the region's library has it and the actor may read it */
    Optional<LibraryEntry> find(MofDivCode mofDivCode, String code, Actor actor);

    /** @return the page of entries the query asks for */
    LibraryPage search(LibraryQuery query, Actor actor);

    /**
     * Starts importing a spreadsheet into the region's library and returns at once; {@link #importJob} shows the
     * progress. The whole file is checked before anything is written: a file refused as a whole writes nothing;
     * bad rows are reported and the good ones written. Importing the same file again changes nothing.
     *
     * @param fileName the file's name as uploaded (for the report)
     * @param file the uploaded file; the service owns it from now on and deletes it when done
     * @param csvCharset the encoding of a CSV file (UTF-8 or GB18030)
     * @param actor FINANCE (any row) or DEPARTMENT (its own agencies' industry rows)
     * @return the import, CHECKING
     */
    ImportJob startImport(MofDivCode mofDivCode, String fileName, Path file, Charset csvCharset, Actor actor);

    /** @return the import, if it exists and the actor may see it (who started it, FINANCE and AUDITOR of the region) */
    Optional<ImportJob> importJob(long jobId, Actor actor);

    /**
     * @param afterRow list problems after this row ({@code -1} from the first; a whole file's problem is row 0)
     * @param limit at most this many, 1 to 1,000
     * @return the import's problems in row order
     */
    List<ImportProblem> problems(long jobId, int afterRow, int limit, Actor actor);

    /**
     * Writes every entry the query matches (its page size and start ignored) in the import layout, so that an
     * exported file imports back unchanged.
     */
    void export(LibraryQuery query, FileFormat format, OutputStream out, Actor actor);
}
