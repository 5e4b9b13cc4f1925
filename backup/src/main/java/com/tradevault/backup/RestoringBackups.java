package com.tradevault.backup;

import com.tradevault.backup.pgp.OpeningKey;
import com.tradevault.core.AtomicFiles;
import com.tradevault.core.OwnerOnly;
import com.tradevault.core.Outcome;
import com.tradevault.core.Progress;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.db.InstanceLock;
import com.tradevault.core.db.InterruptedRestore;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.SchemaMigrations;
import com.tradevault.core.db.sqlite.SqliteFile;
import com.tradevault.core.db.sqlite.SqliteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Restores a SQLite ledger from a backup. Refuses while the bot holds the
 * ledger (exit 5). Decrypts the snapshot to a temp file beside the ledger,
 * verifies it (MDC, SHA-256, integrity check, row counts, schema version),
 * and only then sets the current ledger aside ({@code tradevault.db.<UTC>.before-restore}
 * with its {@code -wal}) and renames the restored one over it, so that a crash
 * at any instant leaves the old or the new ledger in place; run again after a
 * crash, it finishes the job ({@link InterruptedRestore}). A backup that fails
 * any check leaves the current ledger as it was.
 * A PostgreSQL backup (a pg_dump) is decrypted, checked and written out for
 * {@code pg_restore}: tradevault never overwrites a PostgreSQL database.
 */
public final class RestoringBackups {

    private final OpeningDatabases opening;
    private final Clock clock;

    public RestoringBackups(OpeningDatabases opening, Clock clock) {
        this.opening = opening;
        this.clock = clock;
    }

    /**
     * What a restore did.
     *
     * @param restored the restored file (the ledger, or a pg_dump file to give to pg_restore)
     * @param setAside where the previous ledger went, if there was one
     * @param manifest the backup's manifest
     * @param schema   the restored ledger's schema version and this bundle's (SQLite)
     * @param isDump   whether the backup was a PostgreSQL dump that still has to be loaded with pg_restore
     */
    public record Report(Path restored, Optional<Path> setAside, Manifest manifest,
                         Optional<SchemaMigrations.Versions> schema, boolean isDump) {
    }

    /** Restores {@code backup} over the configured ledger, or to {@code to}. */
    public Report restore(Path backup, OpeningKey key, Optional<Path> to, Progress progress) {
        VerifyingBackups.requireFile(backup);
        Path target = to.map(p -> p.toAbsolutePath().normalize()).orElseGet(this::configuredFile);
        prepareDirectory(target.getParent());
        try (InstanceLock lock = SqliteFiles.lock(target)) {
            Path temp = AtomicFiles.tempBeside(target, "restore");
            removeWithCompanions(temp);
            try {
                Manifest manifest = BackupArchive.read(backup, key, Optional.of(temp), progress);
                Optional<Dialect> database = manifest.snapshotKind().database(temp);
                if (database.isEmpty()) {
                    return dump(temp, target, manifest, to.isPresent());
                }
                SnapshotCheck.Checked checked = SnapshotCheck.database(database.get(), backup, manifest, opening);
                AtomicFiles.fsync(temp);
                Optional<Path> aside = swap(temp, target, backup);
                return new Report(target, aside, manifest, Optional.of(checked.schema()), false);
            } finally {
                removeWithCompanions(temp);
            }
        } catch (IOException e) {
            throw new BackupProblem(Outcome.FAILURE, "restoring " + backup + " to " + target + " failed: " + e.getMessage(),
                    "check free space and permissions in " + target.getParent() + "; the current ledger is where it was", e);
        }
    }

    /**
     * Puts a restored ledger that was already verified ({@code temp}, beside
     * {@code target}) in place of {@code target} as a backup's restore does,
     * setting the current one aside; {@code source} is recorded in case of a crash.
     * Refuses while the bot holds the ledger (exit 5).
     */
    public Optional<Path> replaceLedger(Path temp, Path target, Path source) throws IOException {
        try (InstanceLock lock = SqliteFiles.lock(target)) {
            AtomicFiles.fsync(temp);
            return swap(temp, target, source);
        }
    }

    private Path configuredFile() {
        return opening.dialect().file().orElseThrow(() -> new BackupProblem(Outcome.BAD_USAGE, "the ledger is on "
                + opening.dialect().name() + " at " + opening.dialect().location()
                + "; tradevault restore does not overwrite a PostgreSQL database",
                "write the verified dump out with 'tradevault restore FILE --to ledger.pgdump', then load it with"
                        + " pg_restore into an empty database (docs/backup-restore.md)"));
    }

    private static Report dump(Path temp, Path target, Manifest manifest, boolean explicitTarget) throws IOException {
        if (!explicitTarget) {
            throw new BackupProblem(Outcome.BAD_USAGE, "this backup is a PostgreSQL dump; it cannot replace the SQLite"
                    + " ledger", "write it out with --to FILE.pgdump and load it with pg_restore (docs/backup-restore.md)");
        }
        if (Files.exists(target)) {
            throw new BackupProblem(Outcome.FAILURE, target + " already exists; refusing to overwrite it",
                    "choose another --to path");
        }
        AtomicFiles.fsync(temp);
        AtomicFiles.moveIntoPlace(temp, target);
        return new Report(target, Optional.empty(), manifest, Optional.empty(), true);
    }

    /**
     * Puts the verified {@code temp} in place of {@code target} so that a crash
     * at any instant leaves a ledger there, the old one or the restored one:
     * the mark goes down first; the current ledger and its WAL get a second
     * name ({@code tradevault.db.<UTC>.before-restore}, hard links, so the
     * ledger's own name never goes away); its WAL and shared memory are
     * removed (the WAL lives on under the set-aside name and must never meet
     * the restored file); one rename replaces the ledger; the mark goes. A
     * restore run again after a crash reuses the first set-aside copy, the
     * only one that is whole.
     */
    private Optional<Path> swap(Path temp, Path target, Path backup) throws IOException {
        Optional<InterruptedRestore.Mark> interrupted = InterruptedRestore.read(target);
        Optional<Path> aside = interrupted.flatMap(InterruptedRestore.Mark::aside).filter(Files::exists)
                .or(() -> Files.exists(target) ? Optional.of(asideName(target)) : Optional.empty());
        InterruptedRestore.begin(target, new InterruptedRestore.Mark(backup, aside));
        if (aside.isPresent() && !Files.exists(aside.get())) {
            linkAside(target, aside.get());
        }
        removeCompanions(target, aside.isEmpty());
        AtomicFiles.moveIntoPlace(temp, target);
        InterruptedRestore.finish(target);
        return aside;
    }

    private Path asideName(Path target) {
        return target.resolveSibling(target.getFileName() + "." + AtomicFiles.stamp(clock.instant()) + ".before-restore");
    }

    /** A second name for the ledger and its WAL: a hard link where the file system allows, else an fsynced copy. */
    private static void linkAside(Path target, Path aside) throws IOException {
        SqliteFile from = new SqliteFile(target);
        SqliteFile to = new SqliteFile(aside);
        linkOrCopy(from.wal(), to.wal());
        linkOrCopy(from.path(), to.path());
        AtomicFiles.fsyncDirectory(target.getParent());
    }

    private static void linkOrCopy(Path from, Path to) throws IOException {
        if (Files.exists(from)) {
            try {
                Files.createLink(to, from);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(from, to);
                AtomicFiles.fsync(to);
            }
        }
    }

    /**
     * Removes the ledger's {@code -wal} and {@code -shm} (their data is in the
     * set-aside copy); without a ledger, a WAL is an orphan and is set aside as such.
     */
    private void removeCompanions(Path target, boolean orphaned) throws IOException {
        if (orphaned) {
            removeStaleCompanions(target);
            return;
        }
        for (Path companion : new SqliteFile(target).companions()) {
            Files.deleteIfExists(companion);
        }
        AtomicFiles.fsyncDirectory(target.getParent());
    }

    /** A WAL without its database would be applied to the restored file: set it aside as well. */
    private void removeStaleCompanions(Path target) throws IOException {
        for (Path companion : new SqliteFile(target).existingCompanions()) {
            AtomicFiles.setAside(companion, clock.instant(), "orphaned");
        }
    }

    private static void prepareDirectory(Path dir) {
        try {
            OwnerOnly.createFolders(dir);
        } catch (IOException e) {
            throw new BackupProblem(Outcome.FAILURE, "cannot create " + dir + ": " + e.getMessage(),
                    "create it and let the user running tradevault write to it");
        }
    }

    private static void removeWithCompanions(Path temp) {
        new SqliteFile(temp).withCompanions().forEach(AtomicFiles::deleteQuietly);
    }
}
