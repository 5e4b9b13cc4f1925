package com.tradevault.backup;

import com.tradevault.core.Progress;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups taken by the running bot itself, for hosts without systemd timers
 * ({@code backup.interval}). The bot's run loop owns the schedule: every
 * {@link #interval()} it calls {@link #runOnce()}, which takes a backup into
 * {@code backup.dir}, applies the retention, and never throws, so a failing
 * backup (full disk, missing key) is logged and the bot keeps trading.
 */
public final class ScheduledBackups {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackups.class);

    private final TakingBackups taking;
    private final BackupSettings settings;

    public ScheduledBackups(TakingBackups taking, BackupSettings settings) {
        this.taking = taking;
        this.settings = settings;
    }

    /** How often to call {@link #runOnce()}; empty when the bot should not back up by itself. */
    public Optional<Duration> interval() {
        return settings.interval();
    }

    /**
     * How one scheduled run went.
     *
     * @param ok      whether a verified backup was written
     * @param message one line for the log and the audit trail
     */
    public record Result(boolean ok, String message) {
    }

    /** Takes one backup and prunes old ones; never throws. */
    public Result runOnce() {
        try {
            TakingBackups.Report report = taking.take(Optional.empty(), Progress.NONE);
            Retention.Plan plan = new BackupCatalog(settings.dir()).prune(settings.retention(), false);
            String message = "backup " + report.file() + " written (" + report.bytes() + " bytes, "
                    + report.manifest().totalRows() + " rows" + (report.verifiedEndToEnd() ? ", verified" : "")
                    + "); " + plan.delete().size() + " old backup(s) pruned";
            LOG.info(message);
            return new Result(true, message);
        } catch (RuntimeException e) {
            LOG.error("scheduled backup failed: {}", e.getMessage(), e);
            return new Result(false, "scheduled backup failed: " + e.getMessage());
        }
    }
}
