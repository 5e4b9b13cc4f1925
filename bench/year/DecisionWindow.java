import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerSession.DecisionFilter;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A symbol's 500 newest decisions before a time in the past (the dashboard's list filtered by symbol
 * and {@code to}), 5 and 44 days back from the ledger's newest decision (or the DAYS given). On a v8 ledger: through the
 * ledger (this code: the time bound turned into an id bound) and the v8 query as first committed
 * ({@code symbol = ? AND decided_at < ? ORDER BY id DESC}, walking back from the newest row); on a v7
 * ledger ({@code v7} argument): the v7 query ({@code ORDER BY decided_at DESC}, a seek in its index).
 * Reference in the same run: the newest 500 through the ledger (no window). Prints, per case, the rows the window starts behind the newest, median and range of RUNS runs in ms.
 * Usage: java -cp CP DecisionWindow.java v8|v7 [RUNS [DAYS,...]]   (TRADEVAULT_DATA_DIR and TRADEVAULT_DB_KEY in the env)
 */
public class DecisionWindow {

    static final String SYMBOL = "BTCUSDT";
    static final String COLUMNS = "SELECT symbol, decided_at, decision, skip_reason, payload FROM trade_decisions";

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        OpeningDatabases opening = new OpeningDatabases(DbSettings.from(new ConfigLoader(env,
                ConfigLoader.DATABASE_OVERRIDES).load(Optional.empty())), new KeyResolver(env));
        try (Database db = opening.openExisting(); Connection c = db.connect()) {
            Instant newest = Instant.parse(text(c, "SELECT max(decided_at) FROM trade_decisions"));
            int[] back = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                    : new int[] {5, 44};
            for (int days : back) {
                Instant to = newest.minus(Duration.ofDays(days));
                String behind = text(c, "SELECT count(*) FROM trade_decisions WHERE symbol = '" + SYMBOL
                        + "' AND decided_at >= '" + stored(to) + "'");
                System.out.printf("window %d days back, %s rows of %s behind the newest%n", days, behind, SYMBOL);
                if (args[0].equals("v7")) {
                    time("v7 (symbol, decided_at) index", runs, () -> rows(c, "ORDER BY decided_at DESC", to));
                    continue;
                }
                Ledger ledger = JdbcLedgers.on(db);
                DecisionFilter filter = new DecisionFilter(Optional.of(SYMBOL), Optional.empty(), Optional.empty(),
                        Optional.of(to));
                time("v8 as first committed (walk from newest)", runs, () -> rows(c, "ORDER BY id DESC", to));
                time("v8, id bound by bisection (ledger)", runs, () -> ledger.read(s -> s.decisions(filter, 500)).size());
                DecisionFilter newest500 = new DecisionFilter(Optional.of(SYMBOL), Optional.empty(), Optional.empty(),
                        Optional.empty());
                time("reference: the newest 500 (ledger)", runs, () -> ledger.read(s -> s.decisions(newest500, 500)).size());
            }
            if (args[0].equals("v8")) {
                System.out.println("plan: " + text(c, "EXPLAIN QUERY PLAN " + COLUMNS + " WHERE symbol = 'BTCUSDT'"
                        + " AND id >= 1000 AND id < 2000 AND decided_at < 'x' ORDER BY id DESC LIMIT 500", 4));
            }
        }
    }

    static int rows(Connection c, String order, Instant to) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COLUMNS + " WHERE symbol = ? AND decided_at < ? " + order
                + " LIMIT 500")) {
            s.setString(1, SYMBOL);
            s.setString(2, stored(to));
            int n = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    n++;
                }
            }
            return n;
        }
    }

    static void time(String label, int runs, Callable<Integer> query) throws Exception {
        List<Double> ms = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            n = query.call();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("  %-44s %d rows: %.1f ms (%.1f-%.1f)%n", label, n, ms.get(runs / 2), ms.get(0),
                ms.get(runs - 1));
    }

    /** A time as the SQLite ledger stores it: microseconds, UTC. */
    static String stored(Instant t) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC).format(t);
    }

    static String text(Connection c, String sql) throws SQLException {
        return text(c, sql, 1);
    }

    static String text(Connection c, String sql, int column) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getString(column);
        }
    }
}
