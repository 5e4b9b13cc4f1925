package com.tradevault.app.cli;

import com.tradevault.backup.replica.ReplicaLogReleased;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The replicator's loop: a cycle every poll. A cycle that fails for a reason
 * that can pass (the network, the replica's disk) is tried again with a pause
 * growing to {@link #LONGEST_PAUSE}; the failure is said once, with what to do,
 * and so is the recovery. A problem only a human can fix (configuration, a
 * changed host key: a {@code TradevaultException}) is not caught and ends the loop.
 */
final class Retrying {

    /** What one cycle does. */
    interface Cycle {
        void run() throws IOException, SQLException;
    }

    static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final String location;
    private final PrintWriter err;
    private final Clock clock;
    private Instant failingSince;
    /** The log was let go during this failure: the recovery begins a new generation, not a catch-up. */
    private boolean released;

    Retrying(String location, PrintWriter err, Clock clock) {
        this.location = location;
        this.err = err;
        this.clock = clock;
    }

    /** Runs cycles until the thread is interrupted or a problem needs a human. */
    void loop(Cycle cycle, Duration poll) throws InterruptedException {
        Duration pause = poll;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                cycle.run();
                recovered();
                pause = poll;
            } catch (IOException | SQLException e) {
                failed(e);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
            Thread.sleep(pause.toMillis());
        }
    }

    private void failed(Exception e) {
        if (e instanceof ReplicaLogReleased) {
            released = true;
            failingSince = failingSince == null ? clock.instant() : failingSince;
            err.println("error: " + e.getMessage());
            err.println("next: " + next(e) + "; or raise replica.max-held-log if the server has the room"
                    + " (docs/backup-restore.md)");
            err.flush();
            return;
        }
        if (failingSince != null) {
            return;
        }
        failingSince = clock.instant();
        err.println("error: cannot write the replica " + location + ": " + cause(e) + "; retrying every "
                + LONGEST_PAUSE.toSeconds() + " s (the bot goes on; the ledger keeps every frame not yet shipped, up to"
                + " replica.max-held-log)");
        err.println("next: " + next(e) + "; the replicator catches up by itself");
        err.flush();
    }

    private void recovered() {
        if (failingSince == null) {
            return;
        }
        err.println("replica " + location + " written again after "
                + Duration.between(failingSince, clock.instant()).toSeconds() + " s: " + (released
                ? "a new generation began with a snapshot of the ledger as it is now (the replica holds no point"
                        + " from when the log was let go until then)"
                : "everything committed meanwhile was shipped"));
        err.flush();
        failingSince = null;
        released = false;
    }

    private static String next(Exception e) {
        return diskFull(e) ? "free space on the replica's disk (df on the server)"
                : "check that the replica's server is up and reachable";
    }

    private static boolean diskFull(Exception e) {
        String m = String.valueOf(e instanceof ReplicaLogReleased ? e.getCause().getMessage() : e.getMessage());
        return m.contains("No space left") || m.contains("disk full");
    }

    private static String cause(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
