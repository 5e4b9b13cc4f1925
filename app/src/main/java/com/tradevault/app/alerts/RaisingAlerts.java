package com.tradevault.app.alerts;

import com.tradevault.app.ledger.LedgerSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes alerts into the outbox, inside the caller's ledger transaction, so
 * that an alert exists exactly when its event does. No flood: a raised
 * condition is written again only after {@code alerts.repeat-after}; its
 * recovery only when it was raised, so once. Every alert is also logged.
 * After the transaction commits, {@link #wake()} lets the delivery start at once.
 */
public final class RaisingAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(RaisingAlerts.class);

    /** Raising that goes nowhere: for commands that run no delivery, and tests. */
    public static final RaisingAlerts NONE = new RaisingAlerts(Duration.ofDays(1), Clock.systemUTC(), () -> { });

    private final Duration repeatAfter;
    private final Clock clock;
    private final Runnable wake;

    public RaisingAlerts(Duration repeatAfter, Clock clock, Runnable wake) {
        this.repeatAfter = repeatAfter;
        this.clock = clock;
        this.wake = wake;
    }

    /** Writes {@code alert} (state RAISED) unless the same condition was raised less than repeat-after ago. */
    public boolean raise(LedgerSession s, Alert alert) {
        Instant now = clock.instant();
        Optional<OutboxEntry> last = s.lastAlert(alert.condition());
        boolean recent = last.filter(e -> e.alert().state() == Alert.State.RAISED)
                .filter(e -> Duration.between(e.createdAt(), now).compareTo(repeatAfter) < 0).isPresent();
        return !recent && write(s, alert, now);
    }

    /** Writes the recovery {@code alert} when its condition is raised now; false when there is nothing to end. */
    public boolean recover(LedgerSession s, Alert alert) {
        boolean raised = s.lastAlert(alert.condition()).filter(e -> e.alert().state() == Alert.State.RAISED)
                .isPresent();
        return raised && write(s, alert, clock.instant());
    }

    /** Writes a one-off {@code alert}. */
    public void notice(LedgerSession s, Alert alert) {
        write(s, alert, clock.instant());
    }

    /** Tells the delivery that the outbox has news; call it after the transaction committed. */
    public void wake() {
        wake.run();
    }

    private static boolean write(LedgerSession s, Alert alert, Instant now) {
        long id = s.insertAlert(alert, now);
        if (alert.severity() == Severity.INFO) {
            LOG.info("alert {} ({}): {}; next step: {}", id, alert.event(), alert.title(), alert.nextStep());
        } else {
            LOG.warn("alert {} ({}, {}): {}: {}; next step: {}", id, alert.event(), alert.severityName(),
                    alert.title(), alert.detail(), alert.nextStep());
        }
        return true;
    }
}
