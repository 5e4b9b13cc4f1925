package com.tradevault.app.retention;

import com.tradevault.app.ledger.Folded;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.backup.BackupCatalog;
import com.tradevault.backup.BackupEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Retention of the ledger's history: folds runs of identical SKIP/HOLD
 * decisions older than {@code retention.decision-detail}, and of identical
 * audit entries older than {@code retention.audit-detail}, and (unless
 * {@code retention.decision-packs} is off) packs the SKIP and HOLD decisions
 * that are left, losslessly, into compressed decision packs (schema v10); in small transactions with pauses between them, so that
 * the bot's own commits wait at most one batch. Never
 * touches a row that is neither in the newest verified backup of
 * {@code backup.dir} (a backup file exists there only once it was verified)
 * nor shipped to the replica in a generation whose snapshot authenticates:
 * the later of the two bounds it, and with neither nothing is folded.
 */
public final class FoldingHistory {

    /** Rows read per transaction: a few milliseconds of the writer's time. */
    static final int BATCH = 500;
    /** The least pause between two batches, in which the bot's own commits take the writer. */
    static final Duration LEAST_PAUSE = Duration.ofMillis(5);
    /**
     * Rows decided this close before a backup started (or before the replicator recorded its
     * position) may have been committed after its snapshot (or the frames it shipped).
     */
    static final Duration BACKUP_MARGIN = Duration.ofMinutes(1);

    private final Ledger ledger;
    private final RetentionSettings settings;
    private final BackupCatalog backups;
    private final Supplier<Optional<Instant>> replicated;
    private final Clock clock;

    /** Bounded by the verified backups alone (no replica). */
    public FoldingHistory(Ledger ledger, RetentionSettings settings, BackupCatalog backups, Clock clock) {
        this(ledger, settings, backups, Optional::empty, clock);
    }

    /**
     * Bounded by the verified backups and by {@code replicated}: the instant up to which every
     * commit is in an authenticated replica generation (empty: no replica, or not usable now).
     */
    public FoldingHistory(Ledger ledger, RetentionSettings settings, BackupCatalog backups,
                          Supplier<Optional<Instant>> replicated, Clock clock) {
        this.ledger = ledger;
        this.settings = settings;
        this.backups = backups;
        this.replicated = replicated;
        this.clock = clock;
    }

    /** What one compaction did to one table. */
    public record Tally(Instant before, long read, long removed) {
    }

    /**
     * What a compaction did.
     *
     * @param backup     the newest verified backup; empty: none
     * @param replicated the point up to which the replica holds the ledger; empty: no usable replica
     * @param decisions the trade decisions folded
     * @param audit     the audit entries folded
     * @param packed    the decisions packed ({@code removed}: how many went into packs)
     * @param took      how long it took
     */
    public record Report(Optional<BackupEntry> backup, Optional<Instant> replicated, Tally decisions, Tally audit,
                         Tally packed, Duration took) {
    }

    /** Folds everything old enough and packs what is left, if already backed up or replicated, batch after batch. */
    public Report run() {
        Instant started = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Optional<BackupEntry> backup = backups.list().stream().findFirst();
        Optional<Instant> replica = replicated.get();
        Instant safe = latest(backup.map(b -> b.takenAt().minus(BACKUP_MARGIN)).orElse(Instant.MIN),
                replica.map(t -> t.minus(BACKUP_MARGIN)).orElse(Instant.MIN));
        Tally decisions = foldAll(earliest(started.minus(settings.decisionDetail()), safe), LedgerSession::foldDecisions);
        Tally audit = foldAll(earliest(started.minus(settings.auditDetail()), safe), LedgerSession::foldAudit);
        // packing keeps every decision whole, but it rewrites rows: like folding, only what is safe elsewhere
        Tally packed = foldAll(settings.decisionPacks() ? safe : Instant.MIN, LedgerSession::packDecisions);
        return new Report(backup, replica, decisions, audit, packed, Duration.between(started, clock.instant()));
    }

    /** One batch of one table. */
    @FunctionalInterface
    private interface Batch {
        Folded fold(LedgerSession session, Instant before, int limit, Instant now);
    }

    private Tally foldAll(Instant before, Batch batch) {
        long read = 0;
        long removed = 0;
        if (before.equals(Instant.MIN)) {
            return new Tally(before, 0, 0);
        }
        Folded f;
        long started;
        do {
            started = System.nanoTime();
            f = ledger.transaction(s -> batch.fold(s, before, BATCH, clock.instant()));
            read += f.read();
            removed += f.removed();
        } while (!f.done() && pausedAfter(Duration.ofNanos(System.nanoTime() - started)));
        return new Tally(before, read, removed);
    }

    /**
     * Leaves the writer to the bot for as long as the batch held it (at least
     * {@link #LEAST_PAUSE}), so that folding never takes more than half of the
     * writer's time and a commit waits at most one batch. False when
     * interrupted (the bot is stopping): the next compaction resumes.
     */
    private static boolean pausedAfter(Duration held) {
        try {
            Thread.sleep(Math.max(LEAST_PAUSE.toMillis(), held.toMillis()));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
