package io.jixiao.api.library;

/** Where an import stands. */
public enum ImportStatus {
    /** Reading the whole file and checking every row; nothing is written yet. */
    CHECKING,
    /** The file passed; its good rows are being written. */
    WRITING,
    /** Finished: good rows written, bad rows reported. */
    DONE,
    /** The file was refused as a whole (wrong columns, encoding, formulas, a zip bomb…): nothing was written. */
    REJECTED,
    /** Stopped by a failure of the node or the database; rows already written stay, and importing the file again
     * writes the rest (a re-import changes nothing that is already there). */
    FAILED;

    /** @return whether the import has ended */
    public boolean ended() {
        return this == DONE || this == REJECTED || this == FAILED;
    }
}
