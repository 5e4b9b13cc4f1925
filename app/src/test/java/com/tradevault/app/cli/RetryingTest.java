package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tradevault.backup.BackupProblem;
import com.tradevault.backup.replica.ReplicaLogReleased;
import com.tradevault.core.Outcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The replicator's loop: a failing replica is said once, retried, and its recovery said once; a human's problem ends it. */
class RetryingTest {

    private final StringWriter err = new StringWriter();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T05:00:00Z"), ZoneOffset.UTC);

    @Test
    void aFullReplicaDiskIsSaidOnceRetriedAndItsRecoverySaidOnce() {
        AtomicInteger cycles = new AtomicInteger();
        Retrying retrying = new Retrying("sftp://r@host:22/srv/r", new PrintWriter(err, true), clock);
        assertThrows(Stop.class, () -> retrying.loop(() -> {
            int n = cycles.incrementAndGet();
            if (n >= 2 && n <= 4) {
                throw new IOException("the server answered SSH_FX_FAILURE (Failure): is its disk full?");
            }
            if (n == 6) {
                throw new Stop();
            }
        }, Duration.ofMillis(1)));
        assertEquals("error: cannot write the replica sftp://r@host:22/srv/r: IOException: the server answered"
                + " SSH_FX_FAILURE (Failure): is its disk full?; retrying every 5 s (the bot goes on; the ledger keeps"
                + " every frame not yet shipped, up to replica.max-held-log)\n"
                + "next: free space on the replica's disk (df on the server); the replicator catches up by itself\n"
                + "replica sftp://r@host:22/srv/r written again after 0 s: everything committed meanwhile was shipped\n",
                err.toString());
    }

    @Test
    void aLogLetGoIsSaidAndTheRecoverySaysANewGenerationBegan() {
        AtomicInteger cycles = new AtomicInteger();
        Retrying retrying = new Retrying("sftp://r@host:22/srv/r", new PrintWriter(err, true), clock);
        assertThrows(Stop.class, () -> retrying.loop(() -> {
            int n = cycles.incrementAndGet();
            if (n == 2 || n == 4) {
                throw new IOException("timeout");
            }
            if (n == 3) {
                throw new ReplicaLogReleased(512L << 20, new IOException("timeout"));
            }
            if (n == 6) {
                throw new Stop();
            }
        }, Duration.ofMillis(1)));
        assertEquals("error: cannot write the replica sftp://r@host:22/srv/r: IOException: timeout; retrying every 5 s"
                + " (the bot goes on; the ledger keeps every frame not yet shipped, up to replica.max-held-log)\n"
                + "next: check that the replica's server is up and reachable; the replicator catches up by itself\n"
                + "error: the ledger's log reached replica.max-held-log (512 MiB) while the replica could not be"
                + " written (timeout): the replicator let it go so it stops growing; the replica misses what is"
                + " committed until it can be written again, and then begins a new generation with a snapshot\n"
                + "next: check that the replica's server is up and reachable; or raise replica.max-held-log if the"
                + " server has the room (docs/backup-restore.md)\n"
                + "replica sftp://r@host:22/srv/r written again after 0 s: a new generation began with a snapshot of"
                + " the ledger as it is now (the replica holds no point from when the log was let go until then)\n",
                err.toString());
    }

    @Test
    void aChangedHostKeyEndsTheLoop() {
        BackupProblem hostKey = new BackupProblem(Outcome.KEY_PROBLEM, "host key changed", "check it");
        Retrying retrying = new Retrying("sftp://r@host:22/srv/r", new PrintWriter(err, true), clock);
        assertSame(hostKey, assertThrows(BackupProblem.class, () -> retrying.loop(() -> {
            throw hostKey;
        }, Duration.ofMillis(1))));
        assertEquals("", err.toString());
    }

    /** Ends a test's loop. */
    private static final class Stop extends RuntimeException {
    }
}
