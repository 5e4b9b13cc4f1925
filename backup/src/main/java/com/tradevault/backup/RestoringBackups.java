package com.tradevault.backup;

import com.tradevault.backup.pgp.OpeningKey;
import com.tradevault.setup.AtomicFiles;
import com.tradevault.setup.Outcome;
import com.tradevault.setup.db.InstanceLock;
import com.tradevault.setup.db.OpeningDatabases;
import com.tradevault.setup.db.SchemaMigrations;
import com.tradevault.setup.db.SqliteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;

/**
 * Restores a SQLite ledger from a backup. Refuses while the bot holds the
 * ledger (exit 5). Decrypts the snapshot to a temp file beside the ledger,
 * verifies it (MDC, SHA-256, integrity check, row counts, schema version),
 * and only then sets the current ledger aside ({@code tradevault.db.<UTC>.before-restore}
 * with its {@code -wal}/{@code -shm}) and moves the restored one in
 * atomically. A backup that fails any check leaves the current ledger as it was.
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
                if (!manifest.sqliteSnapshot()) {
                    return dump(temp, target, manifest, to.isPresent());
                }
                SnapshotCheck.Checked checked = SnapshotCheck.sqlite(temp, backup, manifest, opening);
                Optional<Path> aside = setAside(target);
                AtomicFiles.moveIntoPlace(temp, target);
                return new Report(target, aside, manifest, Optional.of(checked.schema()), false);
            } finally {
                removeWithCompanions(temp);
            }
        } catch (IOException e) {
            throw new BackupProblem(Outcome.FAILURE, "restoring " + backup + " to " + target + " failed: " + e.getMessage(),
                    "check free space and permissions in " + target.getParent() + "; the current ledger is where it was", e);
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
     * Moves the current ledger aside, then its {@code -wal} and {@code -shm} under
     * the matching names. The database goes first: if the process dies in
     * between, the ledger is visibly missing (the bot refuses to start) instead
     * of silently opening without its WAL; a WAL left without its database is
     * set aside as orphaned by the next restore, so it never meets the restored file.
     */
    private Optional<Path> setAside(Path target) throws IOException {
        if (!Files.exists(target)) {
            removeStaleCompanions(target);
            return Optional.empty();
        }
        Path aside = target.resolveSibling(target.getFileName() + "." + AtomicFiles.stamp(clock.instant()) + ".before-restore");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path from = target.resolveSibling(target.getFileName() + suffix);
            if (Files.exists(from)) {
                Files.move(from, aside.resolveSibling(aside.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        AtomicFiles.fsyncDirectory(target.getParent());
        return Optional.of(aside);
    }

    /** A WAL without its database would be applied to the restored file: set it aside as well. */
    private void removeStaleCompanions(Path target) throws IOException {
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path companion = target.resolveSibling(target.getFileName() + suffix);
            if (Files.exists(companion)) {
                AtomicFiles.setAside(companion, clock.instant(), "orphaned");
            }
        }
    }

    private static void prepareDirectory(Path dir) {
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new BackupProblem(Outcome.FAILURE, "cannot create " + dir + ": " + e.getMessage(),
                    "create it and let the user running tradevault write to it");
        }
    }

    private static void removeWithCompanions(Path temp) {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            AtomicFiles.deleteQuietly(temp.resolveSibling(temp.getFileName() + suffix));
        }
    }
}
