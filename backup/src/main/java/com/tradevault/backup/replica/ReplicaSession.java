package com.tradevault.backup.replica;

import com.tradevault.core.AtomicFiles;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.sqlite.SqliteFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The replica being shipped: the pinned reader, the log position, the current generation and its
 * segment numbering. Each snapshot begins a new generation (the snapshot, then its segments), and
 * only the newest {@code replica.retention.generations} are kept, so the replica holds a bounded
 * number of snapshots and segments however long the replicator runs.
 */
public final class ReplicaSession implements AutoCloseable {

    /** Frames (about 4 MB at 4 KiB pages) after which the log is let restart, so it cannot grow without end. */
    static final long RESTART_AFTER_FRAMES = 1000;
    /** After a failed try at a new generation, the least time before the next: each try copies the whole ledger. */
    static final Duration BEGIN_AGAIN_AFTER = Duration.ofMinutes(1);
    /** How long, with the write lock held, the last copy of the log waits on a commit's own checkpoint. */
    private static final Duration CHECKPOINT_PATIENCE = Duration.ofMillis(200);

    private final Database db;
    private final Path ledger;
    private final Path wal;
    private final ReplicaStore store;
    private final ReplicaKey key;
    private final Supplier<String> generations;
    private final ReplicaSettings settings;
    private final Clock clock;
    private String generation;
    private Connection reader;
    private WalLog.Position position;
    private int pageSize;
    private long lastSegment;
    private Instant lastSnapshot;
    private long restarts;
    /** When a new generation may be tried again, after a try failed. */
    private Instant beginAgainAt = Instant.MIN;
    /** A segment read under the write lock and not yet stored: stored before anything else. */
    private ReplicaFile pending;

    ReplicaSession(Database db, Path ledger, ReplicaStore store, ReplicaKey key, Supplier<String> generations,
                   ReplicaSettings settings, Clock clock) {
        this.db = db;
        this.ledger = ledger;
        this.wal = new SqliteFile(ledger).wal();
        this.store = store;
        this.key = key;
        this.generations = generations;
        this.settings = settings;
        this.clock = clock;
    }

    /** The current generation's name. */
    public String generation() {
        return generation;
    }

    /** The number of the last segment shipped (0: none yet). */
    public long lastSegment() {
        return lastSegment;
    }

    /** How many times the log was seen restarted (new salts) and shipped on from its first frame. */
    public long logRestarts() {
        return restarts;
    }

    /** Pins the log where it ends now and begins a generation with a snapshot of the ledger as of there. */
    void begin() throws IOException, SQLException {
        pending = null;
        Instant started = clock.instant();
        reader = pin(db.connect());
        try {
            position = WalLog.start(wal).orElse(null);
            if (position != null) {
                position = WalLog.after(wal, position).after();
            }
            nextGeneration();
            CaughtUpMark.record(ledger, started);
        } catch (IOException | RuntimeException e) {
            endQuietly(reader);
            reader = null;
            throw e;
        }
    }

    /**
     * Ships what was committed since the last cycle, and a snapshot when one is due.
     * If the replica cannot be written, the older read transaction is kept: the
     * log cannot restart under it, so every frame not yet shipped is still there
     * for the next cycle (the log grows meanwhile; the bot's writes go on). Once
     * the log held so grows to {@code replica.max-held-log}, the replicator lets
     * it go ({@link ReplicaLogReleased}), so the bot's log stops growing; when the
     * replica can be written again, a new generation begins with a snapshot.
     */
    public void cycle() throws IOException, SQLException {
        if (reader == null) {
            beginAgain();
            return;
        }
        Instant started = clock.instant();
        Connection next = pin(db.connect());
        try {
            ship();
            CaughtUpMark.record(ledger, started);
        } catch (IOException | RuntimeException e) {
            endQuietly(next);
            if (e instanceof IOException failed && WalLog.holdsAtLeast(wal, settings.maxHeldLog())) {
                letGoOfTheLog();
                throw new ReplicaLogReleased(settings.maxHeldLog(), failed);
            }
            throw e;
        }
        Connection previous = reader;
        reader = next;
        endQuietly(previous);
        if (position != null && position.frames() >= RESTART_AFTER_FRAMES) {
            restartLog();
        }
        if (!clock.instant().isBefore(lastSnapshot.plus(settings.snapshotInterval()))) {
            nextGeneration();
        }
    }

    /** A new generation after the log was let go, tried at most every {@link #BEGIN_AGAIN_AFTER}. */
    private void beginAgain() throws IOException, SQLException {
        Instant now = clock.instant();
        if (now.isBefore(beginAgainAt)) {
            throw new IOException("a new generation is tried again at " + beginAgainAt
                    + " (each try copies the whole ledger)");
        }
        try {
            begin();
        } catch (IOException | SQLException | RuntimeException e) {
            beginAgainAt = now.plus(BEGIN_AGAIN_AFTER);
            throw e;
        }
    }

    /** Ends the read transaction that held the log, and forgets the frames not shipped: the next cycle starts afresh. */
    private void letGoOfTheLog() {
        endQuietly(reader);
        reader = null;
        pending = null;
    }

    /**
     * Begins a generation with a snapshot of everything shipped so far (the previous generation
     * ends complete with its last segment), then removes the generations beyond retention.
     */
    private void nextGeneration() throws IOException {
        List<String> older = store.generations();
        generation = older.isEmpty() ? generations.get() : after(older.get(older.size() - 1), generations.get());
        lastSegment = 0;
        snapshot();
        pruneGenerations(older);
    }

    /**
     * A new generation's name, sorting after the newest one (a restore takes the last in order): the
     * candidate, or within the same second (a restart, a resumption) the newest one's stamp with its
     * random part plus one.
     */
    static String after(String newest, String candidate) {
        if (candidate.compareTo(newest) > 0) {
            return candidate;
        }
        int dash = newest.lastIndexOf('-');
        long next = Long.parseLong(newest.substring(dash + 1), 16) + 1;
        return newest.substring(0, dash + 1) + String.format(java.util.Locale.ROOT, "%08x", next);
    }

    /**
     * Keeps the newest {@code replica.retention.generations} generations, the current one among them: of
     * the {@code older} ones (listed before it began, all sorting before it), the newest all but one.
     */
    private void pruneGenerations(List<String> older) throws IOException {
        for (int i = 0; i < older.size() - (settings.keepGenerations() - 1); i++) {
            store.delete(older.get(i));
        }
    }

    /**
     * Lets the log restart, which the replicator's ever-present reader
     * otherwise prevents under a steady stream of commits. The slow part, copying
     * the log into the database file, is done first without any lock (the bot's
     * commits go on; a log grown through a long replica outage is copied here, not
     * while the bot waits). Then, with the write lock held for a moment (the bot's
     * next commit waits), it reads the last frames into memory, lets go of its
     * reader and copies the few frames left; the next commit then starts the log
     * afresh. The frames read are stored after the lock is let go (no network
     * while the bot waits), and kept in memory until they are. If a reader of the
     * bot's keeps the copy from finishing, the log simply goes on.
     */
    private void restartLog() throws IOException, SQLException {
        Connection next = db.connect();
        try (Connection writer = db.connect(); Statement w = writer.createStatement()) {
            checkpoint(next, Duration.ZERO);
            if (!quietlyBeginWriting(w)) {
                return;
            }
            try {
                pending = collect();
                endQuietly(reader);
                reader = null;
                checkpoint(next, CHECKPOINT_PATIENCE);
                reader = pin(next);
            } finally {
                w.execute("COMMIT");
            }
        } finally {
            if (reader != next) {
                next.close();
            }
        }
        storePending();
    }

    /**
     * Copies the log into the database file as far as every reader allows, trying again for up
     * to {@code patience} while another checkpoint (a commit's automatic one) holds the copy.
     */
    private static void checkpoint(Connection c, Duration patience) throws SQLException {
        long until = System.nanoTime() + patience.toNanos();
        try (Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                    r.next();
                    boolean whole = r.getInt(1) == 0 && r.getLong(2) == r.getLong(3);
                    if (whole || System.nanoTime() >= until) {
                        return;
                    }
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void ship() throws IOException {
        storePending();
        pending = collect();
        storePending();
    }

    /** The frames committed since the last position, as the next segment (null: none); moves the position past them. */
    private ReplicaFile collect() throws IOException {
        Optional<WalLog.Position> head = WalLog.start(wal);
        if (head.isEmpty()) {
            position = null;
            return null;
        }
        if (position == null || !position.sameIncarnation(head.get().salt())) {
            restarts += position == null ? 0 : 1;
            position = head.get();
        }
        WalLog.Read read = WalLog.after(wal, position);
        if (read.count() == 0) {
            return null;
        }
        pageSize = position.pageSize();
        ReplicaFile segment = new ReplicaFile(ReplicaFile.SEGMENT, generation, lastSegment + 1, clock.instant(),
                pageSize, read.frames());
        position = read.after();
        return segment;
    }

    private void storePending() throws IOException {
        if (pending == null) {
            return;
        }
        store.write(generation, pending.name(), pending.seal(key));
        lastSegment = pending.index();
        pending = null;
        writeStatus();
    }

    /** The database as of the last shipped frame: the file, then the log's frames up to there replayed on it. */
    private void snapshot() throws IOException {
        Path image = AtomicFiles.tempBeside(ledger, "replica-snapshot");
        Path sealed = AtomicFiles.tempBeside(ledger, "replica-snapshot-sealed");
        try {
            Files.copy(ledger, image, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            int size = replayShippedFrames(image);
            ReplicaFile snapshot = new ReplicaFile(ReplicaFile.SNAPSHOT, generation, lastSegment, clock.instant(),
                    size, new byte[0]);
            SealedFiles.seal(snapshot, image, sealed, key);
            store.upload(generation, snapshot.name(), sealed);
            lastSnapshot = snapshot.time();
            writeStatus();
        } finally {
            AtomicFiles.deleteQuietly(image);
            AtomicFiles.deleteQuietly(sealed);
        }
    }

    private int replayShippedFrames(Path image) throws IOException {
        Optional<WalLog.Position> head = WalLog.start(wal);
        if (position == null || head.isEmpty() || !position.sameIncarnation(head.get().salt())) {
            return pageSize;
        }
        byte[] frames = WalLog.after(wal, head.get()).frames();
        byte[] shipped = Arrays.copyOf(frames, (int) (position.frames() * position.frameBytes()));
        try (FileChannel c = FileChannel.open(image, StandardOpenOption.WRITE)) {
            WalLog.apply(c, shipped, position.pageSize());
        }
        pageSize = position.pageSize();
        return pageSize;
    }

    private void writeStatus() throws IOException {
        String salt = position == null ? "-" : java.util.HexFormat.of().formatHex(position.salt());
        long frames = position == null ? 0 : position.frames();
        String text = "salt=" + salt + "\nframes=" + frames + "\nsegment=" + lastSegment + "\ntime="
                + clock.instant().toEpochMilli() + "\nsnapshot-time=" + lastSnapshot.toEpochMilli() + "\n";
        store.write(generation, ReplicaStatus.POSITION, text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Takes the write lock; false when the bot kept it for the whole busy timeout (the next cycle tries again). */
    private static boolean quietlyBeginWriting(Statement w) {
        try {
            w.execute("BEGIN IMMEDIATE");
            return true;
        } catch (SQLException busy) {
            return false;
        }
    }

    /** Opens a read transaction: its first read takes the read mark that pins the log. */
    private static Connection pin(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN");
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                r.next();
            }
        }
        return c;
    }

    private static void endQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try (c; Statement s = c.createStatement()) {
            s.execute("COMMIT");
        } catch (SQLException ignored) {
            // the connection closes anyway, which ends the read transaction
        }
    }

    @Override
    public void close() {
        endQuietly(reader);
        db.close();
    }
}
