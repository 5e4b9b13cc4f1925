package com.tradevault.core.db.sqlite;

import com.tradevault.core.Outcome;
import com.tradevault.core.OwnerOnly;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.DatabaseProblem;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.db.InterruptedRestore;
import com.tradevault.core.db.PlainDataSource;
import com.tradevault.core.key.DbKey;
import com.tradevault.core.key.KeyProblem;
import com.tradevault.core.key.ResolvedKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * Opens a SQLite ledger file for its {@link SqliteDialect}: refuses a file an
 * interrupted restore left, an empty one, a missing one unless asked to
 * create it; checks that the file's encryption matches the settings and the
 * key before a connection can write; and sets WAL, {@code synchronous=FULL},
 * foreign keys, the busy timeout and {@code BEGIN IMMEDIATE}.
 */
final class SqliteOpening {

    private final SqliteDialect dialect;
    private final Path file;

    SqliteOpening(SqliteDialect dialect, Path file) {
        this.dialect = dialect;
        this.file = file;
    }

    /** See {@link Dialect#open}. */
    Database open(DbSettings settings, Optional<ResolvedKey> key, boolean create) {
        InterruptedRestore.refuseIfInterrupted(file);
        SqliteFiles.FileState state = SqliteFiles.inspect(file);
        if (state == SqliteFiles.FileState.EMPTY) {
            throw new DatabaseProblem(Outcome.INTEGRITY_PROBLEM, "the ledger " + file + " is empty (0 bytes): a ledger"
                    + " that existed and lost its contents, not a new one", DatabaseProblem.RESTORE_STEP
                    + "; only if this server never held a ledger, delete the empty file and run 'tradevault setup-db'");
        }
        boolean isNew = state == SqliteFiles.FileState.MISSING;
        if (isNew && !create) {
            throw new DatabaseProblem(Outcome.FAILURE, "no ledger at " + file,
                    "run 'tradevault setup-db' to create it, or point data-dir / TRADEVAULT_DATA_DIR at the right folder");
        }
        prepareDirectory(file.getParent());
        Optional<DbKey> useKey = settings.encryption() ? key.map(ResolvedKey::key) : Optional.empty();
        checkEncryptionMatches(state, settings.encryption(), key);
        SQLiteConfig config = connectionConfig(useKey, settings);
        DataSource dataSource = new ConfiguredDataSource(config, new SqliteFile(file).url());
        verifyOpens(hasWal() ? readOnlyProbe(useKey) : dataSource, key);
        return new Database(dialect, dataSource, useKey.isPresent(), () -> { });
    }

    private void checkEncryptionMatches(SqliteFiles.FileState state, boolean encryption, Optional<ResolvedKey> key) {
        if (state == SqliteFiles.FileState.PLAINTEXT && encryption) {
            throw new KeyProblem("ledger " + file + " is plaintext (not encrypted) but db.encryption is on",
                    "encrypt it with 'tradevault db encrypt', or set db.encryption = off to keep it plaintext");
        }
        if (state == SqliteFiles.FileState.OPAQUE && !encryption) {
            if (!SqliteFiles.shapedLikePages(file)) {
                throw notADatabase();
            }
            throw new KeyProblem("ledger " + file + " is encrypted but db.encryption is off",
                    "set db.encryption = on and provide its key (see docs/security.md)");
        }
        if (encryption && key.isEmpty() && state != SqliteFiles.FileState.PLAINTEXT) {
            throw new KeyProblem("no key is configured for the encrypted ledger " + file,
                    "provide it through TRADEVAULT_DB_KEY_FILE, db.key-file, TRADEVAULT_DB_KEY or the systemd"
                            + " credential db-key (see docs/security.md)");
        }
    }

    /**
     * A read-only connection to try the key on an existing ledger. A wrong key must not write: a
     * read-write connection that closes last checkpoints a leftover WAL into the file, through a
     * cipher that cannot read those pages, and the ledger is damaged beyond the right key
     * (UnderRealSystemdIT met it: a start with a wrong key, then the good key found the ledger malformed).
     * A read-only connection never checkpoints. Used only when there is a WAL: it leaves a -shm file
     * behind, and without a WAL the read-write probe has nothing to checkpoint.
     */
    private DataSource readOnlyProbe(Optional<DbKey> key) {
        SQLiteConfig probe = key.map(SqliteOpening::cipherConfig).orElseGet(SQLiteConfig::new);
        probe.setReadOnly(true);
        return new ConfiguredDataSource(probe, new SqliteFile(file).url());
    }

    private boolean hasWal() {
        return Files.exists(new SqliteFile(file).wal());
    }

    private void verifyOpens(DataSource dataSource, Optional<ResolvedKey> key) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
            r.next();
        } catch (SQLiteException e) {
            if (e.getResultCode() != SQLiteErrorCode.SQLITE_NOTADB) {
                throw DatabaseProblem.failed("opening the ledger", file.toString(), e);
            }
            if (key.isPresent() && SqliteFiles.shapedLikePages(file)) {
                throw new KeyProblem("the key from " + key.get().source() + " does not open " + file
                        + ": wrong key, or not an encrypted tradevault ledger",
                        "use the key this ledger was created with (see docs/security.md, key recovery)");
            }
            throw notADatabase();
        } catch (SQLException e) {
            throw DatabaseProblem.failed("opening the ledger", file.toString(), e);
        }
    }

    private DatabaseProblem notADatabase() {
        return new DatabaseProblem(Outcome.INTEGRITY_PROBLEM, file + " is not a SQLite database (damaged or some other file)",
                "move it aside and restore the latest backup: 'tradevault restore FILE' (docs/backup-restore.md)");
    }

    private static void prepareDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                OwnerOnly.createFolders(dir);
            }
            Path probe = Files.createTempFile(dir, ".write-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new DatabaseProblem(Outcome.FAILURE, "data directory " + dir + " is not writable ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    "create it and give the user running tradevault write access, e.g. chown tradevault " + dir);
        }
    }

    private static SQLiteConfig connectionConfig(Optional<DbKey> key, DbSettings settings) {
        SQLiteConfig config = key.map(SqliteOpening::cipherConfig).orElseGet(SQLiteConfig::new);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) settings.busyTimeout().toMillis());
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config;
    }

    /** SQLCipher 4 settings, so that standard SQLCipher tools open the file with just the key. */
    static SQLiteConfig cipherConfig(DbKey key) {
        SQLiteMCSqlCipherConfig cipher = SQLiteMCSqlCipherConfig.getV4Defaults();
        return key.isRaw() ? cipher.withRawUnsaltedKey(key.revealRaw()).build()
                : cipher.withKey(key.revealForSqlcipher()).build();
    }

    /** A DataSource over a prepared SQLite configuration; the key stays in the configuration, not in the URL. */
    private record ConfiguredDataSource(SQLiteConfig config, String url) implements PlainDataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return config.createConnection(url);
        }

        @Override
        public String toString() {
            return "SQLite DataSource " + url;
        }
    }
}
