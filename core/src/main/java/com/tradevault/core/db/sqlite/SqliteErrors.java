package com.tradevault.core.db.sqlite;

import com.tradevault.core.db.FileFault;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** What the SQLite driver's result codes say about the files, for {@link FileFault}. */
public final class SqliteErrors {

    private SqliteErrors() {
    }

    /** The fault {@code t} itself (not its causes) stands for, if it is a SQLite failure that names one. */
    public static Optional<FileFault> fault(Throwable t) {
        if (!(t instanceof SQLiteException e)) {
            return Optional.empty();
        }
        SQLiteErrorCode code = e.getResultCode();
        if (code == SQLiteErrorCode.SQLITE_IOERR_SHMSIZE) {
            // the shared-memory file could not grow: what a full disk does to a ledger being opened
            return Optional.of(FileFault.DISK_FULL);
        }
        return switch (code == null ? SQLiteErrorCode.UNKNOWN_ERROR : primary(code)) {
            case SQLITE_FULL -> Optional.of(FileFault.DISK_FULL);
            case SQLITE_CANTOPEN -> Optional.of(FileFault.CANNOT_CREATE);
            case SQLITE_CORRUPT, SQLITE_NOTADB -> Optional.of(FileFault.DAMAGED);
            default -> Optional.empty();
        };
    }

    /** The name of the SQLite result code in {@code failure}'s chain, e.g. {@code SQLITE_IOERR_SHMSIZE}. */
    public static Optional<String> code(Throwable failure) {
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
