package com.tradevault.app.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.core.testing.MutableClock;
import com.tradevault.backup.BackupProblem;
import com.tradevault.backup.replica.ReplicaStatus;
import com.tradevault.core.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The replica-lag condition: over max-lag, unreadable, caught up; read at most every 10 s. */
class ReplicaLagCheckTest {

    private static final Instant T = Instant.parse("2026-12-06T05:00:00Z");

    private final MutableClock clock = new MutableClock(T);
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<ReplicaStatus> status = new AtomicReference<>(lag(0));

    private final ReplicaLagCheck check = new ReplicaLagCheck(() -> {
        reads.incrementAndGet();
        ReplicaStatus s = status.get();
        if (s == null) {
            throw new BackupProblem(Outcome.FAILURE, "the replica file:///r is empty", "start it");
        }
        return s;
    }, Duration.ofSeconds(10), clock);

    @Test
    void readsTheReplicaAtMostEveryTenSeconds() {
        assertTrue(check.due().isPresent());
        for (int scan = 0; scan < 9; scan++) {
            clock.advance(Duration.ofSeconds(1));
            assertTrue(check.due().isEmpty(), "scan " + scan);
        }
        clock.advance(Duration.ofSeconds(1));
        assertTrue(check.due().isPresent());
        assertEquals(2, reads.get());
    }

    @Test
    void overMaxLagRaisesAndCaughtUpRecovers() {
        status.set(lag(11));
        Alert raised = check.due().orElseThrow();
        assertEquals(Alert.State.RAISED, raised.state());
        assertEquals("replica-lag", raised.condition());
        assertEquals("The replica is 11 s behind the ledger", raised.title());

        clock.advance(ReplicaLagCheck.EVERY);
        status.set(lag(10));
        Alert recovered = check.due().orElseThrow();
        assertEquals(Alert.State.RECOVERED, recovered.state());
        assertEquals("replica-lag", recovered.condition());
        assertEquals("replica-ok", recovered.event());
    }

    @Test
    void aReplicaThatCannotBeReadRaisesWithTheReason() {
        status.set(null);
        Alert raised = check.due().orElseThrow();
        assertEquals(Alert.State.RAISED, raised.state());
        assertEquals("The replica cannot be checked", raised.title());
        assertTrue(raised.detail().startsWith("the replica file:///r is empty. "), raised.detail());
    }

    @Test
    void noReplicaConfiguredChecksNothing() {
        assertTrue(ReplicaLagCheck.NONE.due().isEmpty());
    }

    private static ReplicaStatus lag(long seconds) {
        return new ReplicaStatus("20261206T050000Z-00000000", 7, T.minusSeconds(seconds), T, seconds * 4096, seconds);
    }
}
