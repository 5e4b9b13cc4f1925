package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradevault.app.exchange.ApiCredentials;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.ExchangeSettings;
import com.tradevault.app.exchange.OrderRequest;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.exchange.binance.BinanceExchange;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tradevault paper-exchange serve} as a separate process, driven by the
 * REST adapter (as the bot would) and by the CLI wrappers; killed with -9 and
 * started again on the same state.
 */
class PaperExchangeServeIT {

    static final Map<String, String> ACCOUNT = Map.of(ApiCredentials.KEY_VARIABLE, "it-key",
            ApiCredentials.SECRET_VARIABLE, "it-secret");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path state;
    Path config;
    Process server;
    URI url;

    @BeforeEach
    void serve() throws Exception {
        state = dir.resolve("paper.db");
        config = dir.resolve("tradevault.conf");
        // this suite drives the venue with stop-market orders, so its symbol allows them
        Files.writeString(config, "paper { start-price = \"100\", initial-base-balance = \"1\","
                + " order-types = \"LIMIT, MARKET, STOP_LOSS, STOP_LOSS_LIMIT\","
                + " feed { drift = \"-0.001\", volatility = \"0\", tick-interval = 20ms } }\n");
        start();
    }

    private void start() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.tradevault.app.cli.Main",
                "paper-exchange", "serve", "--port", "0", "--state", state.toString(), "--config", config.toString());
        pb.environment().putAll(ACCOUNT);
        pb.redirectError(dir.resolve("server.err").toFile());
        server = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        assertTrue(first != null && first.startsWith("paper exchange serving http://127.0.0.1:"),
                first + " / " + Files.readString(dir.resolve("server.err")));
        url = URI.create(first.substring("paper exchange serving ".length()));
    }

    @AfterEach
    void stop() {
        server.destroyForcibly();
    }

    @Test
    void aStopFillsWhileNoBotIsConnectedAndEverythingSurvivesKillNine() throws Exception {
        BinanceExchange bot = adapter();
        bot.place(order(OrderType.MARKET, Side.BUY, "0.5", Optional.empty(), "tv-entry"));
        BigDecimal level = bot.lastPrice("BTCUSDT").multiply(new BigDecimal("0.99")).setScale(2, RoundingMode.DOWN);
        bot.place(order(OrderType.STOP_LOSS, Side.SELL, "0.5", Optional.of(level), "tv-stop"));
        bot = null;
        JsonNode stop = awaitStatus("tv-stop", "FILLED");
        assertEquals("0.50000000", stop.get("executedQty").asText());
        String before = run("paper-exchange", "dump", "--url", url.toString(), "--json");
        server.destroyForcibly().waitFor();
        start();
        JsonNode after = JSON.readTree(run("paper-exchange", "dump", "--url", url.toString(), "--json"));
        JsonNode was = JSON.readTree(before);
        assertEquals(was.get("orders"), after.get("orders"));
        assertEquals(was.get("trades"), after.get("trades"));
        assertEquals(was.get("balances"), after.get("balances"));
        assertEquals(List.of("tv-entry", "tv-stop"), adapter().allOrders("BTCUSDT").stream()
                .map(o -> o.clientOrderId().value()).toList());
    }

    @Test
    void setPriceFillsWhatItReachesAndCancelOrdersCancelsTheRest() throws Exception {
        BinanceExchange bot = adapter();
        run("paper-exchange", "set-price", "--url", url.toString(), "BTCUSDT", "100");
        bot.place(order(OrderType.LIMIT, Side.BUY, "1", Optional.of(new BigDecimal("50")), "tv-low"));
        bot.place(order(OrderType.LIMIT, Side.SELL, "0.2", Optional.of(new BigDecimal("200")), "tv-high"));
        assertEquals("BTCUSDT price set to 210.00000000\n",
                run("paper-exchange", "set-price", "--url", url.toString(), "BTCUSDT", "210.009"));
        assertEquals(OrderStatus.FILLED, bot.orderByClientId("BTCUSDT", new ClientOrderId("tv-high")).orElseThrow().status());
        assertEquals("cancelled 1 open order\n  BTCUSDT tv-low BUY LIMIT 1.00000000\n",
                run("paper-exchange", "cancel-orders", "--url", url.toString(), "--symbol", "BTCUSDT"));
        assertEquals(List.of(), bot.openOrders(Optional.empty()));
    }

    @Test
    void faultCommandSetsAndResetsInjectedFaults() {
        assertEquals("faults: fail next 2 (HTTP 429), delay 250ms, drop next 1\n", run("paper-exchange", "fault",
                "--url", url.toString(), "--fail-next", "2", "--status", "429", "--delay", "250ms", "--drop-next", "1"));
        assertEquals("faults: fail next 0 (HTTP 503), delay 0s, drop next 0\n",
                run("paper-exchange", "fault", "--url", url.toString(), "--reset"));
    }

    @Test
    void theServerRefusesFaultsBeyondTheirBounds() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String query : List.of("failNext=99999999999", "dropNext=-1", "delay=1h")) {
            var answer = http.send(java.net.http.HttpRequest.newBuilder(url.resolve("/control/faults?" + query))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(400, answer.statusCode(), query + ": " + answer.body());
            assertEquals(-1104, JSON.readTree(answer.body()).get("code").asInt(), answer.body());
        }
        assertEquals("faults: fail next 0 (HTTP 503), delay 0s, drop next 0\n",
                run("paper-exchange", "fault", "--url", url.toString()));
    }

    @Test
    void aSecondServerOnTheSameStateIsRefusedNamingThePid() {
        CliRun second = CliRun.of(ACCOUNT, "paper-exchange", "serve", "--port", "0", "--state", state.toString());
        assertEquals(5, second.exitCode());
        assertEquals("error: paper exchange state " + state + " is in use by another process (PID " + server.pid()
                + ")\nnext: stop the other 'tradevault paper-exchange serve' or bot using it, or give another --state\n",
                second.err());
    }

    private JsonNode awaitStatus(String clientId, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode dump = JSON.readTree(run("paper-exchange", "dump", "--url", url.toString(), "--json"));
            for (JsonNode o : dump.get("orders")) {
                if (o.get("clientOrderId").asText().equals(clientId) && o.get("status").asText().equals(status)) {
                    return o;
                }
            }
            assertTrue(System.nanoTime() < deadline, clientId + " not " + status + " in time: " + dump);
            Thread.sleep(100);
        }
    }

    private String run(String... args) {
        CliRun r = CliRun.of(Map.of(), args);
        assertEquals(0, r.exitCode(), r.err());
        return r.out();
    }

    private BinanceExchange adapter() {
        ExchangeSettings settings = new ExchangeSettings(Optional.of(url), Optional.empty(), Duration.ofSeconds(5),
                Duration.ofSeconds(5), 3, Duration.ofMillis(50));
        return new BinanceExchange(url, Optional.of(new ApiCredentials("it-key", "it-secret", "test")), settings,
                Clock.systemUTC());
    }

    private static OrderRequest order(OrderType type, Side side, String qty, Optional<BigDecimal> price, String id) {
        return new OrderRequest("BTCUSDT", side, type, new BigDecimal(qty),
                type == OrderType.LIMIT ? price : Optional.empty(),
                type == OrderType.STOP_LOSS ? price : Optional.empty(), new ClientOrderId(id));
    }
}
