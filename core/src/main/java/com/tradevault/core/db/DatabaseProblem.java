package com.tradevault.core.db;

import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import java.nio.file.Path;

/** The ledger cannot be opened or changed as asked: missing, unwritable, not a database, too new, damaged. */
public final class DatabaseProblem extends TradevaultException {

    /** The way out of a damaged ledger when no backup is known here; the command line names the backup. */
    public static final String RESTORE_STEP =
            "restore the newest backup: 'tradevault restore FILE' (docs/backup-restore.md)";

    public DatabaseProblem(Outcome outcome, String message, String nextStep) {
        super(outcome, message, nextStep);
    }

    public DatabaseProblem(Outcome outcome, String message, String nextStep, Throwable cause) {
        super(outcome, message, nextStep, cause);
    }

    /**
     * A failure talking to the database, wrapped with what we were doing and
     * where ({@code where} is the ledger's file or URL). A full disk, a file
     * that cannot be created and damaged pages each get their own message
     * and next step; a damaged ledger is an integrity problem (exit 3).
     */
    public static DatabaseProblem failed(String doing, String where, Exception cause) {
        String folder = folderOf(where);
        return FileFault.of(cause).map(fault -> switch (fault) {
            case DISK_FULL -> new DatabaseProblem(Outcome.FAILURE, doing + " failed on " + where + ": the disk holding "
                    + folder + " is full (" + FileFault.sqliteCode(cause).orElse("ENOSPC") + ")", freeSpace(folder),
                    cause);
            case CANNOT_CREATE -> new DatabaseProblem(Outcome.FAILURE, doing + " failed on " + where
                    + ": cannot create or open a file in " + folder + " (" + fault.code()
                    + "): its file system is out of space or inodes, or the folder is not writable",
                    freeSpace(folder), cause);
            case DAMAGED -> damaged(doing, where, cause);
        }).orElseGet(() -> new DatabaseProblem(Outcome.FAILURE, doing + " failed on " + where + ": "
                + cause.getMessage(), "check the log above; if it persists run 'tradevault integrity'", cause));
    }

    /** The ledger's pages are damaged: exit 3, and the way out is a restore. */
    public static DatabaseProblem damaged(String doing, String where, Throwable cause) {
        return new DatabaseProblem(Outcome.INTEGRITY_PROBLEM, "the ledger " + where + " is damaged: " + doing
                + " failed with " + cause.getMessage(),
                RESTORE_STEP, cause);
    }

    /** Whether this problem is a damaged ledger, whose next step the command line replaces with the exact restore. */
    public boolean isDamagedLedger() {
        return outcome() == Outcome.INTEGRITY_PROBLEM && nextStep().startsWith(RESTORE_STEP);
    }

    private static String freeSpace(String folder) {
        return "free space there (df -h " + folder + "; df -i " + folder + "), then run the command again";
    }

    private static String folderOf(String where) {
        if (where.startsWith("jdbc:")) {
            return where;
        }
        Path parent = Path.of(where.split(" ")[0]).toAbsolutePath().getParent();
        return parent == null ? where : parent.toString();
    }
}
