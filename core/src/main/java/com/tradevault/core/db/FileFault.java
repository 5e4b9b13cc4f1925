package com.tradevault.core.db;

import com.tradevault.core.db.sqlite.SqliteErrors;
import java.io.IOException;
import java.util.Optional;

/**
 * What a failure from SQLite (or the file system under it) says about the
 * files, when it says something the operator can act on: the disk is full,
 * a file cannot be created, or the ledger is damaged.
 */
public enum FileFault {
    /** SQLITE_FULL, SQLITE_IOERR_SHMSIZE or ENOSPC: no room left on the disk. */
    DISK_FULL("SQLITE_FULL"),
    /** SQLITE_CANTOPEN: a file could not be created or opened (no space or inodes left, or not writable). */
    CANNOT_CREATE("SQLITE_CANTOPEN"),
    /** SQLITE_CORRUPT or SQLITE_NOTADB on a file that opened with its key: its pages are damaged. */
    DAMAGED("SQLITE_CORRUPT");

    private final String code;

    FileFault(String code) {
        this.code = code;
    }

    /** The SQLite code that stands for it, for messages. */
    public String code() {
        return code;
    }

    /** The fault somewhere in {@code failure}'s chain of causes, if there is one. */
    public static Optional<FileFault> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Optional<FileFault> found = single(t);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<FileFault> single(Throwable t) {
        if (t instanceof IOException && String.valueOf(t.getMessage()).contains("No space left on device")) {
            return Optional.of(DISK_FULL);
        }
        return SqliteErrors.fault(t);
    }

    /** The name of the SQLite result code in {@code failure}'s chain, e.g. {@code SQLITE_IOERR_SHMSIZE}. */
    public static Optional<String> sqliteCode(Throwable failure) {
        return SqliteErrors.code(failure);
    }
}
