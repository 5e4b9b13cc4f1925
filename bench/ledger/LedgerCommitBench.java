import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.SettingUpDatabase;
import com.tradevault.core.key.KeyResolver;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Durable single-row commits per second and batched inserts per second into the ledger's
 * orders table, plaintext vs encrypted (SQLCipher 4, raw key), next to the disk's fsync rate,
 * all in one run on the same folder. Rounds alternate the variants so that noise hits both.
 * Usage: bench/ledger/run.sh [rounds] [seconds-per-round] [dir]
 */
public final class LedgerCommitBench {

    private static final String KEY = "2dd29ca851e7b56e4697b0e1f08507293d761a05ce4d1b628663f411a8086d99";
    private static final int BATCH_ROWS = 200_000;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2.0;
        Path base = Files.createDirectories(Path.of(args.length > 2 ? args[2] : "target/bench-ledger"));
        Map<String, List<Double>> results = new HashMap<>();
        Database plain = open(base.resolve("plain"), false);
        Database encrypted = open(base.resolve("encrypted"), true);
        double frames = framesPerCommit(plain);
        int[] commitWrites = walFrames((int) Math.round(frames));
        for (int round = 0; round < rounds; round++) {
            add(results, "fsync/s", syncRate(base.resolve("fsync.probe"), new int[] {4096}, false, seconds));
            add(results, "4 KiB + fsync()/s", syncRate(base.resolve("fsync-full.probe"), new int[] {4096}, true, seconds));
            add(results, "WAL frames + fsync()/s", syncRate(base.resolve("fsync-wal.probe"), commitWrites, true, seconds));
            double[] p = commitRate(plain, seconds, round);
            double[] e = commitRate(encrypted, seconds, round);
            add(results, "commits/s plaintext", p[0]);
            add(results, "commits/s encrypted", e[0]);
            add(results, "CPU us/commit plaintext", p[1]);
            add(results, "CPU us/commit encrypted", e[1]);
            double[] bp = batchRate(plain, round);
            double[] be = batchRate(encrypted, round);
            add(results, "batch rows/s plaintext", bp[0]);
            add(results, "batch rows/s encrypted", be[0]);
            add(results, "CPU us/row batch plaintext", bp[1]);
            add(results, "CPU us/row batch encrypted", be[1]);
        }
        plain.close();
        encrypted.close();
        report(results, rounds, seconds);
        System.out.printf(Locale.ROOT, "WAL frames per single-row commit: %.2f%n", frames);
    }

    private static Database open(Path dir, boolean encrypted) {
        Map<String, String> env = new HashMap<>();
        env.put("TRADEVAULT_DATA_DIR", dir.toString());
        env.put("HOME", dir.resolve("home").toString());
        if (encrypted) {
            env.put("TRADEVAULT_DB_KEY", KEY);
        }
        var config = new ConfigLoader(env, ConfigLoader.DATABASE_OVERRIDES).load(Optional.empty());
        DbSettings settings = DbSettings.from(config.withValue("db.encryption",
                com.typesafe.config.ConfigValueFactory.fromAnyRef(encrypted)));
        OpeningDatabases opening = new OpeningDatabases(settings, new KeyResolver(env));
        new SettingUpDatabase(opening, Clock.systemUTC()).run();
        return opening.openExisting();
    }

    /**
     * Durable writes per second: {@code pieces} written one after the other over data already in the
     * file, then fdatasync ({@code fsync == false}) or fsync. The file is filled and synced first, so
     * no timed write extends it (an append would make even fdatasync write the inode); a WAL is
     * overwritten in place the same way once a checkpoint has restarted it. The reference, the
     * physical limit of one durable commit, is one 4 KiB page + fdatasync.
     */
    private static double syncRate(Path probe, int[] pieces, boolean fsync, double seconds) throws Exception {
        int slots = 64;
        int size = java.util.Arrays.stream(pieces).sum();
        try (FileChannel ch = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(size * slots), 0);
            ch.force(true);
            ByteBuffer[] data = java.util.Arrays.stream(pieces).mapToObj(ByteBuffer::allocateDirect).toArray(ByteBuffer[]::new);
            long n = 0;
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                long at = (n % slots) * size;
                for (ByteBuffer piece : data) {
                    piece.clear();
                    at += ch.write(piece, at);
                }
                ch.force(fsync);
                n++;
            }
            return n / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** How SQLite writes {@code frames} WAL frames: a 24-byte frame header, then the page, per frame. */
    private static int[] walFrames(int frames) {
        int[] pieces = new int[2 * frames];
        for (int i = 0; i < frames; i++) {
            pieces[2 * i] = 24;
            pieces[2 * i + 1] = 4096;
        }
        return pieces;
    }

    /** Commits per second, and the committing thread's CPU time per commit (less sensitive to a busy machine). */
    private static double[] commitRate(Database db, double seconds, int round) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long n = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            long id = n++;
            db.transaction(c -> insertOrders(c, "c" + round + "-" + id, 1));
        }
        double rate = n / ((System.nanoTime() - start) / 1e9);
        return new double[] {rate, (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / n};
    }

    /** WAL frames (page + 24-byte header) one single-row commit appends, from the WAL of {@code db}. */
    private static double framesPerCommit(Database db) throws Exception {
        try (var c = db.connect(); var s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        int commits = 100;
        long n = 0;
        for (int i = 0; i < commits; i++) {
            long id = i;
            db.transaction(c -> insertOrders(c, "f-" + id, 1));
        }
        try (var c = db.connect(); var s = c.createStatement(); var r = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            r.next();
            n = r.getLong(2);
        }
        return n / (double) commits;
    }

    /** Rows per second of one batched transaction, and the thread's CPU time per row. */
    private static double[] batchRate(Database db, int round) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        db.transaction(c -> insertOrders(c, "b" + round + "-", BATCH_ROWS));
        double rate = BATCH_ROWS / ((System.nanoTime() - start) / 1e9);
        return new double[] {rate, (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / BATCH_ROWS};
    }

    private static int insertOrders(java.sql.Connection c, String prefix, int rows) throws java.sql.SQLException {
        String sql = "INSERT INTO orders (client_order_id, symbol, side, type, purpose, quantity_e8, price_e8,"
                + " status, created_at, updated_at) VALUES (?, 'BTCUSDT', 'BUY', 'LIMIT', 'ENTRY', ?, ?, 'NEW',"
                + " '2026-11-21T07:41:00.123456Z', '2026-11-21T07:41:00.123456Z')";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < rows; i++) {
                s.setString(1, rows == 1 ? prefix : prefix + i);
                s.setLong(2, 1_000_000L + i);
                s.setLong(3, 6_543_210_000_000L + i);
                s.addBatch();
                if (i % 10_000 == 9_999) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
        return rows;
    }

    private static void add(Map<String, List<Double>> results, String name, double value) {
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void report(Map<String, List<Double>> r, int rounds, double seconds) {
        System.out.printf(Locale.ROOT, "rounds=%d seconds/round=%.1f batch=%d rows, load average at the end: %s%n", rounds,
                seconds, BATCH_ROWS, loadAverage());
        for (String name : List.of("fsync/s", "4 KiB + fsync()/s", "WAL frames + fsync()/s", "commits/s plaintext", "commits/s encrypted",
                "CPU us/commit plaintext", "CPU us/commit encrypted", "batch rows/s plaintext", "batch rows/s encrypted", "CPU us/row batch plaintext",
                "CPU us/row batch encrypted")) {
            List<Double> v = r.get(name);
            String digits = name.startsWith("CPU us/row") ? "%10.2f" : "%10.0f";
            System.out.printf(Locale.ROOT, "%-26s median " + digits + "  range " + digits + " .. " + digits + "%n", name, median(v),
                    Collections.min(v), Collections.max(v));
        }
        ratio(r, "encrypted/plaintext commits", "commits/s encrypted", "commits/s plaintext", ">= 0.87");
        ratio(r, "encrypted/plaintext batch", "batch rows/s encrypted", "batch rows/s plaintext", ">= 0.87");
        ratio(r, "plaintext commits/fsync", "commits/s plaintext", "fsync/s", ">= 0.80");
        ratio(r, "encrypted commits/fsync", "commits/s encrypted", "fsync/s", ">= 0.80");
        ratio(r, "plaintext commits/(WAL frames + fsync())", "commits/s plaintext", "WAL frames + fsync()/s",
                "none: information, vs the commit's own I/O");
    }

    /**
     * The ratio of the two medians, then the median and range of the per-round ratios: both sides of
     * a round are measured seconds apart, so on a busy machine the per-round ratios are the steadier.
     */
    private static void ratio(Map<String, List<Double>> r, String label, String top, String bottom, String target) {
        List<Double> perRound = new ArrayList<>();
        for (int i = 0; i < r.get(top).size(); i++) {
            perRound.add(r.get(top).get(i) / r.get(bottom).get(i));
        }
        System.out.printf(Locale.ROOT, "ratio %-42s %.2f  per round: median %.2f range %.2f .. %.2f  (target %s)%n",
                label + ":", median(r.get(top)) / median(r.get(bottom)), median(perRound), Collections.min(perRound),
                Collections.max(perRound), target);
    }
}
