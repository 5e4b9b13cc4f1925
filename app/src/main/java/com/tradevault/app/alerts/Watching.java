package com.tradevault.app.alerts;

import com.tradevault.app.bot.BotWatch;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.orders.StopCoverage;
import com.tradevault.app.reconciliation.Finding;
import com.tradevault.app.reconciliation.Reconciliation;
import com.tradevault.app.trading.Position;
import com.tradevault.backup.BackupCatalog;
import com.tradevault.backup.BackupEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the running bot for what needs its owner, and raises (and
 * recovers) the alerts: a position without a live stop, a reconciliation
 * that did not settle or found what a human must look at, the exchange down
 * longer than {@code alerts.exchange-down-after}, no backup for longer than
 * {@code alerts.backup-overdue-after}, free disk below
 * {@code alerts.min-free-disk}, the replica behind by more than
 * {@code replica.max-lag}, a
 * restart after a crash; and the daily summary. The conditions that read files
 * are checked at most every {@link #SLOW_CHECKS_EVERY}.
 */
public final class Watching implements BotWatch, Reconciliation.ReportHook {

    private static final Logger LOG = LoggerFactory.getLogger(Watching.class);
    /** Marks a run in progress; found at the next start, it means the last run did not stop cleanly. */
    static final String RUNNING = "alerts:run-in-progress";
    static final String FIRST_START = "alerts:first-start";
    /** Reconciliation findings that no retry settles: a human decides. */
    private static final Set<Finding.Kind> HUMAN = EnumSet.of(Finding.Kind.UNKNOWN_ORDER,
            Finding.Kind.EXTRA_LEDGER_FILLS, Finding.Kind.BALANCE_MISMATCH, Finding.Kind.STOP_REFUSED,
            Finding.Kind.MARKET_THROUGH_STOP);

    private final Ledger ledger;
    private final RaisingAlerts raising;
    private final AlertSettings settings;
    private final Clock clock;
    private final Path dataDir;
    private final BackupCatalog backups;
    private final DailySummary summary;
    /**
     * The least time between two checks of the conditions that read files (free disk, the backup
     * folder, the replica): at a scan a second they would otherwise cost a directory listing and a
     * statvfs every second for news that matters in minutes.
     */
    public static final Duration SLOW_CHECKS_EVERY = Duration.ofSeconds(10);

    private ReplicaLagCheck replica = ReplicaLagCheck.NONE;
    private Instant slowCheckedAt = Instant.MIN;
    private Instant exchangeDownSince;
    private String exchangeWhy = "";

    public Watching(Ledger ledger, RaisingAlerts raising, AlertSettings settings, Clock clock, Path dataDir,
                    Path backupDir) {
        this.ledger = ledger;
        this.raising = raising;
        this.settings = settings;
        this.clock = clock;
        this.dataDir = dataDir;
        this.backups = new BackupCatalog(backupDir);
        this.summary = new DailySummary(settings.dailySummaryAt(), clock, backups);
    }

    /** Watches the replica's lag too (in the scan's own transaction, when a check is due). */
    public Watching watchingReplica(ReplicaLagCheck check) {
        this.replica = check;
        return this;
    }

    @Override
    public void started() {
        safely("the start", s -> {
            if (s.keyValue(RUNNING).isPresent()) {
                raising.notice(s, Conditions.restartedAfterCrash());
            }
            s.putKeyValue(RUNNING, clock.instant().toString(), clock.instant());
            if (s.keyValue(FIRST_START).isEmpty()) {
                s.putKeyValue(FIRST_START, clock.instant().toString(), clock.instant());
            }
        });
    }

    @Override
    public void stopped() {
        safely("the stop", s -> s.removeKeyValue(RUNNING));
    }

    @Override
    public void exchangeFailed(String why) {
        if (exchangeDownSince == null) {
            exchangeDownSince = clock.instant();
        }
        exchangeWhy = why;
        if (Duration.between(exchangeDownSince, clock.instant()).compareTo(settings.exchangeDownAfter()) >= 0) {
            safely("the exchange", this::exchange);
        }
    }

    @Override
    public void exchangeAnswered() {
        if (exchangeDownSince != null) {
            Duration down = Duration.between(exchangeDownSince, clock.instant());
            exchangeDownSince = null;
            safely("the exchange's recovery", s -> raising.recover(s, Conditions.exchangeBack(down)));
        }
    }

    @Override
    public void scanned() {
        Optional<Alert> replicaLag = replica.due();
        boolean slow = slowChecksDue();
        safely("the conditions", s -> {
            coverage(s);
            exchange(s);
            if (slow) {
                disk(s);
                backup(s);
            }
            replicaLag.ifPresent(a -> raiseOrRecover(s, a));
            summary.sendIfDue(s, raising);
        });
    }

    private boolean slowChecksDue() {
        Instant now = clock.instant();
        if (Duration.between(slowCheckedAt, now).compareTo(SLOW_CHECKS_EVERY) < 0) {
            return false;
        }
        slowCheckedAt = now;
        return true;
    }

    private void raiseOrRecover(LedgerSession s, Alert alert) {
        if (alert.state() == Alert.State.RECOVERED) {
            raising.recover(s, alert);
        } else {
            raising.raise(s, alert);
        }
    }

    @Override
    public void recorded(LedgerSession s, Reconciliation.Report report, List<String> entriesBlocked) {
        for (Finding f : report.first().findings()) {
            if (HUMAN.contains(f.kind())) {
                raising.raise(s, Conditions.needsHuman(f.subject(), f.kind().name(), f.message()));
            }
        }
        if (report.settled()) {
            raising.recover(s, Conditions.settled());
        } else {
            raising.raise(s, Conditions.unsettled(entriesBlocked));
        }
        coverage(s);
    }

    @Override
    public void committed() {
        raising.wake();
    }

    private void coverage(LedgerSession s) {
        StopCoverage c = StopCoverage.read(s);
        for (Position p : c.uncovered()) {
            raising.raise(s, Conditions.unprotected(p));
        }
        for (Position p : c.covered()) {
            raising.recover(s, Conditions.protectedAgain(p.symbol()));
        }
    }

    private void exchange(LedgerSession s) {
        if (exchangeDownSince == null) {
            return;
        }
        Duration down = Duration.between(exchangeDownSince, clock.instant());
        if (down.compareTo(settings.exchangeDownAfter()) >= 0) {
            raising.raise(s, Conditions.exchangeDown(down, exchangeWhy));
        }
    }

    /**
     * Free space by statvfs ({@code File.getUsableSpace}): {@code Files.getFileStore} reads the mount
     * table, which the service's sandbox hides ("Mount point not found" under systemd).
     */
    private void disk(LedgerSession s) {
        long free = dataDir.toFile().getUsableSpace();
        if (free == 0 && !Files.isDirectory(dataDir)) {
            LOG.warn("cannot read the free space under {}: it is not a directory", dataDir);
        } else if (free < settings.minFreeDisk()) {
            raising.raise(s, Conditions.diskLow(dataDir.toString(), free, settings.minFreeDisk()));
        } else {
            raising.recover(s, Conditions.diskOk(dataDir.toString(), free));
        }
    }

    private void backup(LedgerSession s) {
        Instant now = clock.instant();
        Optional<Instant> newest = newestBackup();
        Instant since = newest.or(() -> s.keyValue(FIRST_START).map(Instant::parse)).orElse(now);
        if (Duration.between(since, now).compareTo(settings.backupOverdueAfter()) > 0) {
            raising.raise(s, Conditions.backupOverdue(newest.map(t -> "The newest backup in " + backups.dir()
                    + " was taken at " + t + ".").orElse("There is no backup in " + backups.dir() + " yet."),
                    settings.backupOverdueAfter()));
        } else if (newest.isPresent()) {
            raising.recover(s, Conditions.backupBack());
        }
    }

    private Optional<Instant> newestBackup() {
        try {
            return backups.list().stream().map(BackupEntry::takenAt).max(Instant::compareTo);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Runs {@code work} in a transaction, then wakes the delivery; a failure is logged, never thrown at the bot. */
    private void safely(String what, java.util.function.Consumer<LedgerSession> work) {
        try {
            ledger.transaction(s -> {
                work.accept(s);
                return null;
            });
            raising.wake();
        } catch (RuntimeException e) {
            LOG.warn("alerts: could not check {} ({}); trying again at the next scan", what, e.getMessage());
        }
    }
}
