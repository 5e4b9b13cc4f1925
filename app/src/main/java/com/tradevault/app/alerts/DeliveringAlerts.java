package com.tradevault.app.alerts;

import com.tradevault.app.faults.CrashPoints;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: a thread beside the scan loop takes every due alert,
 * sends it to each channel that does not have it yet, and records the round
 * in the ledger. A channel that failed is tried again after
 * {@code alerts.retry-backoff}, doubled each round up to
 * {@code alerts.max-backoff}; a channel that took an alert never gets it
 * again. After a crash the next start delivers whatever is still pending.
 */
public final class DeliveringAlerts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveringAlerts.class);
    /** How often the outbox is looked at when nothing wakes the thread (a retry falling due). */
    private static final Duration IDLE_LOOK = Duration.ofSeconds(1);
    private static final int BATCH = 20;

    private final Ledger ledger;
    private final CrashPoints crashPoints;
    private final List<AlertChannel> channels;
    private final AlertSettings settings;
    private final Clock clock;
    private final Semaphore news = new Semaphore(0);
    private volatile boolean stopping;
    private Thread thread;

    public DeliveringAlerts(Ledger ledger, List<AlertChannel> channels, AlertSettings settings, Clock clock) {
        this(ledger, channels, settings, clock, CrashPoints.NONE);
    }

    /** The same, halting at {@code crashPoints} (the crash tests; {@link CrashPoints#NONE} otherwise). */
    public DeliveringAlerts(Ledger ledger, List<AlertChannel> channels, AlertSettings settings, Clock clock,
                            CrashPoints crashPoints) {
        this.crashPoints = crashPoints;
        this.ledger = ledger;
        this.channels = List.copyOf(channels);
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts the delivery thread (nothing when no channel is configured: alerts wait in the outbox). */
    public DeliveringAlerts start() {
        if (channels.isEmpty()) {
            LOG.info("no alert channel configured (alerts.webhook, alerts.telegram, alerts.email): alerts are"
                    + " logged and kept in the outbox ('tradevault alerts list')");
            return this;
        }
        thread = new Thread(this::loop, "tradevault-alerts");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** The outbox has news: deliver now rather than at the next look. */
    public void wake() {
        news.release();
    }

    private void loop() {
        while (!stopping) {
            try {
                deliverDue();
                news.tryAcquire(IDLE_LOOK.toMillis(), TimeUnit.MILLISECONDS);
                news.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (LedgerFailure e) {
                LOG.warn("alert delivery could not read or update the outbox ({}); trying again", e.getMessage());
            }
        }
    }

    /** One round: every due alert to every channel that lacks it; the number of alerts completed. */
    public int deliverDue() {
        if (channels.isEmpty()) {
            return 0;
        }
        // on the writer's connection: a read connection of its own is opened (and keyed) per call
        List<OutboxEntry> due = ledger.transaction(s -> s.dueAlerts(clock.instant(), BATCH));
        int completed = 0;
        for (OutboxEntry entry : due) {
            crashPoints.reach(CrashPoints.Point.BEFORE_ALERT_DELIVERY);
            completed += deliver(entry) ? 1 : 0;
        }
        return completed;
    }

    private boolean deliver(OutboxEntry entry) {
        Set<String> have = new HashSet<>(entry.deliveredTo());
        List<String> errors = new ArrayList<>();
        for (AlertChannel channel : channels) {
            if (have.contains(channel.name())) {
                continue;
            }
            try {
                channel.deliver(entry.alert(), entry.createdAt());
                have.add(channel.name());
            } catch (ChannelFailure e) {
                errors.add(e.getMessage());
            }
        }
        record(entry, have, errors);
        return errors.isEmpty();
    }

    private void record(OutboxEntry entry, Set<String> have, List<String> errors) {
        Instant now = clock.instant();
        int attempts = errors.isEmpty() ? entry.attempts() : entry.attempts() + 1;
        Instant next = errors.isEmpty() ? now : now.plus(backoff(attempts));
        ledger.transaction(s -> {
            s.recordAlertRound(entry.id(), have, errors.isEmpty() ? Optional.of(now) : Optional.empty(), attempts,
                    next, errors.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", errors)));
            return null;
        });
        if (errors.isEmpty()) {
            LOG.info("alert {} delivered ({})", entry.id(), String.join(", ", new java.util.TreeSet<>(have)));
        } else {
            LOG.warn("alert {} not delivered yet (attempt {}): {}; next attempt at {}", entry.id(), attempts,
                    String.join("; ", errors), next);
        }
    }

    /** retry-backoff doubled for each failed round, at most max-backoff. */
    Duration backoff(int attempts) {
        Duration d = settings.retryBackoff();
        for (int i = 1; i < attempts && d.compareTo(settings.maxBackoff()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
    }

    /** Stops the thread after a last round, so that an alert of the last scan still leaves before the exit. */
    @Override
    public void close() {
        stopping = true;
        if (thread == null) {
            return;
        }
        news.release();
        try {
            thread.join(settings.timeout().multipliedBy(2).toMillis());
            deliverDue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("last alert delivery before stopping failed ({}); the next start delivers what is pending",
                    e.getMessage());
        }
    }
}
