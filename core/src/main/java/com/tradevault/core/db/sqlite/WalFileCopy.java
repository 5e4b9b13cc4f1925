package com.tradevault.core.db.sqlite;

import com.tradevault.core.AtomicFiles;
import com.tradevault.core.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * A consistent copy of a live SQLite database in WAL mode, made by copying
 * its bytes: the database file and the write-ahead log exactly as they are on
 * disk, so an encrypted ledger is copied as ciphertext, page for page, with no
 * decryption and no re-encryption. Opening the copy lets SQLite recover it
 * from its log, exactly as after a crash, into the last transaction committed
 * in the copied log.
 *
 * <p>Why the bytes are consistent: while the copy runs, {@code source} holds a
 * read transaction. As long as it does, SQLite never restarts the log from its
 * beginning under a reader that uses it, and a checkpoint writes into the
 * database file only pages whose newer versions are in the part of the log
 * the copy includes (so a page caught half-written is replaced by its logged
 * version on recovery). A reader that uses only the database file (the log was
 * fully checkpointed when it began) keeps every checkpoint out of the file
 * instead; the log may then be restarted under it, which the copy detects by
 * the log header's salts and answers by leaving the log out: the file alone
 * is then exactly the reader's snapshot. Writers are never blocked.
 */
public final class WalFileCopy {

    private static final int WAL_HEADER = 32;

    private WalFileCopy() {
    }

    /**
     * Copies {@code file} (and its {@code -wal}) to {@code target} and
     * {@code target-wal}, both new files of mode 0600; opening {@code target}
     * with the source's key then recovers the snapshot. Returns false, copying
     * nothing, when the database is not in WAL mode.
     */
    public static boolean copy(Connection source, Path file, Path target) throws IOException, SQLException {
        try (Statement s = source.createStatement()) {
            if (!"wal".equalsIgnoreCase(journalMode(s))) {
                return false;
            }
            s.execute("BEGIN");
            try {
                pin(s);
                copyPinned(file, target);
            } finally {
                s.execute("COMMIT");
            }
            return true;
        }
    }

    private static String journalMode(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
            return r.next() ? r.getString(1) : "";
        }
    }

    /** Starts the read transaction: its first read takes the read lock that pins the log. */
    private static void pin(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            r.next();
        }
    }

    private static void copyPinned(Path file, Path target) throws IOException {
        Path wal = new SqliteFile(file).wal();
        Path targetWal = new SqliteFile(target).wal();
        byte[] headerBefore = walHeader(wal);
        long walLength = headerBefore.length == WAL_HEADER ? Files.size(wal) : 0;
        copyBytes(file, target, Long.MAX_VALUE);
        if (walLength > 0) {
            copyBytes(wal, targetWal, walLength);
            if (!Arrays.equals(headerBefore, walHeader(wal))) {
                // the log restarted during the copy: the reader used the file alone, which is its snapshot
                Files.delete(targetWal);
            }
        }
    }

    private static byte[] walHeader(Path wal) throws IOException {
        if (!Files.exists(wal)) {
            return new byte[0];
        }
        try (InputStream in = Files.newInputStream(wal)) {
            return in.readNBytes(WAL_HEADER);
        }
    }

    private static void copyBytes(Path from, Path to, long limit) throws IOException {
        OwnerOnly.createFile(to);
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.WRITE)) {
            long length = Math.min(limit, in.size());
            long done = 0;
            while (done < length) {
                long n = in.transferTo(done, length - done, out);
                if (n <= 0) {
                    break;
                }
                done += n;
            }
        }
    }

    /** Removes a copy and its log (after a failure). */
    static void deleteQuietly(Path target) {
        new SqliteFile(target).withCompanions().forEach(AtomicFiles::deleteQuietly);
    }
}
