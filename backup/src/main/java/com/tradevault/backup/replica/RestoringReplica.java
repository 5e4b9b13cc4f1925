package com.tradevault.backup.replica;

import com.tradevault.backup.BackupProblem;
import com.tradevault.backup.RestoringBackups;
import com.tradevault.core.AtomicFiles;
import com.tradevault.core.Outcome;
import com.tradevault.core.OwnerOnly;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.Dialect;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.RowCounts;
import com.tradevault.core.db.sqlite.SqliteFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rebuilds the ledger from a replica: the newest generation's newest snapshot
 * (taken no later than {@code --at}), then every segment after it in order,
 * each authenticated, none missing; the result passes SQLite's integrity check
 * under the database key before the current ledger is set aside and it takes
 * its place. A missing or damaged file is refused by name and nothing changes.
 */
public final class RestoringReplica {

    private final OpeningDatabases opening;
    private final Clock clock;

    public RestoringReplica(OpeningDatabases opening, Clock clock) {
        this.opening = opening;
        this.clock = clock;
    }

    /**
     * What a restore from a replica did.
     *
     * @param restored  the ledger written
     * @param setAside  where the previous ledger went, if there was one
     * @param point     the time of the last segment (or snapshot) applied
     * @param segments  how many segments were replayed on the snapshot
     * @param rows      rows in the restored ledger
     */
    public record Report(Path restored, Optional<Path> setAside, Instant point, long segments, long rows) {
    }

    /** Restores from {@code store} as of its newest consistent point, or the last one at or before {@code at}. */
    public Report restore(ReplicaStore store, Optional<Instant> at, Optional<Path> to) {
        Path target = to.map(p -> p.toAbsolutePath().normalize()).orElseGet(() -> opening.dialect().file()
                .orElseThrow(Replicating::postgres));
        ReplicaKey key = ReplicaKey.derivedFrom(opening.key().orElseThrow(() -> new BackupProblem(Outcome.KEY_PROBLEM,
                "no database key is configured; the replica can only be read with the key of the ledger it copies",
                "provide the database key (docs/encryption.md)")).key());
        Path temp = AtomicFiles.tempBeside(target, "replica-restore");
        try {
            OwnerOnly.createFolders(target.getParent());
            Rebuilt rebuilt = new ReplicaChain(store, key, at).rebuild(temp);
            long rows = check(temp);
            Path source = Path.of(store.location().replace("file://", ""));
            Optional<Path> aside = new RestoringBackups(opening, clock).replaceLedger(temp, target, source);
            return new Report(target, aside, rebuilt.point(), rebuilt.segments(), rows);
        } catch (IOException e) {
            throw new BackupProblem(Outcome.FAILURE, "restoring from the replica " + store.location() + " to " + target
                    + " failed: " + e.getMessage(), "check free space and permissions in " + target.getParent()
                    + " and that the replica is reachable; the current ledger is where it was", e);
        } finally {
            new SqliteFile(temp).withCompanions().forEach(AtomicFiles::deleteQuietly);
        }
    }

    /** The point rebuilt: its time and the segments replayed. */
    record Rebuilt(Instant point, long segments) {
    }

    /** Opens the rebuilt file with the database key and runs the full integrity check; returns its row count. */
    private long check(Path file) {
        DbSettings settings = opening.settings().withUrl(new SqliteFile(file.toAbsolutePath()).url()).withEncryption(true);
        Dialect dialect = Dialect.forUrl(settings.url().reveal());
        try (Database db = dialect.open(settings, opening.key(), false); Connection c = db.connect()) {
            List<String> problems = dialect.checks().storageProblems(c, false).result().orElse(List.of());
            if (!problems.isEmpty()) {
                throw new BackupProblem(Outcome.INTEGRITY_PROBLEM, "the ledger rebuilt from the replica fails its"
                        + " integrity check: " + problems.get(0), "restore from an older time with --at, or from a"
                        + " backup ('tradevault restore FILE'); the current ledger is unchanged");
            }
            Map<String, Long> counts = RowCounts.of(c);
            return counts.values().stream().mapToLong(Long::longValue).sum();
        } catch (SQLException e) {
            throw new BackupProblem(Outcome.INTEGRITY_PROBLEM, "the ledger rebuilt from the replica cannot be read: "
                    + e.getMessage(), "restore from a backup ('tradevault restore FILE'); the current ledger is unchanged",
                    e);
        }
    }

    static void apply(Path file, ReplicaFile segment) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            WalLog.apply(c, segment.body(), segment.pageSize());
        }
    }
}
