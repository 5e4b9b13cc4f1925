package com.tradevault.core.db.sqlite;

import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.BulkCopy;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.db.InstanceLock;
import com.tradevault.core.db.Maintenance;
import com.tradevault.core.db.OwnChecks;
import com.tradevault.core.db.Sessions;
import com.tradevault.core.db.SnapshotKind;
import com.tradevault.core.db.ValueBinding;
import com.tradevault.core.key.ResolvedKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * SQLite and SQLCipher 4 (through SQLite3MultipleCiphers): WAL,
 * {@code synchronous=FULL}, foreign keys, a busy timeout and
 * {@code BEGIN IMMEDIATE} for every write transaction.
 */
public final class SqliteDialect implements Dialect {

    private static final SqliteSessions SESSIONS = new SqliteSessions();
    private static final SqliteValues VALUES = new SqliteValues();
    private static final SqliteChecks CHECKS = new SqliteChecks();
    private static final SqliteBulkCopy BULK_COPY = new SqliteBulkCopy(VALUES);

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

    @Override
    public Sessions sessions() {
        return SESSIONS;
    }

    @Override
    public ValueBinding values() {
        return VALUES;
    }

    @Override
    public OwnChecks checks() {
        return CHECKS;
    }

    @Override
    public Maintenance maintenance() {
        return maintenance;
    }

    @Override
    public BulkCopy bulkCopy() {
        return BULK_COPY;
    }
}
