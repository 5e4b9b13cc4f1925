import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.app.retention.FoldingHistory;
import com.tradevault.app.retention.RetentionSettings;
import com.tradevault.app.trading.Decision;
import com.tradevault.backup.BackupCatalog;
import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bot's commit latency while retention folds, as in the running bot: one Database (one writer
 * connection), a thread committing one decision row every 20 ms (a scan's write) and the
 * compaction on another thread. Prints p50/p99/max of the commits before (5 s) and during folding,
 * and how long folding took. Usage: java -cp CP CommitsWhileFolding.java BACKUP_DIR DETAIL_DAYS (PACKS=off: fold only)
 * (TRADEVAULT_DATA_DIR and TRADEVAULT_DB_KEY in the env)
 */
public class CommitsWhileFolding {

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        OpeningDatabases opening = new OpeningDatabases(DbSettings.from(new ConfigLoader(env,
                ConfigLoader.DATABASE_OVERRIDES).load(Optional.empty())), new KeyResolver(env));
        RetentionSettings settings = new RetentionSettings(Duration.ofDays(Long.parseLong(args[1])),
                Duration.ofDays(Long.parseLong(args[1])), Optional.empty(), !"off".equals(System.getenv("PACKS")));
        try (Database db = opening.openExisting()) {
            Ledger ledger = JdbcLedgers.on(db);
            List<Long> before = commits(ledger, new AtomicBoolean(true), Duration.ofSeconds(5));
            AtomicBoolean folding = new AtomicBoolean(true);
            FoldingHistory.Report[] report = new FoldingHistory.Report[1];
            Thread t = new Thread(() -> {
                report[0] = new FoldingHistory(ledger, settings, new BackupCatalog(Path.of(args[0])),
                        Clock.systemUTC()).run();
                folding.set(false);
            });
            t.start();
            List<Long> during = commits(ledger, folding, Duration.ofHours(2));
            t.join();
            System.out.println("commits before folding: " + stats(before));
            System.out.println("commits while folding:  " + stats(during));
            System.out.println("folding: " + report[0].decisions().removed() + " decisions and " + report[0].audit()
                    .removed() + " audit entries folded of " + (report[0].decisions().read() + report[0].audit().read())
                    + " read, then " + report[0].packed().removed() + " decisions packed of " + report[0].packed().read()
                    + " read, in " + report[0].took().toMillis() / 1000.0 + " s");
        }
    }

    /** Commits one decision every 20 ms while {@code running} and for at most {@code max}; latencies in us. */
    static List<Long> commits(Ledger ledger, AtomicBoolean running, Duration max) throws InterruptedException {
        List<Long> micros = new ArrayList<>();
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end && running.get()) {
            long t0 = System.nanoTime();
            ledger.transaction(s -> {
                s.insertDecision(Decision.skip("BTCUSDT", java.time.Instant.now(), "no-breakout", Map.of("price", 1)));
                return null;
            });
            micros.add((System.nanoTime() - t0) / 1000);
            Thread.sleep(20);
        }
        return micros;
    }

    static String stats(List<Long> micros) {
        List<Long> s = new ArrayList<>(micros);
        Collections.sort(s);
        return String.format("%d commits, p50 %.1f ms, p99 %.1f ms, max %.1f ms", s.size(), s.get(s.size() / 2) / 1000.0,
                s.get((int) Math.min(s.size() - 1, Math.ceil(s.size() * 0.99) - 1)) / 1000.0, s.get(s.size() - 1) / 1000.0);
    }
}
