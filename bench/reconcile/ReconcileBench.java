import com.tradevault.app.cli.Cli;
import com.tradevault.app.exchange.ApiCredentials;
import com.tradevault.app.exchange.ExchangeSettings;
import com.tradevault.app.exchange.binance.BinanceExchange;
import com.tradevault.app.exchange.paper.server.PaperControl;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.app.orders.ClientOrderIds;
import com.tradevault.app.orders.OrderDraft;
import com.tradevault.app.orders.PlacingOrders;
import com.tradevault.app.orders.RecordingFills;
import com.tradevault.app.reconciliation.ReconcileSettings;
import com.tradevault.app.reconciliation.Reconciliation;
import com.tradevault.app.trading.Quantity;
import com.tradevault.app.trading.Trail;
import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.SettingsReader;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reconciliation of N open positions, each protected by one stop, against a
 * local 'tradevault paper-exchange serve' process over its REST API, on an
 * encrypted SQLite ledger. For each N: the first run of a fresh process
 * (symbol rules not cached yet), then RUNS steady-state runs (everything
 * agrees), then RUNS runs after the exchange cancelled every stop (N stops
 * placed again). Prints median and range per case, and milliseconds per
 * position to show the growth.
 */
public final class ReconcileBench {

    private static final int RUNS = 3;

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Integer.parseInt(a));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(250, 500, 1000);
        }
        System.out.println("positions | first run | steady median (range) | ms/position | all stops re-placed median (range) | ms/position");
        for (int n : sizes) {
            bench(n);
        }
        System.exit(0);
    }

    private static void bench(int n) throws Exception {
        Path dir = Files.createTempDirectory("tradevault-reconcile-bench-");
        List<String> symbols = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            symbols.add(String.format("B%04dUSDT", i));
        }
        Path config = dir.resolve("tradevault.conf");
        Files.writeString(config, "paper { symbols = \"" + String.join(",", symbols) + "\", start-price = \"100\","
                + " initial-quote-balance = \"1000000\", feed { volatility = \"0\", drift = \"0\", tick-interval = 5s } }\n");
        Map<String, String> env = new HashMap<>(TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX));
        env.put(ApiCredentials.KEY_VARIABLE, "bench-key");
        env.put(ApiCredentials.SECRET_VARIABLE, "bench-secret");
        env.put("TRADEVAULT_CONFIG", config.toString());
        if (new Cli(env, Clock.systemUTC()).commandLine().execute("setup-db") != 0) {
            throw new IllegalStateException("setup-db failed");
        }
        Process server = serve(dir, env);
        try (Database db = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env)).openExisting()) {
            URI url = url(server);
            run(n, symbols, db, url);
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    private static void run(int n, List<String> symbols, Database db, URI url) {
        Clock clock = Clock.systemUTC();
        Ledger ledger = JdbcLedgers.on(db);
        ExchangeSettings settings = ExchangeSettings.read(new SettingsReader(ConfigLoader.reference())).withUrl(url);
        BinanceExchange exchange = new BinanceExchange(url, Optional.of(new ApiCredentials("bench-key",
                "bench-secret", "bench")), settings, clock);
        PlacingOrders placing = new PlacingOrders(ledger, exchange, clock, new ClientOrderIds(), Duration.ofSeconds(10));
        RecordingFills fills = new RecordingFills(ledger, exchange, placing, clock, Trail.percent("1"));
        for (String symbol : symbols) {
            placing.place(OrderDraft.marketBuy(symbol, Quantity.of("0.1")));
            fills.sync(symbol).forEach(e -> e.stopIntent().ifPresent(placing::send));
        }
        PaperControl control = new PaperControl(url);
        try (Reconciliation r = new Reconciliation(ledger, exchange, clock, placing, fills,
                ReconcileSettings.defaults(), Duration.ofSeconds(10))) {
            long first = time(() -> check(r.run(List.of()), n, true));
            List<Long> steady = new ArrayList<>();
            List<Long> replaced = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                steady.add(time(() -> check(r.run(List.of()), n, true)));
                control.cancelOrders(Optional.empty());
                replaced.add(time(() -> check(r.run(List.of()), n, false)));
            }
            System.out.println(n + " | " + first + " ms | " + stats(steady) + " | " + perPosition(steady, n) + " | "
                    + stats(replaced) + " | " + perPosition(replaced, n));
        }
    }

    private static void check(Reconciliation.Report report, int n, boolean agree) {
        if (!report.settled() || report.openPositions() != n || agree != report.changedNothing()) {
            throw new IllegalStateException("unexpected reconciliation: " + report.actions().subList(0,
                    Math.min(5, report.actions().size())));
        }
    }

    private static long time(Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String stats(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) + " ms (" + sorted.get(0) + "-" + sorted.get(sorted.size() - 1) + ")";
    }

    private static String perPosition(List<Long> millis, int n) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format("%.2f", sorted.get(sorted.size() / 2) / (double) n);
    }

    private static Process serve(Path dir, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.tradevault.app.cli.Main", "paper-exchange", "serve",
                "--port", "0", "--state", dir.resolve("paper.db").toString());
        pb.environment().putAll(env);
        pb.redirectError(dir.resolve("server.log").toFile());
        return pb.start();
    }

    private static URI url(Process server) throws Exception {
        String first = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (first == null || !first.startsWith("paper exchange serving ")) {
            throw new IllegalStateException("paper exchange did not start: " + first);
        }
        return URI.create(first.substring("paper exchange serving ".length()));
    }
}
