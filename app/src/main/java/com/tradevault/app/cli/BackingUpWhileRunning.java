package com.tradevault.app.cli;

import com.tradevault.backup.ScheduledBackups;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups the running bot takes itself every {@code backup.interval}, for hosts
 * without systemd timers: on a thread of their own, beside the trading loop
 * (a backup is a reader and never stalls the bot's commits for long), one at a
 * time. Nothing runs when the interval is off.
 */
final class BackingUpWhileRunning implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackingUpWhileRunning.class);

    private final ScheduledExecutorService executor;

    private BackingUpWhileRunning(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static BackingUpWhileRunning start(ScheduledBackups backups) {
        return backups.interval().map(every -> start(backups, every)).orElseGet(() -> new BackingUpWhileRunning(null));
    }

    /** The first backup after {@code first}, then one every {@code backup.interval}. */
    static BackingUpWhileRunning start(ScheduledBackups backups, Duration first) {
        Duration every = backups.interval().orElseThrow();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tradevault-backups");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(backups::runOnce, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("taking a backup every {} (backup.interval)", com.tradevault.core.config.Durations.format(every));
        return new BackingUpWhileRunning(executor);
    }

    /** Lets a backup in progress finish (it is written atomically either way), then stops. */
    @Override
    public void close() throws InterruptedException {
        if (executor != null) {
            executor.shutdown();
            executor.awaitTermination(10, TimeUnit.MINUTES);
        }
    }
}
