package com.tradevault.core.db.sqlite;

import com.tradevault.core.AtomicFiles;
import com.tradevault.core.Outcome;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Maintenance;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.DatabaseProblem;
import com.tradevault.core.db.RowCounts;
import com.tradevault.core.db.Snapshot;
import com.tradevault.core.key.ResolvedKey;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whole copies of a SQLite file and its compaction: the snapshot set aside
 * before a migration, the backup's consistent copy (the file and its WAL
 * copied as bytes, then recovered and checked), {@code VACUUM} in place or
 * into a new file.
 */
final class SqliteMaintenance implements Maintenance {

    private final Path file;

    SqliteMaintenance(Path file) {
        this.file = file;
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
            Map<String, Long> counts = recover(new SqliteDialect(temp), copySettings, key);
            AtomicFiles.fsync(temp);
            AtomicFiles.moveIntoPlace(temp, target);
            SqliteDialect copy = new SqliteDialect(target.toAbsolutePath().normalize());
            return new Snapshot(counts, () -> check(copy, copySettings, key));
        } finally {
            WalFileCopy.deleteQuietly(temp);
        }
    }

    /** Opens a fresh copy, which recovers it from its log, folds the log into the file; returns its row counts. */
    private static Map<String, Long> recover(SqliteDialect copy, DbSettings settings, Optional<ResolvedKey> key)
            throws SQLException {
        try (Database db = copy.open(settings, key, false); Connection c = db.connect();
             Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            return RowCounts.of(c);
        }
    }

    private static void check(SqliteDialect copy, DbSettings settings, Optional<ResolvedKey> key) throws SQLException {
        try (Database db = copy.open(settings, key, false); Connection c = db.connect()) {
            List<String> problems = SqliteFiles.integrityProblems(c, false);
            if (!problems.isEmpty()) {
                String shown = String.join("; ", problems.subList(0, Math.min(3, problems.size())));
                throw new DatabaseProblem(Outcome.INTEGRITY_PROBLEM, "the ledger is damaged: its snapshot "
                        + copy.location() + " failed its integrity check (" + shown + "); no backup was written",
                        DatabaseProblem.RESTORE_STEP);
            }
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
}
