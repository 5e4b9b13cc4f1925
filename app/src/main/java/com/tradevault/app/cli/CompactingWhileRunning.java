package com.tradevault.app.cli;

import com.tradevault.app.retention.FoldingHistory;
import com.tradevault.core.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention the running bot applies itself every {@code retention.interval}:
 * on a thread of its own, in small transactions that take turns with the
 * trading loop's commits. Nothing runs when the interval is off.
 */
final class CompactingWhileRunning implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CompactingWhileRunning.class);
    /** The first compaction waits this long, so that the start and the first scans have the ledger to themselves. */
    static final Duration FIRST = Duration.ofMinutes(1);

    private final ScheduledExecutorService executor;

    private CompactingWhileRunning(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static CompactingWhileRunning start(FoldingHistory folding, Optional<Duration> interval) {
        return interval.map(every -> start(folding, FIRST, every)).orElseGet(() -> new CompactingWhileRunning(null));
    }

    static CompactingWhileRunning start(FoldingHistory folding, Duration first, Duration every) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tradevault-retention");
            t.setDaemon(true);
            return t;
        });
        Unbounded unbounded = new Unbounded();
        executor.scheduleWithFixedDelay(() -> runQuietly(folding, unbounded), first.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("compacting the ledger's history every {} (retention.interval)", Durations.format(every));
        return new CompactingWhileRunning(executor);
    }

    /** One compaction; a failure is logged and the next interval tries again (a batch is all or nothing). */
    private static void runQuietly(FoldingHistory folding, Unbounded unbounded) {
        try {
            FoldingHistory.Report r = folding.run();
            unbounded.warning(r, Instant.now()).ifPresent(LOG::warn);
            if (r.decisions().removed() + r.audit().removed() + r.packed().removed() > 0) {
                LOG.info("retention: folded {} decisions and {} audit entries, packed {} decisions, in {} ms",
                        r.decisions().removed(), r.audit().removed(), r.packed().removed(), r.took().toMillis());
            }
        } catch (RuntimeException e) {
            LOG.warn("retention: compaction failed, trying again in one interval: {}", e.getMessage());
        }
    }

    /**
     * The warning that retention has nothing to bound it (no verified backup and no usable
     * replica), said at the first compaction that finds it and then once a day, not at every
     * compaction (hourly by default).
     */
    static final class Unbounded {
        static final Duration AGAIN_AFTER = Duration.ofDays(1);
        static final String WARNING = "retention: nothing folded or packed, there is no verified backup in backup.dir"
                + " and no usable replica (take a backup: 'tradevault backup'); said again once a day while it lasts";

        private Instant said;

        Optional<String> warning(FoldingHistory.Report r, Instant now) {
            if (r.backup().isPresent() || r.replicated().isPresent()) {
                said = null;
                return Optional.empty();
            }
            if (said != null && now.isBefore(said.plus(AGAIN_AFTER))) {
                return Optional.empty();
            }
            said = now;
            return Optional.of(WARNING);
        }
    }

    /** Lets a batch in progress finish, then stops. */
    @Override
    public void close() throws InterruptedException {
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
