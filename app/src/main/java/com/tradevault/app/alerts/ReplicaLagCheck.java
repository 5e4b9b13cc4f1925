package com.tradevault.app.alerts;

import com.tradevault.backup.replica.ReplicaStatus;
import com.tradevault.core.TradevaultException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The replica's lag as an alert condition: raised when the replica is more than
 * {@code replica.max-lag} behind the ledger, or cannot be read (the replicator never ran, the
 * folder is gone), recovered once when it has caught up. Reading the replica's position and the
 * ledger's log are file reads, so the check runs at most every {@link #EVERY}, not at every scan.
 */
public final class ReplicaLagCheck {

    /** The least time between two reads of the replica's position. */
    public static final Duration EVERY = Watching.SLOW_CHECKS_EVERY;
    /** No replica configured: nothing is ever checked. */
    public static final ReplicaLagCheck NONE = new ReplicaLagCheck(null, Duration.ZERO, Clock.systemUTC());

    private final Supplier<ReplicaStatus> status;
    private final Duration maxLag;
    private final Clock clock;
    private Instant lastChecked = Instant.MIN;

    /** Checks {@code status} (which throws a {@link TradevaultException} when the replica cannot be read). */
    public ReplicaLagCheck(Supplier<ReplicaStatus> status, Duration maxLag, Clock clock) {
        this.status = status;
        this.maxLag = maxLag;
        this.clock = clock;
    }

    /** The alert (raised or recovered) when a check is due, else empty; never throws. */
    Optional<Alert> due() {
        Instant now = clock.instant();
        if (status == null || Duration.between(lastChecked, now).compareTo(EVERY) < 0) {
            return Optional.empty();
        }
        lastChecked = now;
        try {
            ReplicaStatus s = status.get();
            return Optional.of(s.lagSeconds() > maxLag.toSeconds() ? Conditions.replicaLagging(s, maxLag)
                    : Conditions.replicaCaughtUp(s));
        } catch (TradevaultException e) {
            return Optional.of(Conditions.replicaUnreadable(e.getMessage(), maxLag));
        }
    }
}
