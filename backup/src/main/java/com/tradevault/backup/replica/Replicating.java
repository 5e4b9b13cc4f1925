package com.tradevault.backup.replica;

import com.tradevault.backup.BackupProblem;
import com.tradevault.core.AtomicFiles;
import com.tradevault.core.Outcome;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Ships the SQLite ledger's committed WAL frames to a replica as they are
 * committed, without decrypting them: each start, and then every
 * {@code replica.snapshot-interval}, begins a generation with a snapshot, then
 * numbered segments follow without gaps; the newest
 * {@code replica.retention.generations} generations are kept.
 *
 * <p>No frame is lost to a checkpoint or a log restart: a read transaction is
 * held at every instant (the next one is opened before the previous one ends),
 * and a checkpoint never copies frames past a reader's snapshot nor restarts
 * the log under it, so the log can only restart once every frame in it was
 * shipped; the new incarnation (new salts) is then shipped from its first
 * frame. Readers never block the bot's writes.
 */
public final class Replicating {

    private final OpeningDatabases opening;
    private final ReplicaSettings settings;
    private final ReplicaStore store;
    private final Clock clock;

    public Replicating(OpeningDatabases opening, ReplicaSettings settings, ReplicaStore store, Clock clock) {
        this.opening = opening;
        this.settings = settings;
        this.store = store;
        this.clock = clock;
    }

    /** Starts a new generation: refuses a PostgreSQL or unencrypted ledger; ships the first snapshot. */
    public ReplicaSession start() {
        Path ledger = opening.dialect().file().orElseThrow(Replicating::postgres);
        Database db = opening.openExisting();
        try {
            if (!db.encrypted() || opening.key().isEmpty()) {
                throw new BackupProblem(Outcome.BAD_USAGE, "the ledger " + ledger + " is not encrypted; the replica"
                        + " would hold plaintext", "encrypt it first with 'tradevault db encrypt' (docs/encryption.md)");
            }
            ReplicaSession session = new ReplicaSession(db, ledger, store, ReplicaKey.derivedFrom(
                    opening.key().get().key()), this::generationName, settings, clock);
            session.begin();
            return session;
        } catch (IOException | SQLException | RuntimeException e) {
            db.close();
            throw e instanceof BackupProblem p ? p : failed(e);
        }
    }

    private String generationName() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return AtomicFiles.stamp(clock.instant()) + "-" + HexFormat.of().formatHex(random);
    }

    private BackupProblem failed(Exception e) {
        return new BackupProblem(Outcome.FAILURE, "replicating to " + store.location() + " failed: " + e.getMessage(),
                "check that the replica is reachable and has free space, then start 'tradevault replicate' again"
                        + " (it begins a new generation)", e);
    }

    /** The refusal for a PostgreSQL ledger, with the pointer to its own WAL archiving. */
    public static BackupProblem postgres() {
        return new BackupProblem(Outcome.BAD_USAGE, "the ledger is on PostgreSQL; tradevault replicate ships only a"
                + " SQLite ledger's WAL", "use PostgreSQL's own WAL archiving and streaming replication, as"
                + " docs/postgres-upgrade.md describes (section 'Continuous archiving')");
    }
}
