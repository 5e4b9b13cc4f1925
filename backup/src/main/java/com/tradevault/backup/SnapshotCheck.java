package com.tradevault.backup;

import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.DatabaseProblem;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.RowCounts;
import com.tradevault.core.db.SchemaMigrations;
import com.tradevault.core.db.SnapshotKind;
import com.tradevault.core.key.KeyProblem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a snapshot taken out of a backup that is a database file (SQLite)
 * with the configured database key and checks it against its manifest:
 * integrity, row counts, and a schema this bundle can run.
 */
final class SnapshotCheck {

    private SnapshotCheck() {
    }

    /**
     * @param schema the snapshot's schema version and the bundle's
     */
    record Checked(SchemaMigrations.Versions schema) {
    }

    /** Checks the snapshot {@code dialect} opens ({@link SnapshotKind#database}), taken out of {@code backup}. */
    static Checked database(Dialect dialect, Path backup, Manifest manifest, OpeningDatabases opening) {
        DbSettings settings = opening.settings().withEncryption(manifest.snapshotEncrypted());
        try (Database db = open(dialect, settings, manifest, opening, backup); Connection c = db.connect()) {
            List<String> problems = dialect.checks().storageProblems(c, false).result().orElse(List.of());
            if (!problems.isEmpty()) {
                throw BackupArchive.damaged(backup, "its snapshot fails the integrity check: " + problems.get(0));
            }
            Map<String, Long> counts = RowCounts.of(c);
            if (!counts.equals(manifest.rowCounts())) {
                throw BackupArchive.damaged(backup, "its snapshot has rows " + counts + ", the manifest says "
                        + manifest.rowCounts());
            }
            SchemaMigrations.Versions versions = new SchemaMigrations(db).versions();
            if (versions.newer()) {
                throw new BackupProblem(Outcome.FAILURE, "backup " + backup + " holds schema v" + versions.current()
                        + ", newer than this bundle (v" + versions.latest() + ")",
                        "restore it with the tradevault version that wrote it (" + manifest.bundleVersion() + ")");
            }
            return new Checked(versions);
        } catch (SQLException e) {
            throw BackupArchive.damaged(backup, "its snapshot cannot be read: " + e.getMessage());
        }
    }

    private static Database open(Dialect dialect, DbSettings settings, Manifest manifest, OpeningDatabases opening,
                                 Path backup) {
        try {
            return dialect.open(settings, manifest.snapshotEncrypted() ? opening.key() : Optional.empty(), false);
        } catch (KeyProblem e) {
            String source = opening.key().map(k -> "the database key from " + k.source()).orElse("no database key");
            throw new KeyProblem("backup " + backup + " holds a ledger encrypted with a database key, and " + source
                    + " does not open it", "provide the key the ledger had when the backup was taken (after 'db rekey',"
                    + " older backups still need the old key); see docs/backup-restore.md");
        } catch (DatabaseProblem e) {
            if (e.outcome() != Outcome.INTEGRITY_PROBLEM) {
                // a full disk or an unwritable folder here says nothing about the backup: say what it is
                throw e;
            }
            throw BackupArchive.damaged(backup, "its snapshot does not open: " + e.getMessage());
        } catch (TradevaultException e) {
            throw BackupArchive.damaged(backup, "its snapshot does not open: " + e.getMessage());
        }
    }
}
