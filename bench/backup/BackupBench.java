import com.tradevault.backup.BackupKeys;
import com.tradevault.backup.BackupSettings;
import com.tradevault.backup.CommittingWriter;
import com.tradevault.core.Progress;
import com.tradevault.backup.TakingBackups;
import com.tradevault.backup.pgp.BackupCipher;
import com.tradevault.backup.pgp.SealingKey;
import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.SchemaMigrations;
import com.tradevault.core.db.sqlite.WalFileCopy;
import com.tradevault.core.db.sqlite.SqliteFiles;
import com.tradevault.core.key.KeyResolver;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Scripted comparison for docs/benchmarks.md (run by bench/backup/run.sh, never shipped):
 * on one ledger-shaped SQLCipher file of at least 200 MB, in one run,
 *  1. backup time vs `sqlite3 .backup` (plaintext copy: the sqlite3 CLI cannot read SQLCipher),
 *  2. a separate writer process's commit latency during backups vs idle,
 *  3. encryption throughput vs `gpg --symmetric --compress-algo none`.
 */
public class BackupBench {

    static final int RUNS = Integer.getInteger("runs", 3);
    static final long TARGET_BYTES = Long.getLong("mb", 210) * 1024 * 1024;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(work);
        Map<String, String> env = new HashMap<>();
        env.put("HOME", work.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", work.resolve("home/.config").toString());
        env.put("TRADEVAULT_DATA_DIR", work.resolve("data").toString());
        env.put("TRADEVAULT_DB_KEY", "2dd29ca851e7b56e4697b0e1f08507293d761a05ce4d1b628663f411a8086d99");
        var config = new ConfigLoader(env, merged()).load(Optional.empty());
        DbSettings db = DbSettings.from(config);
        BackupSettings backup = BackupSettings.from(config, db);
        OpeningDatabases opening = new OpeningDatabases(db, new KeyResolver(env));
        Path ledger = opening.dialect().file().orElseThrow();
        fill(opening, ledger);
        Path plain = work.resolve("plain.db");
        if (!Files.exists(plain)) {
            try (Database d = opening.openExisting(); Connection c = d.connect()) {
                SqliteFiles.copy(c, plain, new SqliteFiles.Plaintext());
            }
        }
        System.out.printf(Locale.ROOT, "ledger: %s, %d MB encrypted; plaintext copy %d MB%n", ledger,
                Files.size(ledger) >> 20, Files.size(plain) >> 20);
        BackupKeys keys = new BackupKeys(backup, new KeyResolver(env), env);
        TakingBackups taking = new TakingBackups(opening, backup, keys, Clock.systemUTC(), "bench");
        backupTimes(work, opening, plain, taking);
        writerLatency(work, env, taking);
        encryption(work, plain, keys);
    }

    static Map<String, String> merged() {
        Map<String, String> m = new HashMap<>(ConfigLoader.DATABASE_OVERRIDES);
        m.putAll(BackupSettings.ENV_OVERRIDES);
        return m;
    }

    static void fill(OpeningDatabases opening, Path ledger) throws Exception {
        try (Database d = opening.openOrCreate().database()) {
            new SchemaMigrations(d).migrate();
            long id = maxId(d);
            while (Files.size(ledger) + walSize(ledger) < TARGET_BYTES) {
                long from = id;
                d.transaction(c -> {
                    for (long i = from + 1; i <= from + 20_000; i++) {
                        CommittingWriter.addTrade(c, i);
                    }
                    return null;
                });
                id += 20_000;
            }
        }
    }

    static long maxId(Database d) throws Exception {
        try (Connection c = d.connect(); var s = c.createStatement(); var r = s.executeQuery("SELECT coalesce(max(id), 0) FROM orders")) {
            r.next();
            return r.getLong(1);
        }
    }

    static long walSize(Path ledger) throws Exception {
        Path wal = ledger.resolveSibling(ledger.getFileName() + "-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }

    static void backupTimes(Path work, OpeningDatabases opening, Path plain, TakingBackups taking) throws Exception {
        List<Double> sqlite3 = new ArrayList<>();
        List<Double> sqlite3Check = new ArrayList<>();
        List<Double> snapshotPlain = new ArrayList<>();
        List<Double> snapshotEncrypted = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        List<Double> fullPlain = new ArrayList<>();
        DbSettings plainSettings = opening.settings().withUrl("jdbc:sqlite:" + plain).withEncryption(false);
        OpeningDatabases plainOpening = new OpeningDatabases(plainSettings, new KeyResolver(Map.of()));
        TakingBackups plainTaking = taking.forLedger(plainOpening);
        for (int run = 0; run < RUNS; run++) {
            Path out = work.resolve("sqlite3-backup.db");
            Files.deleteIfExists(out);
            sqlite3.add(seconds(() -> exec(List.of("sqlite3", plain.toString(), ".backup '" + out + "'"))));
            sqlite3Check.add(seconds(() -> exec(List.of("sqlite3", out.toString(), "PRAGMA integrity_check"))));
            snapshotPlain.add(seconds(() -> snapshot(plainOpening, work.resolve("snap-plain.db"))));
            snapshotEncrypted.add(seconds(() -> snapshot(opening, work.resolve("snap-enc.db"))));
            full.add(seconds(() -> {
                Path f = taking.take(Optional.empty(), Progress.NONE).file();
                delete(f);
                return 0;
            }));
            fullPlain.add(seconds(() -> {
                Path f = plainTaking.take(Optional.empty(), Progress.NONE).file();
                delete(f);
                return 0;
            }));
        }
        phases(taking);
        report("sqlite3 .backup, plaintext copy (reference)", sqlite3, sqlite3);
        report("sqlite3 PRAGMA integrity_check of that copy", sqlite3Check, sqlite3);
        report("snapshot copy (file + log bytes), plaintext copy", snapshotPlain, sqlite3);
        report("snapshot copy (file + log bytes), encrypted ledger", snapshotEncrypted, sqlite3);
        report("full tradevault backup, plaintext copy", fullPlain, sqlite3);
        report("full tradevault backup, encrypted ledger", full, sqlite3);
    }

    /** One more backup of the encrypted ledger, timed per step through its progress reports. */
    static void phases(TakingBackups taking) throws Exception {
        Map<String, long[]> steps = new java.util.LinkedHashMap<>();
        long start = System.nanoTime();
        Path f = taking.take(Optional.empty(), new Progress() {
            private long[] current = new long[2];

            @Override
            public void start(String step, Unit unit, long total) {
                start(step);
            }

            @Override
            public void start(String step) {
                long now = System.nanoTime();
                current = steps.computeIfAbsent(step, k -> new long[] {now, now});
            }

            @Override
            public void advance(long count) {
                current[1] = System.nanoTime();
            }

            @Override
            public void done() {
                current[1] = System.nanoTime();
            }
        }).file();
        long end = System.nanoTime();
        delete(f);
        StringBuilder line = new StringBuilder("steps of one encrypted backup:");
        long previousEnd = start;
        for (Map.Entry<String, long[]> e : steps.entrySet()) {
            if (e.getValue()[0] - previousEnd > 200_000_000L) {
                line.append(String.format(Locale.ROOT, " (between: %.1f s)", (e.getValue()[0] - previousEnd) / 1e9));
            }
            line.append(String.format(Locale.ROOT, " %s %.1f s", e.getKey(), (e.getValue()[1] - e.getValue()[0]) / 1e9));
            previousEnd = e.getValue()[1];
        }
        line.append(String.format(Locale.ROOT, "; total %.1f s", (end - start) / 1e9));
        System.out.println(line);
    }

    /** The consistent copy alone (file and log bytes, as a backup takes it), without its check. */
    static long snapshot(OpeningDatabases opening, Path target) throws Exception {
        Files.deleteIfExists(target);
        try (Database d = opening.openExisting(); Connection c = d.connect()) {
            if (!WalFileCopy.copy(c, opening.dialect().file().orElseThrow(), target)) {
                throw new IllegalStateException("the ledger is not in WAL mode");
            }
        }
        Files.deleteIfExists(target.resolveSibling(target.getFileName() + "-wal"));
        Files.delete(target);
        return 0;
    }

    static void writerLatency(Path work, Map<String, String> env, TakingBackups taking) throws Exception {
        Path stop = work.resolve("stop");
        Path latencies = work.resolve("latencies.txt");
        Files.deleteIfExists(stop);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommittingWriter.class.getName(), stop.toString(),
                latencies.toString(), System.getProperty("pauseMillis", "5"));
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process writer = pb.start();
        new BufferedReader(new InputStreamReader(writer.getInputStream())).readLine();
        Thread.sleep(3000);
        long idleStart = System.nanoTime();
        Thread.sleep(20_000);
        long idleEnd = System.nanoTime();
        List<long[]> backups = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long s = System.nanoTime();
            Path f = taking.take(Optional.empty(), Progress.NONE).file();
            backups.add(new long[] {s, System.nanoTime()});
            delete(f);
            Thread.sleep(2000);
        }
        Files.writeString(stop, "stop");
        writer.waitFor();
        List<long[]> commits = Files.readAllLines(latencies).stream().map(l -> l.split(" "))
                .map(p -> new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])}).toList();
        List<Double> idle = window(commits, idleStart, idleEnd);
        List<Double> during = new ArrayList<>();
        backups.forEach(b -> during.addAll(window(commits, b[0], b[1])));
        System.out.printf(Locale.ROOT, "writer commits: idle %d in 20 s, during %d backups %d%n", idle.size(), RUNS, during.size());
        System.out.printf(Locale.ROOT, "commit latency idle:   p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                pct(idle, 50), pct(idle, 99), pct(idle, 100));
        System.out.printf(Locale.ROOT, "commit latency backup: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                pct(during, 50), pct(during, 99), pct(during, 100));
        System.out.printf(Locale.ROOT, "ratio during/idle: p50 %.2fx, p99 %.2fx%n", pct(during, 50) / pct(idle, 50),
                pct(during, 99) / pct(idle, 99));
    }

    static List<Double> window(List<long[]> commits, long from, long to) {
        List<Double> out = new ArrayList<>();
        for (long[] c : commits) {
            if (c[0] >= from && c[0] < to) {
                out.add(c[1] / 1e6);
            }
        }
        return out;
    }

    static void encryption(Path work, Path input, BackupKeys keys) throws Exception {
        SealingKey key = keys.sealing();
        Path gpgHome = Files.createDirectories(work.resolve("gnupg"));
        Files.setPosixFilePermissions(gpgHome, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        List<Double> ours = new ArrayList<>();
        List<Double> gpg = new ArrayList<>();
        Path out = work.resolve("enc.gpg");
        for (int run = 0; run < RUNS; run++) {
            ours.add(seconds(() -> {
                try (OutputStream file = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 20);
                     OutputStream enc = BackupCipher.encrypt(file, key)) {
                    Files.copy(input, enc);
                }
                return 0;
            }));
            Files.delete(out);
            gpg.add(seconds(() -> exec(List.of("gpg", "--homedir", gpgHome.toString(), "--batch", "--yes",
                    "--pinentry-mode", "loopback", "--passphrase-file", keys.passphraseFile().toString(),
                    "--symmetric", "--cipher-algo", "AES256", "--compress-algo", "none", "-o", out.toString(),
                    input.toString()))));
            Files.delete(out);
        }
        double mb = Files.size(input) / 1048576.0;
        System.out.printf(Locale.ROOT, "encryption of %.0f MB: tradevault (BC bcpg, JDK AES) median %.0f MB/s"
                + " [%.0f..%.0f]; gpg --symmetric --compress-algo none median %.0f MB/s [%.0f..%.0f]; ratio %.2fx%n",
                mb, mb / median(ours), mb / max(ours), mb / min(ours), mb / median(gpg), mb / max(gpg), mb / min(gpg),
                median(gpg) / median(ours));
    }

    interface Work {
        long run() throws Exception;
    }

    static double seconds(Work w) throws Exception {
        long start = System.nanoTime();
        w.run();
        return (System.nanoTime() - start) / 1e9;
    }

    static long exec(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed");
        }
        return 0;
    }

    static void delete(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void report(String name, List<Double> times, List<Double> reference) {
        System.out.printf(Locale.ROOT, "%-45s median %6.2f s [%.2f..%.2f]  ratio %.2fx [%.2f..%.2f]%n", name,
                median(times), min(times), max(times), median(times) / median(reference), min(times) / max(reference),
                max(times) / min(reference));
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }

    static double min(List<Double> v) {
        return Collections.min(v);
    }

    static double max(List<Double> v) {
        return Collections.max(v);
    }

    static double pct(List<Double> v, int p) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }
}
