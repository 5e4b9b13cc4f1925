package com.tradevault.core.db.sqlite;

import com.tradevault.core.AtomicFiles;
import com.tradevault.core.OwnerOnly;
import com.tradevault.core.db.DatabaseLocked;
import com.tradevault.core.db.DatabaseProblem;
import com.tradevault.core.db.InstanceLock;
import com.tradevault.core.key.DbKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;

/**
 * File-level facts and copies of SQLite ledgers: what a file's header says,
 * and consistent copies made with {@code VACUUM INTO}, under the same key, a
 * new key, or none. The copy is never less protected than its source: an
 * encrypted source never passes through a plaintext file, and no key is ever
 * written into a URI or SQL text that SQLite could echo in an error.
 */
public final class SqliteFiles {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private SqliteFiles() {
    }

    /** What the first bytes of a file say about it. */
    public enum FileState {
        MISSING, EMPTY, PLAINTEXT, OPAQUE
    }

    public static FileState inspect(Path file) {
        if (!Files.exists(file)) {
            return FileState.MISSING;
        }
        byte[] head = new byte[SQLITE_HEADER.length];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n == 0) {
                return FileState.EMPTY;
            }
            return n == head.length && Arrays.equals(head, SQLITE_HEADER) ? FileState.PLAINTEXT : FileState.OPAQUE;
        } catch (IOException e) {
            throw new DatabaseProblem(com.tradevault.core.Outcome.FAILURE,
                    "cannot read " + file + ": " + e.getMessage(), "check the file's owner and permissions");
        }
    }

    /** Whether an opaque file is shaped like an encrypted database (whole pages), as opposed to junk. */
    static boolean shapedLikePages(Path file) {
        try {
            long size = Files.size(file);
            return size >= 512 && size % 512 == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** What the copy is encrypted with. */
    public sealed interface Target permits SameAsSource, Plaintext, Keyed {
    }

    /** Whatever the source uses: the same key, or plaintext for a plaintext source. */
    public record SameAsSource() implements Target {
    }

    /** A plaintext copy. */
    public record Plaintext() implements Target {
    }

    /**
     * Encrypted (SQLCipher 4) under {@code key}; {@code sourceKey} is the key the
     * source is under (empty for a plaintext source).
     */
    public record Keyed(Optional<DbKey> sourceKey, DbKey key) implements Target {
        @Override
        public String toString() {
            return "Keyed[redacted]";
        }
    }

    /**
     * Writes a consistent, compacted copy of the database behind
     * {@code source} to {@code target} atomically (temp file, fsync, rename,
     * fsync the directory). Refuses to overwrite an existing file.
     */
    public static void copy(Connection source, Path target, Target encryption) throws IOException, SQLException {
        AtomicFiles.requireAbsent(target);
        Path temp = AtomicFiles.tempBeside(target, "copy");
        Files.deleteIfExists(temp);
        try (Statement s = source.createStatement()) {
            s.execute("VACUUM INTO '" + intoUri(temp, encryption) + "'");
            if (encryption instanceof Keyed keyed) {
                changeKey(temp, keyed);
            }
            OwnerOnly.restrict(temp);
            AtomicFiles.fsync(temp);
            AtomicFiles.moveIntoPlace(temp, target);
        } finally {
            AtomicFiles.deleteQuietly(temp);
        }
    }

    /**
     * The target of {@code VACUUM INTO}. It never holds a key: SQLite echoes it
     * in its errors. A keyed copy is made under the source's own encryption
     * (what SQLite3MultipleCiphers does for a target without a key) and then
     * re-keyed by {@link #changeKey}.
     */
    private static String intoUri(Path file, Target encryption) {
        String path = "file:" + percentEncode(file.toAbsolutePath().toString(), true);
        return encryption instanceof Plaintext ? path + "?key=" : path;
    }

    /**
     * Re-encrypts the fresh copy {@code file} (still under the source's key, or
     * plaintext) under the target key. The keys go to the driver only through
     * its connection settings and {@code PRAGMA rekey}, whose text SQLite
     * never echoes; the copy is not in WAL mode, which rekey requires.
     */
    private static void changeKey(Path file, Keyed keyed) throws SQLException {
        org.sqlite.SQLiteConfig config = keyed.sourceKey().map(SqliteOpening::cipherConfig)
                .orElseGet(() -> org.sqlite.mc.SQLiteMCSqlCipherConfig.getV4Defaults().build());
        try (Connection c = config.createConnection(new SqliteFile(file).url()); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = DELETE");
            s.execute("PRAGMA rekey = '" + keyed.key().revealForSqlcipher().replace("'", "''") + "'");
        }
    }

    private static String percentEncode(String text, boolean keepSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/');
            out.append(plain ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
        }
        return out.toString();
    }

    /** The most page cache a check takes: a bounded amount of memory, enough for most ledgers whole. */
    private static final long CHECK_CACHE_KIB = 256 * 1024;

    /**
     * Runs {@code integrity_check} (or {@code quick_check}); returns the
     * problems found, empty when clean. While it runs, the connection's page
     * cache may grow to the database's size (at most 256 MiB): the check looks
     * every row up in every index, and pages that stay cached are read, and on
     * an encrypted file decrypted and authenticated, once instead of again on
     * every lookup (about a fifth of the check's time on a 200 MB ledger).
     */
    public static java.util.List<String> integrityProblems(Connection connection, boolean quick) throws SQLException {
        java.util.List<String> problems = new java.util.ArrayList<>();
        try (Statement s = connection.createStatement()) {
            long cacheBefore = pragma(s, "cache_size");
            long kib = pragma(s, "page_count") * pragma(s, "page_size") / 1024;
            s.execute("PRAGMA cache_size = -" + Math.max(2048, Math.min(kib, CHECK_CACHE_KIB)));
            try (java.sql.ResultSet r = s.executeQuery(quick ? "PRAGMA quick_check" : "PRAGMA integrity_check")) {
                while (r.next()) {
                    if (!"ok".equals(r.getString(1))) {
                        problems.add(r.getString(1));
                    }
                }
            } finally {
                s.execute("PRAGMA cache_size = " + cacheBefore);
            }
        }
        return problems;
    }

    /** {@code PRAGMA quick_check(table)} for each table: its b-tree and its indexes' pages, nothing else. */
    static java.util.List<String> quickCheck(Connection connection, java.util.List<String> tables)
            throws SQLException {
        java.util.List<String> problems = new java.util.ArrayList<>();
        try (Statement s = connection.createStatement()) {
            for (String table : tables) {
                String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
                try (java.sql.ResultSet r = s.executeQuery("PRAGMA quick_check(" + quoted + ")")) {
                    while (r.next()) {
                        if (!"ok".equals(r.getString(1))) {
                            problems.add(table + ": " + r.getString(1));
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static long pragma(Statement s, String name) throws SQLException {
        try (java.sql.ResultSet r = s.executeQuery("PRAGMA " + name)) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Takes the single-writer lock of the ledger {@code file} without opening
     * it (so it works on a damaged or missing file, as restore needs), or
     * fails with {@link DatabaseLocked} naming the holder.
     */
    public static InstanceLock lock(Path file) {
        return FileInstanceLock.acquire(new SqliteFile(file).beside(".lock"), file.toString());
    }
}
