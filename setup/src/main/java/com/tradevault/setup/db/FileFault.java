package com.tradevault.setup.db;

import java.io.IOException;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

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
        if (!(t instanceof SQLiteException e)) {
            return Optional.empty();
        }
        SQLiteErrorCode code = e.getResultCode();
        if (code == SQLiteErrorCode.SQLITE_IOERR_SHMSIZE) {
            // the shared-memory file could not grow: what a full disk does to a ledger being opened
            return Optional.of(DISK_FULL);
        }
        return switch (code == null ? SQLiteErrorCode.UNKNOWN_ERROR : primary(code)) {
            case SQLITE_FULL -> Optional.of(DISK_FULL);
            case SQLITE_CANTOPEN -> Optional.of(CANNOT_CREATE);
            case SQLITE_CORRUPT, SQLITE_NOTADB -> Optional.of(DAMAGED);
            default -> Optional.empty();
        };
    }

    /** The name of the SQLite result code in {@code failure}'s chain, e.g. {@code SQLITE_IOERR_SHMSIZE}. */
    public static Optional<String> sqliteCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException e && e.getResultCode() != null) {
                return Optional.of(e.getResultCode().name());
            }
        }
        return Optional.empty();
    }

    private static SQLiteErrorCode primary(SQLiteErrorCode code) {
        return SQLiteErrorCode.getErrorCode(code.code & 0xff);
    }
}
