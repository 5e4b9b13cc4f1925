package com.tradevault.app.crash;

import com.tradevault.app.cli.Cli;
import com.tradevault.app.exchange.ApiCredentials;
import com.tradevault.app.exchange.ExchangeSettings;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.binance.BinanceExchange;
import com.tradevault.app.exchange.paper.server.PaperControl;
import com.tradevault.app.faults.CrashPoints;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.app.reconciliation.Invariant;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.OrderState;
import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.SettingsReader;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.sqlite.SqliteFiles;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The crash-test rig: a {@code paper-exchange serve} process that lives on,
 * an encrypted ledger set up with {@code setup-db}, and bot processes
 * ({@code tradevault run}) started against it, killed and started again.
 * Checks are made from the outside while no bot runs: the invariant over the
 * ledger and the exchange's own account of orders and trades, and
 * {@code PRAGMA integrity_check}.
 */
final class Rig implements AutoCloseable {

    static final String SYMBOL = "BTCUSDT";
    /** A JVM that ran its shutdown hooks after SIGTERM exits with 128 + 15 (systemd: SuccessExitStatus=143). */
    static final int SIGTERM_EXIT = 143;
    static final Map<String, String> ACCOUNT = Map.of(ApiCredentials.KEY_VARIABLE, "crash-key",
            ApiCredentials.SECRET_VARIABLE, "crash-secret");

    final Path dir;
    final Path config;
    final Map<String, String> env;
    private Process server;
    URI url;
    PaperControl control;
    private int botRuns;

    Rig(Path dir) throws Exception {
        this(dir, "");
    }

    /** A rig whose configuration ends with {@code extra} (HOCON lines that override the rig's). */
    Rig(Path dir, String extra) throws Exception {
        this.dir = dir;
        this.config = dir.resolve("tradevault.conf");
        Files.writeString(config, String.join("\n",
                "paper { start-price = \"30000\", feed { volatility = \"0\", drift = \"0\", tick-interval = 50ms } }",
                "bot { scan-interval = 100ms, quote-per-trade = \"100\", intent-grace = 2s }",
                "strategy { lookback = 3, trail = \"0.5\", min-stop-move-percent = \"0.05\" }",
                "reconcile { interval = 2s, retry-backoff = 200ms, max-backoff = 1s }",
                "exchange { request-timeout = 2s, max-retries = 2, retry-backoff = 100ms }", extra, ""));
        Map<String, String> e = new HashMap<>(TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX));
        e.putAll(ACCOUNT);
        e.put("TRADEVAULT_CONFIG", config.toString());
        this.env = Map.copyOf(e);
        int code = new Cli(env, Clock.systemUTC()).commandLine().execute("setup-db");
        if (code != 0) {
            throw new IllegalStateException("setup-db failed with " + code);
        }
        startServer(0);
    }

    void startServer(int port) throws IOException {
        ProcessBuilder pb = java("paper-exchange", "serve", "--port", Integer.toString(port), "--state",
                dir.resolve("paper.db").toString());
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()));
        server = pb.start();
        String first = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (first == null || !first.startsWith("paper exchange serving ")) {
            throw new IllegalStateException("paper exchange did not start: " + first + "\n"
                    + Files.readString(dir.resolve("server.log")));
        }
        url = URI.create(first.substring("paper exchange serving ".length()));
        control = new PaperControl(url);
    }

    void stopServer() throws InterruptedException {
        server.destroyForcibly().waitFor();
    }

    /** Starts a bot process; {@code crashAt} arms a crash point ({@code after-intent-commit}, ...). */
    Bot startBot(Optional<String> crashAt) throws IOException {
        return startBot(crashAt, Map.of());
    }

    /** Starts a bot process as {@link #startBot(Optional)}, with {@code extraEnv} in its environment. */
    Bot startBot(Optional<String> crashAt, Map<String, String> extraEnv) throws IOException {
        ProcessBuilder pb = java(crashAt.map(p -> new String[] {"run", CrashPoints.OPTION + "=" + p})
                .orElse(new String[] {"run"}));
        pb.environment().putAll(env);
        pb.environment().put("TRADEVAULT_EXCHANGE_URL", url.toString());
        pb.environment().putAll(extraEnv);
        Path log = dir.resolve("bot-" + (++botRuns) + ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new Bot(pb.start(), log);
    }

    /** Starts {@code tradevault replicate} (replica.url must be in the rig's configuration). */
    Bot startReplicator() throws IOException {
        ProcessBuilder pb = java("replicate");
        pb.environment().putAll(env);
        Path log = dir.resolve("replicate-" + (++botRuns) + ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new Bot(pb.start(), log);
    }

    private static ProcessBuilder java(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "com.tradevault.app.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("TRADEVAULT_DB_KEY");
        return pb;
    }

    BinanceExchange adapter() {
        ExchangeSettings settings = ExchangeSettings.read(new SettingsReader(ConfigLoader.reference()))
                .withUrl(url);
        return new BinanceExchange(url, Optional.of(ApiCredentials.require(ACCOUNT, Optional.empty())), settings,
                Clock.systemUTC());
    }

    /**
     * Every violation of the invariant, plus integrity problems; empty when all is well. No bot may run. The
     * paper server is configured like real BTCUSDT (paper.order-types left at its default, without
     * STOP_LOSS), so every open position must be protected by a STOP_LOSS_LIMIT.
     */
    List<String> check() throws Exception {
        BinanceExchange venue = adapter();
        if (venue.rules(SYMBOL).orderTypes().contains(OrderType.STOP_LOSS)) {
            throw new IllegalStateException("the crash rig's venue must be configured like real BTCUSDT, without"
                    + " STOP_LOSS: " + venue.rules(SYMBOL).orderTypes());
        }
        Invariant.Venue seen = new Invariant.Venue(venue.allOrders(SYMBOL), venue.tradesAfter(SYMBOL, -1));
        try (Database db = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env)).openExisting()) {
            List<String> problems = new ArrayList<>(Invariant.violations(JdbcLedgers.on(db), seen,
                    Optional.of(OrderType.STOP_LOSS_LIMIT)));
            try (Connection c = db.dataSource().getConnection()) {
                SqliteFiles.integrityProblems(c, false).forEach(p -> problems.add("integrity: " + p));
            }
            return problems;
        }
    }

    /**
     * Every unit of base asset accounted for: what the account holds (it starts with none) against the
     * ledger's open positions plus its dust, and how many entries filled. No bot may run.
     */
    String accounting() {
        BigDecimal held = adapter().balances().get("BTC").total().stripTrailingZeros();
        try (Database db = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env)).openExisting()) {
            return JdbcLedgers.on(db).read(s -> {
                BigDecimal open = s.openPositions().stream().map(p -> p.quantity().value())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal dust = s.allDust().stream().map(d -> d.quantity().value())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                long entries = s.allOrders().stream().filter(o -> o.purpose() == OrderPurpose.ENTRY
                        && o.state() == OrderState.FILLED).count();
                BigDecimal ledger = open.add(dust).stripTrailingZeros();
                return entries + " entries; the account holds " + held.toPlainString() + " BTC, the ledger "
                        + ledger.toPlainString() + " (open positions " + open.stripTrailingZeros().toPlainString()
                        + ", dust " + dust.stripTrailingZeros().toPlainString() + ")"
                        + (held.compareTo(ledger) == 0 ? ": every unit accounted for" : ": MISMATCH");
            });
        }
    }

    String serverLog() throws IOException {
        return Files.readString(dir.resolve("server.log"));
    }

    /** How many fills the exchange reports for our orders (to show the tests traded). */
    int venueTrades() {
        return adapter().tradesAfter(SYMBOL, -1).size();
    }

    @Override
    public void close() throws InterruptedException {
        stopServer();
    }

    /** One bot process and its log. */
    record Bot(Process process, Path log) {

        String logText() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }

        /** Waits until the log shows {@code marker}; false when the process ended or the time ran out. */
        boolean awaitLog(String marker, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (logText().contains(marker)) {
                    return true;
                }
                if (!process.isAlive()) {
                    return logText().contains(marker);
                }
                Thread.sleep(25);
            }
            return false;
        }

        int kill9() throws InterruptedException {
            return process.destroyForcibly().waitFor();
        }

        /** SIGTERM, then the exit code (waits up to a minute). */
        int terminate() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return -1;
            }
            return process.exitValue();
        }
    }
}
