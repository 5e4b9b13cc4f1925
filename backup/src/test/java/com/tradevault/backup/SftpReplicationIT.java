package com.tradevault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tradevault.backup.replica.ReplicaSession;
import com.tradevault.backup.replica.ReplicaStore;
import com.tradevault.backup.replica.ReplicaStores;
import com.tradevault.backup.replica.RestoringReplica;
import com.tradevault.backup.replica.SftpAccess;
import com.tradevault.core.Outcome;
import com.tradevault.core.testing.CuttableLink;
import com.tradevault.core.testing.OpenSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replication to a real SFTP server (Debian's OpenSSH sshd, started for the
 * test on a free port, behind a TCP link the test can cut): the round trip,
 * a network cut under load, a full replica disk, a damaged or missing
 * segment, an unknown or changed host key.
 */
class SftpReplicationIT {

    @TempDir
    Path dir;

    OpenSshServer sshd;
    CuttableLink link;
    Path mount;

    @BeforeEach
    void startServer() throws Exception {
        sshd = OpenSshServer.start(dir.resolve("sshd"));
        link = new CuttableLink(sshd.port());
    }

    @AfterEach
    void stopServer() throws Exception {
        link.close();
        sshd.close();
        if (mount != null) {
            Processes.run(List.of("umount", mount.toString()), Map.of(), null);
        }
    }

    private ReplicaStore store(Path folder, Duration timeout) throws IOException {
        return ReplicaStores.at(sshd.url(link.port(), folder), new SftpAccess(Optional.of(sshd.clientKey()),
                Optional.of(sshd.knownHostsFor(link.port())), timeout));
    }

    @Test
    void replicaOverSftpKeepsEveryCommitAcrossCheckpointsAndLogRestarts() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        f.addTrades(50);
        Writer writer = new Writer(f, 50);
        try (ReplicaStore store = store(dir.resolve("replica"), Duration.ofSeconds(10));
             ReplicaSession session = ReplicationTest.replicating(f, store).start()) {
            writer.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while ((writer.committed.get() < 300 || session.logRestarts() < 2) && System.nanoTime() < deadline) {
                session.cycle();
                Thread.sleep(20);
            }
            writer.stop();
            session.cycle();
            assertTrue(session.logRestarts() >= 2, "the log restarted under the replicator: " + session.logRestarts());
            assertEquals(writer.committed.get(), restoredOrders(f, store));
        }
        assertTrue(Files.list(dir.resolve("replica")).findFirst().isPresent(), "the files are on the server's disk");
    }

    @Test
    void aReplicaOverSftpKeepsItsFilesAndFoldersOwnerOnly() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        try (ReplicaStore store = store(dir.resolve("replica"), Duration.ofSeconds(10))) {
            ReplicationTest.replicaIsOwnerOnly(f, store, dir.resolve("replica"));
        }
    }

    @Test
    void networkCutNeverBlocksTheWriterAndLosesNothing() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        Writer writer = new Writer(f, 0);
        Duration timeout = Duration.ofSeconds(4);
        try (ReplicaStore store = store(dir.resolve("replica"), timeout);
             ReplicaSession session = ReplicationTest.replicating(f, store).start()) {
            writer.start();
            cycleFor(session, Duration.ofSeconds(2));
            link.cut();
            writer.slowestCommit.set(0);
            long beforeCut = writer.committed.get();
            int failures = cycleFor(session, timeout.multipliedBy(2));
            long slowestWhileCut = writer.slowestCommit.get();
            assertTrue(failures > 0, "cycles failed while the link was cut");
            assertTrue(writer.committed.get() > beforeCut + 20, "the writer went on: " + beforeCut + " -> "
                    + writer.committed.get());
            // a commit that waited on the network would have waited the whole timeout
            assertTrue(slowestWhileCut < timeout.toNanos(), "slowest commit while cut "
                    + slowestWhileCut / 1_000_000 + " ms");
            link.restore();
            writer.slowestCommit.set(0);
            cycleFor(session, Duration.ofSeconds(3));
            writer.stop();
            session.cycle(); // throws unless the replicator reconnected
            System.out.println("network cut: slowest commit " + slowestWhileCut / 1_000_000 + " ms while cut, "
                    + writer.slowestCommit.get() / 1_000_000 + " ms after, " + failures + " failed cycles, "
                    + writer.committed.get() + " commits");
            assertEquals(writer.committed.get(), restoredOrders(f, store));
        }
    }

    @Test
    void fullReplicaDiskIsSaidAndRecoveredFrom() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        mount = Files.createDirectory(dir.resolve("mnt"));
        Processes.ok(List.of("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString()), Map.of(), null);
        LedgerFixture f = LedgerFixture.create(dir);
        f.addTrades(10);
        try (ReplicaStore store = store(mount.resolve("replica"), Duration.ofSeconds(5));
             ReplicaSession session = ReplicationTest.replicating(f, store).start()) {
            Path filler = mount.resolve("filler");
            Processes.run(List.of("dd", "if=/dev/zero", "of=" + filler, "bs=64k"), Map.of(), null);
            f.addTrades(200);
            IOException full = assertThrows(IOException.class, session::cycle);
            assertTrue(full.getMessage().endsWith(": is its disk full?"), full.getMessage());
            f.addTrades(5);
            Files.delete(filler);
            session.cycle();
            assertEquals(215, restoredOrders(f, store));
        }
    }

    @Test
    void restoreRefusesADamagedOrMissingSegmentOnTheServerByName() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        try (ReplicaStore store = store(dir.resolve("replica"), Duration.ofSeconds(10))) {
            ReplicationTest.damagedThenMissingSegmentIsRefusedByName(f, store, dir.resolve("replica"), dir);
        }
    }

    @Test
    void unknownOrChangedHostKeyIsRefused() throws Exception {
        Path empty = Files.writeString(dir.resolve("known_hosts-empty"), "");
        String url = sshd.url(link.port(), dir.resolve("replica"));
        BackupProblem unknown = assertThrows(BackupProblem.class, () -> ReplicaStores.at(url, new SftpAccess(
                Optional.of(sshd.clientKey()), Optional.of(empty), Duration.ofSeconds(5))).generations());
        assertEquals(Outcome.KEY_PROBLEM, unknown.outcome());
        assertTrue(unknown.getMessage().matches("the SFTP server 127\\.0\\.0\\.1:" + link.port() + " showed a host key"
                + " \\(SHA256:[A-Za-z0-9+/]+\\) that " + empty + " does not hold for it: refused"), unknown.getMessage());
        Path other = Files.writeString(dir.resolve("known_hosts-other"), "[127.0.0.1]:" + link.port() + " "
                + otherHostKey());
        BackupProblem changed = assertThrows(BackupProblem.class, () -> ReplicaStores.at(url, new SftpAccess(
                Optional.of(sshd.clientKey()), Optional.of(other), Duration.ofSeconds(5))).generations());
        assertEquals(Outcome.KEY_PROBLEM, changed.outcome());
        assertTrue(changed.getMessage().contains(") that differs from the one " + other + " holds (SHA256:"),
                changed.getMessage());
        assertTrue(changed.nextStep().contains("someone may be in the way: do not connect"), changed.nextStep());
    }

    @Test
    void aKeyTheServerDoesNotKnowIsRefused() throws Exception {
        Path stranger = dir.resolve("stranger");
        Processes.ok(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", stranger.toString()), Map.of(), null);
        BackupProblem refused = assertThrows(BackupProblem.class, () -> ReplicaStores.at(sshd.url(link.port(),
                dir.resolve("replica")), new SftpAccess(Optional.of(stranger), Optional.of(sshd.knownHostsFor(
                link.port())), Duration.ofSeconds(5))).generations());
        assertEquals(Outcome.BAD_USAGE, refused.outcome());
        assertEquals("the SFTP server 127.0.0.1:" + link.port() + " refused the key replica.ssh-key for user "
                + sshd.user(), refused.getMessage());
        assertEquals("add the public key (the .pub file beside the private key) to ~" + sshd.user()
                + "/.ssh/authorized_keys on the server", refused.nextStep());
    }

    private String otherHostKey() throws Exception {
        Path key = dir.resolve("other_host");
        Processes.ok(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()), Map.of(), null);
        return Files.readString(Path.of(key + ".pub"));
    }

    /** Cycles every 100 ms for {@code time}; returns how many failed. */
    private static int cycleFor(ReplicaSession session, Duration time) throws Exception {
        int failures = 0;
        long end = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < end) {
            try {
                session.cycle();
            } catch (IOException e) {
                failures++;
            }
            Thread.sleep(100);
        }
        return failures;
    }

    private long restoredOrders(LedgerFixture f, ReplicaStore store) throws Exception {
        Path restored = Files.createTempDirectory(dir, "restored").resolve("tradevault.db");
        new RestoringReplica(f.opening, Clock.systemUTC()).restore(store, Optional.empty(), Optional.of(restored));
        return ReplicationTest.orders(f, restored);
    }

    /** Commits one trade per transaction on its own thread, timing every commit. */
    private static final class Writer {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong committed;
        final AtomicLong slowestCommit = new AtomicLong();
        final AtomicReference<Throwable> failed = new AtomicReference<>();
        final Thread thread;

        Writer(LedgerFixture f, long already) {
            committed = new AtomicLong(already);
            thread = new Thread(() -> LedgerFixture.commitUntilStopped(f, stop, committed, failed, slowestCommit));
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            stop.set(true);
            thread.join();
            assertNull(failed.get());
        }
    }
}
