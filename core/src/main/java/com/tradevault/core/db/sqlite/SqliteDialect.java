package com.tradevault.core.db.sqlite;

import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.BackendCheck;
import com.tradevault.core.db.BulkLoad;
import com.tradevault.core.db.CatalogTable;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.db.InstanceLock;
import com.tradevault.core.db.LedgerTables;
import com.tradevault.core.db.RowSource;
import com.tradevault.core.db.RowWriter;
import com.tradevault.core.db.Snapshot;
import com.tradevault.core.db.SnapshotKind;
import com.tradevault.core.db.WriteTransactions;
import com.tradevault.core.key.ResolvedKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * SQLite and SQLCipher 4 (through SQLite3MultipleCiphers): WAL,
 * {@code synchronous=FULL}, foreign keys, a busy timeout and
 * {@code BEGIN IMMEDIATE} for every write transaction.
 */
public final class SqliteDialect implements Dialect {

    private static final SqliteChecks CHECKS = new SqliteChecks();
    private static final SqliteValues VALUES = new SqliteValues();

    private final Path file;
    private final SqliteOpening opening;
    private final SqliteMaintenance maintenance;

    public SqliteDialect(Path file) {
        this.file = file;
        this.opening = new SqliteOpening(this, file);
        this.maintenance = new SqliteMaintenance(file);
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
        return opening.open(settings, key, create);
    }

    @Override
    public WriteTransactions writeTransactions(Connection writer) throws SQLException {
        return new SqliteWriteTransactions(writer);
    }

    @Override
    public InstanceLock lockForWriting(Database database) {
        return SqliteFiles.lock(file);
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

    @Override
    public BackendCheck<List<String>> storageProblems(Connection connection, boolean quick) throws SQLException {
        return CHECKS.storageProblems(connection, quick);
    }

    @Override
    public List<String> quickCheck(Connection connection, List<String> tables) throws SQLException {
        return CHECKS.quickCheck(connection, tables);
    }

    @Override
    public BackendCheck<List<String>> foreignKeyProblems(Connection connection) throws SQLException {
        return CHECKS.foreignKeyProblems(connection);
    }

    @Override
    public BackendCheck<Long> readEveryPage(Connection connection) throws SQLException {
        return CHECKS.readEveryPage(connection);
    }

    @Override
    public List<String> integrityProblems(Connection connection, boolean thorough) throws SQLException {
        return CHECKS.integrityProblems(connection, thorough);
    }

    @Override
    public Optional<Path> snapshot(Database database, String label, Instant now) {
        return maintenance.snapshot(database, label, now);
    }

    @Override
    public String snapshotFileName() {
        return maintenance.snapshotFileName();
    }

    @Override
    public Snapshot writeSnapshot(Database database, DbSettings settings, Optional<ResolvedKey> key, Path target)
            throws IOException, SQLException {
        return maintenance.writeSnapshot(database, settings, key, target);
    }

    @Override
    public void compact(Connection connection, Optional<Path> into) throws IOException, SQLException {
        maintenance.compact(connection, into);
    }

    @Override
    public long spaceToCompact(long size, boolean into) {
        return maintenance.spaceToCompact(size, into);
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        VALUES.setInstant(statement, index, value);
    }

    @Override
    public Instant getInstant(ResultSet rows, String column) throws SQLException {
        return VALUES.getInstant(rows, column);
    }

    @Override
    public String jsonPlaceholder() {
        return VALUES.jsonPlaceholder();
    }
}
