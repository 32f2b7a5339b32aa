package io.jixiao.api.library;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.MofDivCode;
import java.time.Instant;

/**
 * An import of a spreadsheet into a region's library, and how far it got.
 *
 * @param jobId the import's id
 * @param mofDivCode the region
 * @param fileName the uploaded file's name, as given
 * @param format .xlsx or CSV, from the file's first bytes
 * @param status where it stands
 * @param rowsRead data rows checked so far
 * @param rowsWritten good rows written so far
 * @param inserted new entries
 * @param updated changed entries
 * @param unchanged rows identical to the entry already kept
 * @param rejected bad rows (each reported with its row, column and reason)
 * @param message why the file was refused or the import failed, else {@code ""}
 * @param startedBy who imported
 * @param startedAt when
 * @param finishedAt when it ended, or {@code null}
 */
public record ImportJob(long jobId, MofDivCode mofDivCode, String fileName, FileFormat format, ImportStatus status,
        long rowsRead, long rowsWritten, long inserted, long updated, long unchanged, long rejected, String message,
        Actor startedBy, Instant startedAt, Instant finishedAt) {
}
