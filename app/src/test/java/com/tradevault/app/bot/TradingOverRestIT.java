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
import com.tradevault.app.trading.Fill;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Quantity;
import com.tradevault.setup.db.Database;
import com.tradevault.setup.db.OpeningDatabases;
import com.tradevault.setup.key.KeyResolver;
import com.tradevault.setup.testing.TestLedgers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
            assertEquals(ledgerOrders(orders), dumpOrders(dump));
            assertEquals(ledgerFills(ledger.read(LedgerSession::allFills), orders), dumpFills(dump));
            assertOneOpenStopPerPosition(ledger.read(LedgerSession::openPositions), orders, dump);
        }
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

    private static Map<String, String> ledgerOrders(List<Order> orders) {
        return orders.stream().filter(o -> o.exchangeOrderId().isPresent()).collect(Collectors.toMap(
                o -> o.clientOrderId().value(), o -> o.exchangeOrderId().get() + " " + o.state() + " " + o.executed(),
                (a, b) -> a + " DUPLICATE", TreeMap::new));
    }

    private static Map<String, String> dumpOrders(JsonNode dump) {
        Map<String, String> orders = new TreeMap<>();
        for (JsonNode o : dump.get("orders")) {
            orders.merge(o.get("clientOrderId").asText(), o.get("orderId").asText() + " " + o.get("status").asText()
                    + " " + decimal(o.get("executedQty")), (a, b) -> a + " DUPLICATE");
        }
        return orders;
    }

    private static Map<String, String> ledgerFills(List<Fill> fills, List<Order> orders) {
        Map<Long, String> venueIds = orders.stream().filter(o -> o.exchangeOrderId().isPresent())
                .collect(Collectors.toMap(Order::id, o -> o.exchangeOrderId().get()));
        return fills.stream().collect(Collectors.toMap(Fill::exchangeFillId, f -> venueIds.get(f.orderId()) + " "
                + f.quantity() + " @ " + f.price() + " fee " + f.fee() + " " + f.feeAsset(), (a, b) -> a, TreeMap::new));
    }

    private static Map<String, String> dumpFills(JsonNode dump) {
        Map<String, String> fills = new TreeMap<>();
        for (JsonNode t : dump.get("trades")) {
            fills.put(t.get("symbol").asText() + ":" + t.get("id").asText(), t.get("orderId").asText() + " "
                    + decimal(t.get("qty")) + " @ " + decimal(t.get("price")) + " fee " + decimal(t.get("commission"))
                    + " " + t.get("commissionAsset").asText());
        }
        return fills;
    }

    private static void assertOneOpenStopPerPosition(List<Position> open, List<Order> orders, JsonNode dump) {
        List<String> openOnVenue = new java.util.ArrayList<>();
        dump.get("orders").forEach(o -> {
            if (o.get("status").asText().equals("NEW")) {
                openOnVenue.add(o.get("clientOrderId").asText());
            }
        });
        for (Position p : open) {
            long stops = orders.stream().filter(o -> o.positionId().equals(java.util.Optional.of(p.id()))
                    && openOnVenue.contains(o.clientOrderId().value())).count();
            assertEquals(1, stops, "position #" + p.id() + " has exactly one open stop on the exchange");
        }
        assertEquals(open.size(), openOnVenue.size(), "open orders on the exchange: " + openOnVenue);
    }

    private static String decimal(JsonNode text) {
        return new Quantity(new BigDecimal(text.asText())).toString();
    }
}
