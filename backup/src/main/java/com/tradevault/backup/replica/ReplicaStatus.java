package com.tradevault.backup.replica;

import com.tradevault.backup.BackupProblem;
import com.tradevault.core.Outcome;
import com.tradevault.core.db.sqlite.SqliteFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How far the replica is behind the ledger: the committed WAL frames not yet
 * shipped (bytes), and for how long the replica has not been caught up
 * (seconds since the replicator last had everything committed shipped, its
 * {@link CaughtUpMark}, or else since it last recorded its position; 0 when
 * nothing is waiting: no unshipped frame and no write to the ledger since),
 * with the last segment and snapshot.
 *
 * @param generation   the newest generation
 * @param lastSegment  its last segment's number (0: none yet)
 * @param lastShipped  when the replicator last recorded its position
 * @param lastSnapshot when its last snapshot was shipped
 * @param lagBytes     committed bytes of the ledger's log not in the replica
 * @param lagSeconds   seconds the replica has been behind (0 when caught up)
 */
public record ReplicaStatus(String generation, long lastSegment, Instant lastShipped, Instant lastSnapshot,
                            long lagBytes, long lagSeconds) {

    static final String POSITION = "position";

    /** Reads the replica's position and compares it with the ledger's log at {@code ledger}. */
    public static ReplicaStatus of(ReplicaStore store, Path ledger, Clock clock) {
        try {
            List<String> gens = store.generations();
            if (gens.isEmpty()) {
                throw new BackupProblem(Outcome.FAILURE, "the replica " + store.location() + " is empty",
                        "start 'tradevault replicate' (or systemctl start tradevault-replicate)");
            }
            String gen = gens.get(gens.size() - 1);
            Map<String, String> p = position(store, gen);
            Instant shipped = Instant.ofEpochMilli(Long.parseLong(p.getOrDefault("time", "0")));
            long lag = lagBytes(ledger, p);
            boolean behind = lag > 0 || changedSince(ledger, shipped);
            Instant caughtUp = CaughtUpMark.read(ledger).filter(shipped::isBefore).orElse(shipped);
            long seconds = behind ? Math.max(0, Duration.between(caughtUp, clock.instant()).toSeconds()) : 0;
            return new ReplicaStatus(gen, Long.parseLong(p.getOrDefault("segment", "0")), shipped,
                    Instant.ofEpochMilli(Long.parseLong(p.getOrDefault("snapshot-time", "0"))), lag, seconds);
        } catch (IOException e) {
            throw new BackupProblem(Outcome.FAILURE, "cannot read the replica " + store.location() + ": "
                    + e.getMessage(), "check that it is reachable", e);
        }
    }

    /** Whether the ledger or its log was written after the replicator's last position (commits it has not seen). */
    private static boolean changedSince(Path ledger, Instant shipped) throws IOException {
        for (Path p : List.of(ledger, new SqliteFile(ledger).wal())) {
            if (java.nio.file.Files.exists(p) && java.nio.file.Files.getLastModifiedTime(p).toInstant().isAfter(shipped)) {
                return true;
            }
        }
        return false;
    }

    private static long lagBytes(Path ledger, Map<String, String> position) throws IOException {
        Path wal = new SqliteFile(ledger).wal();
        Optional<WalLog.Position> head = WalLog.start(wal);
        if (head.isEmpty()) {
            return 0;
        }
        WalLog.Read all = WalLog.after(wal, head.get());
        boolean same = HexFormat.of().formatHex(head.get().salt()).equals(position.get("salt"));
        long shipped = same ? Long.parseLong(position.getOrDefault("frames", "0")) : 0;
        return Math.max(0, all.after().frames() - shipped) * head.get().frameBytes();
    }

    /** A generation's position file as keys and values (empty when it has none yet). */
    static Map<String, String> position(ReplicaStore store, String generation) throws IOException {
        return parse(store.read(generation, POSITION).orElse(new byte[0]));
    }

    private static Map<String, String> parse(byte[] text) {
        Map<String, String> values = new HashMap<>();
        for (String line : new String(text, StandardCharsets.US_ASCII).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }
}
