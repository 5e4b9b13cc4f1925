package com.tradevault.app.cli;

import com.tradevault.app.retention.FoldingHistory;
import com.tradevault.core.config.Durations;
import java.time.Duration;
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
        executor.scheduleWithFixedDelay(() -> runQuietly(folding), first.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("compacting the ledger's history every {} (retention.interval)", Durations.format(every));
        return new CompactingWhileRunning(executor);
    }

    /** One compaction; a failure is logged and the next interval tries again (a batch is all or nothing). */
    private static void runQuietly(FoldingHistory folding) {
        try {
            FoldingHistory.Report r = folding.run();
            if (r.backup().isEmpty()) {
                LOG.warn("retention: nothing folded, there is no verified backup yet (take one: 'tradevault backup')");
            } else if (r.decisions().removed() + r.audit().removed() + r.packed().removed() > 0) {
                LOG.info("retention: folded {} decisions and {} audit entries, packed {} decisions, in {} ms",
                        r.decisions().removed(), r.audit().removed(), r.packed().removed(), r.took().toMillis());
            }
        } catch (RuntimeException e) {
            LOG.warn("retention: compaction failed, trying again in one interval: {}", e.getMessage());
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
