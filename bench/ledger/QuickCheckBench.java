import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.SettingUpDatabase;
import com.tradevault.core.key.KeyResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the check 'tradevault run' makes before it trades costs: the quick check of the tables
 * every scan uses (positions, orders, fills, kv), next to a quick check of the whole file, on an
 * encrypted ledger of ORDERS orders and fills and enough decision rows to reach MB megabytes.
 * The ledger is built once in DIR and reused. Usage: bench/ledger/quick-check.sh [MB] [ORDERS] [RUNS] [DIR]
 */
public final class QuickCheckBench {

    private static final String KEY = "2dd29ca851e7b56e4697b0e1f08507293d761a05ce4d1b628663f411a8086d99";
    private static final List<String> HOT = List.of("positions", "orders", "fills", "kv");
    private static final String AT = "2026-11-21T07:41:00.000000Z";

    public static void main(String[] args) throws Exception {
        long mb = Long.parseLong(args[0]);
        int orders = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        Path dir = Files.createDirectories(Path.of(args[3]));
        boolean fresh = !Files.exists(dir.resolve("tradevault.db"));
        try (Database db = open(dir)) {
            if (fresh) {
                fill(db, orders, mb * 1024 * 1024);
            }
            System.out.printf("ledger %s: %d MB, %d orders and fills%n", dir.resolve("tradevault.db"),
                    Files.size(dir.resolve("tradevault.db")) >> 20, orders);
            time(db, "quick check of " + String.join(", ", HOT) + " (run's start)", runs, true);
            time(db, "quick check of the whole file (integrity --quick)", runs, false);
        }
    }

    private static void time(Database db, String what, int runs, boolean hot) throws Exception {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (Connection c = db.connect()) {
                long start = System.nanoTime();
                List<String> problems = hot ? db.dialect().checks().quickCheck(c, HOT)
                        : db.dialect().checks().storageProblems(c, true).result().orElseThrow();
                seconds.add((System.nanoTime() - start) / 1e9);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException(problems.toString());
                }
            }
        }
        Collections.sort(seconds);
        System.out.printf("%-60s median %.3f s (min %.3f, max %.3f, %d runs)%n", what, seconds.get(runs / 2),
                seconds.get(0), seconds.get(runs - 1), runs);
    }

    private static Database open(Path dir) {
        Map<String, String> env = Map.of("TRADEVAULT_DATA_DIR", dir.toString(), "HOME", dir.resolve("home").toString(),
                "TRADEVAULT_DB_KEY", KEY);
        var config = new ConfigLoader(env, ConfigLoader.DATABASE_OVERRIDES).load(Optional.empty());
        OpeningDatabases opening = new OpeningDatabases(DbSettings.from(config), new KeyResolver(env));
        new SettingUpDatabase(opening, Clock.systemUTC()).run();
        return opening.openExisting();
    }

    private static void fill(Database db, int orders, long bytes) throws Exception {
        db.transaction(c -> {
            try (PreparedStatement o = c.prepareStatement("INSERT INTO orders (id, client_order_id, symbol, side, type,"
                    + " purpose, quantity_e8, status, created_at, updated_at) VALUES (?, ?, 'BTCUSDT', 'BUY', 'MARKET',"
                    + " 'ENTRY', 100000000, 'FILLED', '" + AT + "', '" + AT + "')");
                 PreparedStatement f = c.prepareStatement("INSERT INTO fills (exchange_fill_id, order_id, price_e8,"
                         + " quantity_e8, filled_at) VALUES (?, ?, 4200000000000, 100000000, '" + AT + "')")) {
                for (int i = 1; i <= orders; i++) {
                    o.setInt(1, i);
                    o.setString(2, "tv-bench-" + i);
                    o.executeUpdate();
                    f.setString(1, "BTCUSDT:" + i);
                    f.setInt(2, i);
                    f.executeUpdate();
                }
            }
            return null;
        });
        String payload = "{\"window\":\"" + "p".repeat(900) + "\"}";
        long rows = bytes / 1000;
        for (long done = 0; done < rows; done += 100_000) {
            long from = done;
            db.transaction(c -> {
                try (PreparedStatement d = c.prepareStatement("INSERT INTO trade_decisions (symbol, decided_at, decision,"
                        + " skip_reason, payload) VALUES ('BTCUSDT', '" + AT + "', 'HOLD', NULL, ?)")) {
                    for (long i = from; i < Math.min(rows, from + 100_000); i++) {
                        d.setString(1, payload);
                        d.executeUpdate();
                    }
                }
                return null;
            });
        }
    }
}
