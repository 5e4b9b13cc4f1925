package com.tradevault.app.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradevault.app.cli.Cli;
import com.tradevault.app.exchange.ApiCredentials;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.LedgerSession;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The bot through the Binance REST adapter against a separate
 * {@code paper-exchange serve} process: afterwards the exchange's
 * {@code dump} and the ledger hold the same orders and fills.
 */
class TradingOverRestIT {

    @TempDir
    Path dir;

    private Process server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void afterARunAndAReconcilingRestartTheExchangesDumpEqualsTheLedger() throws Exception {
        Path config = dir.resolve("tradevault.conf");
        Files.writeString(config, "bot.scan-interval = 100ms\nstrategy { lookback = 3, trail = \"0.5\" }\n"
                + "paper.feed.tick-interval = 20ms\n");
        String url = serve(config);
        Map<String, String> env = new HashMap<>(TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX,
                "TRADEVAULT_CONFIG", config.toString(), "TRADEVAULT_EXCHANGE_URL", url));
        env.put(ApiCredentials.KEY_VARIABLE, "it-key");
        env.put(ApiCredentials.SECRET_VARIABLE, "it-secret");

        assertEquals(0, cli(env, "setup-db").exit());
        Result run = cli(env, "run", "--for", "8s");
        assertEquals(0, run.exit(), run.err());
        // The exchange lives on without the bot (its stops keep filling): restart it frozen, let the bot reconcile.
        server.destroyForcibly().waitFor();
        Files.writeString(config, "paper.feed { drift = \"0\", volatility = \"0\" }\n", StandardOpenOption.APPEND);
        url = serve(config);
        env.put("TRADEVAULT_EXCHANGE_URL", url);
        Result again = cli(env, "run", "--for", "1s");
        assertEquals(0, again.exit(), again.err());
        JsonNode dump = new ObjectMapper().readTree(cli(env, "paper-exchange", "dump", "--url", url, "--json").out());

        try (Database db = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env)).openExisting()) {
            Ledger ledger = JdbcLedgers.on(db);
            List<Order> orders = ledger.read(LedgerSession::allOrders);
            assertTrue(orders.stream().anyMatch(o -> o.purpose() == OrderPurpose.STOP), "it traded: " + run.err());
            LedgerVersusDump.assertAgree(ledger, dump);
        }
    }

    @Test
    void killingTheBotWithKillNineAtRandomMomentsLosesAndDuplicatesNothing() throws Exception {
        Path config = dir.resolve("tradevault.conf");
        Files.writeString(config, "bot { scan-interval = 100ms, intent-grace = 1s }\n"
                + "strategy { lookback = 3, trail = \"0.5\" }\npaper.feed.tick-interval = 20ms\n");
        String url = serve(config);
        Map<String, String> env = new HashMap<>(TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX,
                "TRADEVAULT_CONFIG", config.toString(), "TRADEVAULT_EXCHANGE_URL", url));
        env.put(ApiCredentials.KEY_VARIABLE, "it-key");
        env.put(ApiCredentials.SECRET_VARIABLE, "it-secret");
        assertEquals(0, cli(env, "setup-db").exit());
        Path log = dir.resolve("bot.log");
        Random random = new Random(42);
        for (int i = 0; i < 4; i++) {
            int placed = placedOrders(log);
            Process bot = startBot(env, log);
            awaitMoreOrders(log, placed);
            Thread.sleep(random.nextInt(1500));
            bot.destroyForcibly().waitFor();
        }
        server.destroyForcibly().waitFor();
        Files.writeString(config, "paper.feed { drift = \"0\", volatility = \"0\" }\n", StandardOpenOption.APPEND);
        url = serve(config);
        env.put("TRADEVAULT_EXCHANGE_URL", url);
        Result last = cli(env, "run", "--for", "3s");
        assertEquals(0, last.exit(), last.err());
        JsonNode dump = new ObjectMapper().readTree(cli(env, "paper-exchange", "dump", "--url", url, "--json").out());

        assertTrue(Files.readString(log).contains("placed STOP"), "it traded between the kills:\n" + Files.readString(log));
        try (Database db = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env)).openExisting()) {
            LedgerVersusDump.assertAgree(JdbcLedgers.on(db), dump);
        }
    }

    /** Waits until the log shows more than {@code before} placed orders, so that every kill hits a trading bot. */
    private static void awaitMoreOrders(Path log, int before) throws Exception {
        for (int waited = 0; waited < 600; waited++) {
            if (placedOrders(log) > before) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the bot placed no order within 60s:\n" + Files.readString(log));
    }

    private static int placedOrders(Path log) throws Exception {
        return Files.exists(log) ? Files.readString(log).split("INFO PlacingOrders - placed ", -1).length - 1 : 0;
    }

    private Process startBot(Map<String, String> env, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.log.com.tradevault=info", "-cp", System.getProperty("java.class.path"),
                "com.tradevault.app.cli.Main", "run");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb.start();
    }

    private String serve(Path config) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.tradevault.app.cli.Main", "paper-exchange", "serve",
                "--port", "0", "--state", dir.resolve("paper.db").toString(), "--config", config.toString());
        pb.environment().putAll(Map.of(ApiCredentials.KEY_VARIABLE, "it-key", ApiCredentials.SECRET_VARIABLE,
                "it-secret"));
        pb.redirectError(dir.resolve("server.err").toFile());
        server = pb.start();
        String first = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertTrue(first != null && first.startsWith("paper exchange serving "), String.valueOf(first));
        return first.substring("paper exchange serving ".length());
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result cli(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new Cli(env, Clock.systemUTC()).commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

}
