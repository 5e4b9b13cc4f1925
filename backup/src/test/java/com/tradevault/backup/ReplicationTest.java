package com.tradevault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.backup.replica.ReplicaLogReleased;
import com.tradevault.backup.replica.ReplicaSession;
import com.tradevault.backup.replica.ReplicaSettings;
import com.tradevault.backup.replica.ReplicaStatus;
import com.tradevault.backup.replica.ReplicaStore;
import com.tradevault.backup.replica.ReplicaStores;
import com.tradevault.backup.replica.SftpAccess;
import com.tradevault.backup.replica.Replicating;
import com.tradevault.backup.replica.RestoringReplica;
import com.tradevault.core.Outcome;
import com.tradevault.core.db.Database;
import com.tradevault.core.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replication of the WAL while a writer commits and checkpoints after almost
 * every commit (the log is backfilled and restarted all the time): the replica
 * rebuilds every committed trade; a damaged or missing segment is refused by name.
 */
class ReplicationTest {

    @TempDir
    Path dir;

    @Test
    void replicaKeepsEveryCommitAcrossCheckpointsAndLogRestarts() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        f.addTrades(50);
        ReplicaStore store = ReplicaStores.at(dir.resolve("replica").toUri().toString());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong committed = new AtomicLong(50);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread writer = new Thread(() -> LedgerFixture.commitUntilStopped(f, stop, committed, failed), "writer");
        try (ReplicaSession session = replicating(f, store).start()) {
            writer.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while ((committed.get() < 400 || session.logRestarts() < 3) && failed.get() == null
                    && System.nanoTime() < deadline) {
                session.cycle();
                Thread.sleep(5);
            }
            stop.set(true);
            writer.join();
            session.cycle();
            assertTrue(session.lastSegment() > 10, "segments shipped: " + session.lastSegment());
            assertTrue(session.logRestarts() >= 3, "the log restarted under the replicator: " + session.logRestarts());
        }
        assertNull(failed.get());
        Path restored = dir.resolve("restored").resolve("tradevault.db");
        RestoringReplica.Report r = new RestoringReplica(f.opening, Clock.systemUTC())
                .restore(store, Optional.empty(), Optional.of(restored));
        assertEquals(committed.get(), orders(f, restored));
        assertTrue(r.segments() > 10);
    }

    @Test
    void aReplicaDownPastMaxHeldLogLetsTheLogGoThenBeginsAGenerationWithASnapshot() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        f.addTrades(20);
        Breakable store = new Breakable(ReplicaStores.at(dir.resolve("replica").toUri().toString()));
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
        try (ReplicaSession session = replicating(f, store, clock, Duration.ofHours(1), 3, 1L << 20).start()) {
            String first = session.generation();
            store.broken = true;
            f.addTrades(5);
            assertThrows(IOException.class, session::cycle);
            assertFalse(wholeCheckpoint(f), "the log is held while the replica is down and the log is short");
            ReplicaLogReleased released = null;
            for (int round = 0; round < 500 && released == null; round++) {
                f.addTrades(200);
                IOException e = assertThrows(IOException.class, session::cycle);
                released = e instanceof ReplicaLogReleased r ? r : null;
            }
            assertNotNull(released, "the log was let go");
            assertEquals("the ledger's log reached replica.max-held-log (1 MiB) while the replica could not be"
                    + " written (the replica is cut off): the replicator let it go so it stops growing; the replica"
                    + " misses what is committed until it can be written again, and then begins a new generation"
                    + " with a snapshot", released.getMessage());
            assertTrue(wholeCheckpoint(f), "nothing holds the log any more: it can be copied and restarted");
            f.addTrades(5);
            assertThrows(IOException.class, session::cycle); // the new generation's snapshot cannot be written
            store.broken = false;
            IOException waiting = assertThrows(IOException.class, session::cycle);
            assertEquals("a new generation is tried again at 2026-12-06T08:01:00Z (each try copies the whole ledger)",
                    waiting.getMessage());
            clock.set(Instant.parse("2026-12-06T08:01:00Z"));
            session.cycle();
            assertNotEquals(first, session.generation(), "a new generation began");
            f.addTrades(3);
            session.cycle();
        }
        Path restored = dir.resolve("restored").resolve("tradevault.db");
        new RestoringReplica(f.opening, Clock.systemUTC()).restore(store, Optional.empty(), Optional.of(restored));
        assertEquals(orders(f, f.ledger()), orders(f, restored));
    }

    @Test
    void lagIsCountedFromWhenTheReplicatorWasLastCaughtUpNotFromItsLastShipment() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        Instant t0 = Instant.parse("2026-12-06T08:00:00Z");
        MutableClock clock = new MutableClock(t0);
        ReplicaStore store = ReplicaStores.at(dir.resolve("replica").toUri().toString());
        try (ReplicaSession session = replicating(f, store, clock, Duration.ofHours(1), 3,
                ReplicaSettings.DEFAULT_MAX_HELD_LOG).start()) {
            f.addTrades(1);
            session.cycle();
            clock.set(t0.plusSeconds(60));
            session.cycle(); // a quiet minute: nothing to ship, the replica's position stays at t0
            f.addTrades(1); // committed a moment before the next cycle
            clock.set(t0.plusMillis(60_500));
            ReplicaStatus fresh = ReplicaStatus.of(store, f.ledger(), clock);
            assertTrue(fresh.lagBytes() > 0, "the commit is not shipped yet");
            assertEquals(0, fresh.lagSeconds(), "caught up half a second ago, not a minute");
            assertEquals(t0, fresh.lastShipped());

            clock.set(t0.plusSeconds(90)); // the replicator stopped cycling
            assertEquals(30, ReplicaStatus.of(store, f.ledger(), clock).lagSeconds());
            session.cycle();
            ReplicaStatus shipped = ReplicaStatus.of(store, f.ledger(), clock);
            assertEquals(0, shipped.lagBytes());
            assertEquals(0, shipped.lagSeconds());
        }
    }

    @Test
    void generationsBegunWithinOneSecondSortInTheOrderTheyBegan() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        ReplicaStore store = ReplicaStores.at(dir.resolve("replica").toUri().toString());
        Clock sameSecond = Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);
        List<String> begun = new ArrayList<>();
        for (int start = 0; start < 8; start++) {
            try (ReplicaSession session = replicating(f, store, sameSecond, Duration.ofHours(1), 8,
                    ReplicaSettings.DEFAULT_MAX_HELD_LOG).start()) {
                begun.add(session.generation());
                f.addTrades(1);
                session.cycle();
            }
        }
        assertEquals(begun, store.generations(), "a restore takes the last generation in name order");
        Path restored = dir.resolve("restored").resolve("tradevault.db");
        new RestoringReplica(f.opening, Clock.systemUTC()).restore(store, Optional.empty(), Optional.of(restored));
        assertEquals(8, orders(f, restored));
    }

    /** Whether a checkpoint now copies the whole log (nothing holds it back). */
    private static boolean wholeCheckpoint(LedgerFixture f) throws Exception {
        try (Database db = f.opening.openExisting(); java.sql.Connection c = db.connect();
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            r.next();
            return r.getInt(1) == 0 && r.getLong(2) == r.getLong(3);
        }
    }

    /** A replica store whose writes fail while {@code broken}, as when the network is cut. */
    private static final class Breakable implements ReplicaStore {
        private final ReplicaStore store;
        volatile boolean broken;

        Breakable(ReplicaStore store) {
            this.store = store;
        }

        private void check() throws IOException {
            if (broken) {
                throw new IOException("the replica is cut off");
            }
        }

        @Override
        public List<String> generations() throws IOException {
            check();
            return store.generations();
        }

        @Override
        public List<String> files(String generation) throws IOException {
            check();
            return store.files(generation);
        }

        @Override
        public void write(String generation, String name, byte[] data) throws IOException {
            check();
            store.write(generation, name, data);
        }

        @Override
        public void upload(String generation, String name, Path from) throws IOException {
            check();
            store.upload(generation, name, from);
        }

        @Override
        public boolean download(String generation, String name, Path to) throws IOException {
            check();
            return store.download(generation, name, to);
        }

        @Override
        public Optional<byte[]> read(String generation, String name) throws IOException {
            check();
            return store.read(generation, name);
        }

        @Override
        public void delete(String generation) throws IOException {
            check();
            store.delete(generation);
        }

        @Override
        public String location() {
            return store.location();
        }
    }

    @Test
    void restoreRefusesAMissingOrDamagedSegmentByName() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        damagedThenMissingSegmentIsRefusedByName(f, ReplicaStores.at(dir.resolve("replica").toUri().toString()),
                dir.resolve("replica"), dir);
    }

    /**
     * Ships three segments to {@code store} (its files under {@code root}), damages the second, then deletes it:
     * restore refuses each by name, restores nothing. The folder and the SFTP store share it.
     */
    static void damagedThenMissingSegmentIsRefusedByName(LedgerFixture f, ReplicaStore store, Path root, Path dir)
            throws Exception {
        String generation;
        try (ReplicaSession session = replicating(f, store).start()) {
            for (int i = 0; i < 3; i++) {
                f.addTrades(1);
                session.cycle();
            }
            generation = session.generation();
        }
        Path segment2 = root.resolve(generation).resolve("0000000002.segment");
        byte[] bytes = Files.readAllBytes(segment2);
        bytes[bytes.length / 2] ^= 1;
        Files.write(segment2, bytes);
        RestoringReplica restoring = new RestoringReplica(f.opening, Clock.systemUTC());
        Path to = dir.resolve("r").resolve("tradevault.db");
        BackupProblem damaged = assertThrows(BackupProblem.class, () -> restoring.restore(store, Optional.empty(),
                Optional.of(to)));
        assertEquals(Outcome.INTEGRITY_PROBLEM, damaged.outcome());
        assertEquals("replica file " + generation + "/0000000002.segment in " + store.location()
                + " cannot be used: its authentication tag does not match: it was changed or truncated, or it was"
                + " written under another database key; nothing was restored and the current ledger is unchanged",
                damaged.getMessage());
        Files.delete(segment2);
        BackupProblem missing = assertThrows(BackupProblem.class, () -> restoring.restore(store, Optional.empty(),
                Optional.of(to)));
        assertTrue(missing.getMessage().contains(generation + "/0000000002.segment in " + store.location()
                + " is missing (segment 3 follows); nothing was restored"), missing.getMessage());
        assertTrue(Files.notExists(to));
    }

    @Test
    void everySnapshotBeginsAGenerationAndOnlyTheNewestAreKeptYetRestoreAtWorksWithinThem() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        long initial = orders(f, f.ledger());
        ReplicaStore store = ReplicaStores.at(dir.resolve("replica").toUri().toString());
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        List<Instant> rounds = new ArrayList<>();
        List<String> made = new ArrayList<>();
        try (ReplicaSession session = replicating(f, store, clock, Duration.ofMinutes(10), 3,
                ReplicaSettings.DEFAULT_MAX_HELD_LOG).start()) {
            made.add(session.generation());
            for (int round = 0; round < 6; round++) {
                f.addTrades(2);
                session.cycle();
                rounds.add(clock.instant());
                if (!made.contains(session.generation())) {
                    made.add(session.generation());
                }
                clock.advance(Duration.ofMinutes(10));
            }
        }

        assertEquals(6, made.size(), "a generation per snapshot: " + made);
        assertEquals(made.subList(3, 6), store.generations(), "the three newest are kept, the rest deleted");
        RestoringReplica restoring = new RestoringReplica(f.opening, Clock.systemUTC());
        assertEquals(initial + 12, restoredOrders(f, restoring, store, Optional.empty(), "newest"));
        assertEquals(initial + 8, restoredOrders(f, restoring, store, Optional.of(rounds.get(3)), "at3"));
        assertEquals(initial + 10, restoredOrders(f, restoring, store, Optional.of(rounds.get(4)), "at4"));
        BackupProblem gone = assertThrows(BackupProblem.class, () -> restoring.restore(store,
                Optional.of(rounds.get(2)), Optional.of(dir.resolve("at2").resolve("tradevault.db"))));
        assertEquals("the replica " + store.location() + " holds no snapshot taken at or before " + rounds.get(2),
                gone.getMessage());
    }

    private static long restoredOrders(LedgerFixture f, RestoringReplica restoring, ReplicaStore store,
                                       Optional<Instant> at, String name) throws Exception {
        Path to = f.dir.resolve(name).resolve("tradevault.db");
        restoring.restore(store, at, Optional.of(to));
        return orders(f, to);
    }

    @Test
    void aFolderReplicaKeepsItsFilesAndFoldersOwnerOnly() throws Exception {
        LedgerFixture f = LedgerFixture.create(dir);
        Path root = dir.resolve("replica");
        replicaIsOwnerOnly(f, ReplicaStores.at(root.toUri().toString()), root);
    }

    /** A session's snapshot, segments and position file, and the folders they are in, are 0600 and 0700 on disk. */
    static void replicaIsOwnerOnly(LedgerFixture f, ReplicaStore store, Path root) throws Exception {
        f.addTrades(5);
        try (ReplicaSession session = replicating(f, store).start()) {
            f.addTrades(5);
            session.cycle();
            assertTrue(session.lastSegment() >= 1, "segments shipped: " + session.lastSegment());
        }

        Map<Boolean, Set<String>> modes;
        try (Stream<Path> all = Files.walk(root)) {
            modes = all.collect(Collectors.partitioningBy(Files::isDirectory, Collectors.mapping(ReplicationTest::mode,
                    Collectors.toCollection(TreeSet::new))));
        }
        assertEquals(Set.of("rwx------"), modes.get(true), "the replica's folders");
        assertEquals(Set.of("rw-------"), modes.get(false), "the replica's files: snapshot, segments, position");

        Path lostDataDir = Files.createTempDirectory(f.dir, "lost").resolve("data");
        new RestoringReplica(f.opening, Clock.systemUTC()).restore(store, Optional.empty(),
                Optional.of(lostDataDir.resolve("tradevault.db")));
        assertEquals("rwx------", mode(lostDataDir), "a data directory the restore makes anew");
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Replicating replicating(LedgerFixture f, ReplicaStore store) {
        return replicating(f, store, Clock.systemUTC(), Duration.ofHours(1), 3, ReplicaSettings.DEFAULT_MAX_HELD_LOG);
    }

    /** A replicator with a max-lag of 10 s and the given snapshot interval, generations kept and held log. */
    static Replicating replicating(LedgerFixture f, ReplicaStore store, Clock clock, Duration snapshotInterval,
                                   int keepGenerations, long maxHeldLog) {
        return new Replicating(f.opening, new ReplicaSettings(Optional.of(store.location()), snapshotInterval,
                Duration.ofSeconds(10), keepGenerations, SftpAccess.NONE, maxHeldLog), store, clock);
    }

    static long orders(LedgerFixture f, Path ledger) throws Exception {
        try (Database db = com.tradevault.core.db.Dialect.forUrl("jdbc:sqlite:" + ledger).open(
                f.db.withUrl("jdbc:sqlite:" + ledger), f.opening.key(), false);
             java.sql.Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM orders")) {
            r.next();
            return r.getLong(1);
        }
    }
}
