package com.tradevault.backup;

import com.tradevault.backup.pgp.OpeningKey;
import com.tradevault.core.AtomicFiles;
import com.tradevault.core.OwnerOnly;
import com.tradevault.core.Outcome;
import com.tradevault.core.Progress;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.sqlite.SqliteFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks a backup file end to end without touching the ledger: decrypts it
 * (the MDC proves it is complete and unaltered), checks the snapshot's
 * SHA-256 against the manifest, and, for a SQLite snapshot, opens it with the
 * database key and runs the integrity check and the row counts. The
 * decrypted snapshot goes to a private temp folder in the data directory and
 * is removed afterwards.
 */
public final class VerifyingBackups {

    private final OpeningDatabases opening;

    public VerifyingBackups(OpeningDatabases opening) {
        this.opening = opening;
    }

    /**
     * What verification found.
     *
     * @param manifest      the backup's manifest
     * @param snapshotOpened whether the snapshot was opened and checked as a database (SQLite snapshots)
     * @param schemaVersion the snapshot's schema version
     */
    public record Report(Manifest manifest, boolean snapshotOpened, int schemaVersion) {
    }

    public Report verify(Path backup, OpeningKey key, Progress progress) {
        requireFile(backup);
        Path work = workDir();
        Path snapshot = work.resolve("snapshot");
        try {
            Manifest manifest = BackupArchive.read(backup, key, Optional.of(snapshot), progress);
            Optional<Dialect> database = manifest.snapshotKind().database(snapshot);
            if (database.isEmpty()) {
                return new Report(manifest, false, manifest.schemaVersion());
            }
            SnapshotCheck.Checked checked = SnapshotCheck.database(database.get(), backup, manifest, opening);
            return new Report(manifest, true, checked.schema().current());
        } finally {
            removeQuietly(work);
        }
    }

    static void requireFile(Path backup) {
        if (!Files.isRegularFile(backup)) {
            throw new BackupProblem(Outcome.BAD_USAGE, "no backup file at " + backup,
                    "list the backups with 'tradevault backups list'");
        }
    }

    private Path workDir() {
        Path dataDir = opening.settings().dataDir();
        try {
            OwnerOnly.createFolders(dataDir);
            return Files.createTempDirectory(dataDir, ".verify-",
                    OwnerOnly.folderMode());
        } catch (IOException e) {
            throw new BackupProblem(Outcome.FAILURE, "cannot create a work folder in " + dataDir + ": " + e.getMessage(),
                    "make the data directory writable for the user running tradevault");
        }
    }

    private static void removeQuietly(Path work) {
        new SqliteFile(work.resolve("snapshot")).withCompanions().forEach(AtomicFiles::deleteQuietly);
        AtomicFiles.deleteQuietly(work);
    }
}
