package com.tradevault.setup.db.sqlite;

import com.tradevault.setup.AtomicFiles;
import com.tradevault.setup.Outcome;
import com.tradevault.setup.OwnerOnly;
import com.tradevault.setup.config.DbSettings;
import com.tradevault.setup.db.BackendCheck;
import com.tradevault.setup.db.BulkLoad;
import com.tradevault.setup.db.CatalogTable;
import com.tradevault.setup.db.Database;
import com.tradevault.setup.db.DatabaseProblem;
import com.tradevault.setup.db.Dialect;
import com.tradevault.setup.db.InstanceLock;
import com.tradevault.setup.db.InterruptedRestore;
import com.tradevault.setup.db.LedgerTables;
import com.tradevault.setup.db.PlainDataSource;
import com.tradevault.setup.db.RowCounts;
import com.tradevault.setup.db.RowSource;
import com.tradevault.setup.db.RowWriter;
import com.tradevault.setup.db.Snapshot;
import com.tradevault.setup.db.SnapshotKind;
import com.tradevault.setup.db.WriteTransactions;
import com.tradevault.setup.key.DbKey;
import com.tradevault.setup.key.KeyProblem;
import com.tradevault.setup.key.ResolvedKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * SQLite and SQLCipher 4 (through SQLite3MultipleCiphers): WAL,
 * {@code synchronous=FULL}, foreign keys, a busy timeout and
 * {@code BEGIN IMMEDIATE} for every write transaction.
 */
public final class SqliteDialect implements Dialect {

    private static final DateTimeFormatter INSTANT_TEXT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path file;

    public SqliteDialect(Path file) {
        this.file = file;
    }

    @Override
    public String name() {
        return "SQLite";
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public String migrationLocation() {
        return "classpath:db/migration/sqlite";
    }

    @Override
    public boolean exists() {
        return SqliteFiles.inspect(file) != SqliteFiles.FileState.MISSING;
    }

    @Override
    public boolean supportsEncryption() {
        return true;
    }

    @Override
    public Optional<Path> file() {
        return Optional.of(file);
    }

    @Override
    public Database open(DbSettings settings, Optional<ResolvedKey> key, boolean create) {
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
        return new Database(this, dataSource, useKey.isPresent(), () -> { });
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
        SQLiteConfig probe = key.map(SqliteDialect::cipherConfig).orElseGet(SQLiteConfig::new);
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
        SQLiteConfig config = key.map(SqliteDialect::cipherConfig).orElseGet(SQLiteConfig::new);
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

    @Override
    public WriteTransactions writeTransactions(Connection writer) throws SQLException {
        return new SqliteWriteTransactions(writer);
    }

    @Override
    public InstanceLock lockForWriting(Database database) {
        return SqliteFiles.lock(file);
    }

    @Override
    public Optional<Path> snapshot(Database database, String label, Instant now) {
        Path target = file.resolveSibling(file.getFileName() + "." + AtomicFiles.stamp(now) + "." + label);
        try (Connection c = database.connect()) {
            SqliteFiles.copy(c, target, new SqliteFiles.SameAsSource());
            return Optional.of(target);
        } catch (IOException | SQLException e) {
            throw DatabaseProblem.failed("taking a snapshot to " + target, file.toString(), e);
        }
    }

    /**
     * The kind of a backup's snapshot named {@code snapshotName} if it is a SQLite
     * file ({@code tradevault.db}), which opens where it lies; else empty.
     */
    public static Optional<SnapshotKind> snapshotNamed(String snapshotName) {
        return snapshotName.endsWith(".db")
                ? Optional.of(file -> Optional.of(new SqliteDialect(file.toAbsolutePath().normalize())))
                : Optional.empty();
    }

    @Override
    public String snapshotFileName() {
        return DbSettings.DEFAULT_FILE_NAME;
    }

    @Override
    public Snapshot writeSnapshot(Database database, DbSettings settings, Optional<ResolvedKey> key, Path target)
            throws IOException, SQLException {
        AtomicFiles.requireAbsent(target);
        Path temp = AtomicFiles.tempBeside(target, "copy");
        WalFileCopy.deleteQuietly(temp);
        try {
            try (Connection c = database.connect()) {
                if (!WalFileCopy.copy(c, file, temp)) {
                    SqliteFiles.copy(c, temp, new SqliteFiles.SameAsSource());
                }
            }
            DbSettings copySettings = settings.withEncryption(database.encrypted());
            Map<String, Long> counts = new SqliteDialect(temp).recover(copySettings, key);
            AtomicFiles.fsync(temp);
            AtomicFiles.moveIntoPlace(temp, target);
            SqliteDialect copy = new SqliteDialect(target.toAbsolutePath().normalize());
            return new Snapshot(counts, () -> copy.check(copySettings, key));
        } finally {
            WalFileCopy.deleteQuietly(temp);
        }
    }

    /** Opens a fresh copy, which recovers it from its log, folds the log into the file; returns its row counts. */
    private Map<String, Long> recover(DbSettings settings, Optional<ResolvedKey> key) throws SQLException {
        try (Database db = open(settings, key, false); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            return RowCounts.of(c);
        }
    }

    private void check(DbSettings settings, Optional<ResolvedKey> key) throws SQLException {
        try (Database db = open(settings, key, false); Connection c = db.connect()) {
            List<String> problems = SqliteFiles.integrityProblems(c, false);
            if (!problems.isEmpty()) {
                throw new DatabaseProblem(Outcome.INTEGRITY_PROBLEM, "the ledger is damaged: its snapshot " + file
                        + " failed its integrity check (" + String.join("; ", problems.subList(0, Math.min(3,
                        problems.size()))) + "); no backup was written", DatabaseProblem.RESTORE_STEP);
            }
        }
    }

    @Override
    public BackendCheck<List<String>> storageProblems(Connection connection, boolean quick) throws SQLException {
        return BackendCheck.found(SqliteFiles.integrityProblems(connection, quick));
    }

    @Override
    public List<String> quickCheck(Connection connection, List<String> tables) throws SQLException {
        return SqliteFiles.quickCheck(connection, tables);
    }

    @Override
    public BackendCheck<List<String>> foreignKeyProblems(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA foreign_key_check")) {
            while (r.next()) {
                problems.add(r.getString(1) + " row " + r.getLong(2) + " refers to a missing row in " + r.getString(3));
            }
        }
        return BackendCheck.found(problems);
    }

    @Override
    public BackendCheck<Long> readEveryPage(Connection connection) throws SQLException {
        // dbstat visits every b-tree and overflow page, so the codec authenticates each one as it is read
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM dbstat")) {
            r.next();
            return BackendCheck.found(r.getLong(1));
        }
    }

    @Override
    public void compact(Connection connection, Optional<Path> into) throws IOException, SQLException {
        if (into.isPresent()) {
            SqliteFiles.copy(connection, into.get(), new SqliteFiles.SameAsSource());
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("VACUUM");
            // the rewritten pages sit in the WAL until checkpointed; fold them in so the file shrinks now
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    @Override
    public long spaceToCompact(long size, boolean into) {
        // in place, the new pages go through the WAL and SQLite may build a temporary copy as well
        return into ? size : 2 * size;
    }

    @Override
    public long sizeBytes(Database database) {
        Path wal = new SqliteFile(file).wal();
        return sizeOf(file) + (Files.exists(wal) ? sizeOf(wal) : 0L);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setString(index, value == null ? null : INSTANT_TEXT.format(value.truncatedTo(ChronoUnit.MICROS)));
    }

    @Override
    public Instant getInstant(ResultSet rows, String column) throws SQLException {
        String text = rows.getString(column);
        return text == null ? null : parseInstant(text);
    }

    /** The fixed-width form this dialect writes, parsed without a formatter (hot in migrations). */
    static Instant parseInstant(String text) {
        if (text.length() != 27 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.'
                || text.charAt(26) != 'Z') {
            return Instant.parse(text);
        }
        try {
            java.time.LocalDateTime t = java.time.LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7),
                    digits(text, 8, 10), digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19),
                    digits(text, 20, 26) * 1000);
            return t.toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            throw e;
        } catch (java.time.DateTimeException e) {
            // the same exception Instant.parse throws for an impossible date such as month 13
            throw new java.time.format.DateTimeParseException(e.getMessage(), text, 0, e);
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new java.time.format.DateTimeParseException("not a digit at " + i, text, i);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    @Override
    public String jsonPlaceholder() {
        return "?";
    }

    /** SQLite has no server: a failure is never a lost connection (a busy database waits in busy_timeout). */
    @Override
    public boolean connectionLost(SQLException failure) {
        return false;
    }

    @Override
    public RowWriter rowWriter(Connection connection, LedgerTables.Table table, int batchSize) throws SQLException {
        return new SqliteInsertWriter(this, connection, table, batchSize);
    }

    @Override
    public Optional<RowSource> bulkReader(Connection connection, LedgerTables.Table table, String where)
            throws SQLException {
        return Optional.of(SqliteArrayReader.open(connection, table, where));
    }

    /** Nothing to set aside: SQLite's index upkeep is cheap next to its single writer. */
    @Override
    public BulkLoad startBulkLoad(Connection connection, List<LedgerTables.Table> tables) {
        return () -> { };
    }

    /** An {@code INTEGER PRIMARY KEY} always continues after the largest rowid: nothing to move. */
    @Override
    public void advanceIdentity(Connection connection, LedgerTables.Table table) {
        // SQLite picks max(rowid) + 1 by itself
    }

    /** {@code PRAGMA integrity_check} (or {@code quick_check}) and {@code foreign_key_check}, a line per finding. */
    @Override
    public List<String> integrityProblems(Connection connection, boolean thorough) throws SQLException {
        List<String> problems = new ArrayList<>();
        SqliteFiles.integrityProblems(connection, !thorough).forEach(p -> problems.add("integrity check: " + p));
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA foreign_key_check")) {
            while (r.next()) {
                problems.add(orphan(connection, r.getString(1), r.getLong(2), r.getString(3), r.getInt(4)));
            }
        }
        return problems;
    }

    private static String orphan(Connection c, String table, long rowid, String parent, int fkid) throws SQLException {
        String column = "?";
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA foreign_key_list(" + table + ")")) {
            while (r.next()) {
                if (r.getInt("id") == fkid) {
                    column = r.getString("from");
                }
            }
        }
        String value = "?";
        try (PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE rowid = ?")) {
            s.setLong(1, rowid);
            try (ResultSet r = s.executeQuery()) {
                value = r.next() ? r.getString(1) : "?";
            }
        }
        return table + " row " + rowid + ": " + column + " = " + value + " refers to a missing " + parent + " row";
    }

    @Override
    public List<CatalogTable> catalog(Connection connection) throws SQLException {
        return SqliteCatalog.read(connection);
    }

    @Override
    public void startReading(Connection connection) {
        // autocommit reads: each statement sees one snapshot, and no write lock is taken
    }

    @Override
    public void makeReadOnly(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA query_only = ON");
        }
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
