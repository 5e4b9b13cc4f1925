package com.tradevault.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.Exchange;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.app.ledger.Ledger;
import com.tradevault.app.ledger.jdbc.JdbcLedgers;
import com.tradevault.app.trading.Order;
import com.tradevault.app.trading.OrderPurpose;
import com.tradevault.app.trading.OrderState;
import com.tradevault.app.trading.Position;
import com.tradevault.app.trading.Price;
import com.tradevault.app.trading.Quantity;
import com.tradevault.app.trading.Trail;
import com.tradevault.app.trading.TrailingStop;
import com.tradevault.core.Outcome;
import com.tradevault.core.TradevaultException;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import com.tradevault.core.testing.TestLedgers;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line says about protection: "protected" only for a stop
 * the exchange acknowledged as open; a run that never got past its startup
 * reconciliation exits 1; a symbol that allows no stop order is refused.
 */
class ProtectionReportsTest {

    private static final SymbolRules RULES = rules(Set.of(OrderType.MARKET, OrderType.STOP_LOSS));
    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    @TempDir
    Path dir;
    private Map<String, String> env;

    @BeforeEach
    void ledger() throws Exception {
        Path config = dir.resolve("fast.conf");
        Files.writeString(config, "bot.scan-interval = 100ms\nreconcile.retry-backoff = 200ms\n");
        env = new HashMap<>(TestLedgers.env(dir, "TRADEVAULT_DB_KEY", TestLedgers.KEY_HEX, "TRADEVAULT_CONFIG",
                config.toString()));
        assertEquals(0, CliRun.of(env, "setup-db").exitCode());
    }

    @Test
    void statusNamesAPositionWhoseStopTheExchangeRefusedAsUnprotected() throws Exception {
        withLedger(ledger -> ledger.transaction(s -> {
            Position p = s.insertPosition(Position.open("BTCUSDT", Quantity.of("0.002"), new BigDecimal("60"),
                    e -> TrailingStop.from(e, Trail.percent("1"), RULES), T0));
            Order stop = s.insertOrder(Order.intent(new ClientOrderId("tv-s-refused"), Optional.of(p.id()),
                    "BTCUSDT", Side.SELL, OrderType.STOP_LOSS, OrderPurpose.STOP, Quantity.of("0.002"),
                    Optional.of(Price.of("29700")), T0));
            s.updateOrder(stop.withState(OrderState.REJECTED, T0));
            return null;
        }));

        CliRun text = CliRun.of(env, "status");
        CliRun json = CliRun.of(env, "status", "--json");

        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("positions:  1 open, UNPROTECTED: #1 BTCUSDT\n"), text.out());
        assertTrue(text.out().contains("    stop order: NONE -- UNPROTECTED: no stop the exchange acknowledged as"
                + " open; run 'tradevault run' (or 'tradevault reconcile') to place it\n"), text.out());
        JsonNode trading = new ObjectMapper().readTree(json.out()).get("trading");
        assertEquals("[\"#1 BTCUSDT\"]", trading.get("unprotectedPositions").toString());
        assertFalse(trading.get("openPositions").get(0).get("protectedByStop").asBoolean());
    }

    @Test
    void statusShowsTheDustNoPositionOwnsInTextAndJson() throws Exception {
        CliRun none = CliRun.of(env, "status");
        assertTrue(none.out().contains("\ndust:       none\n"), none.out());
        withLedger(ledger -> ledger.transaction(s -> {
            s.putDust(new com.tradevault.app.trading.Dust("BTCUSDT", "BTC", Quantity.of("0.000175"), T0));
            s.putDust(new com.tradevault.app.trading.Dust("ETHUSDT", "ETH", Quantity.of("0.00018"), T0));
            return null;
        }));

        CliRun text = CliRun.of(env, "status");
        CliRun json = CliRun.of(env, "status", "--json");

        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("\ndust:       0.000175 BTC (BTCUSDT), 0.00018 ETH (ETHUSDT), below a lot step:"
                + " the next position of the symbol sells it with its own\n"), text.out());
        JsonNode dust = new ObjectMapper().readTree(json.out()).get("trading").get("dust");
        assertEquals(List.of("BTCUSDT BTC", "ETHUSDT ETH"), List.of(dust.get(0).get("symbol").asText() + " "
                + dust.get(0).get("asset").asText(), dust.get(1).get("symbol").asText() + " "
                + dust.get(1).get("asset").asText()));
        assertTrue(json.out().contains("\"quantity\" : 0.000175,"), "exact, never 1.75E-4: " + json.out());
        assertTrue(json.out().contains("\"quantity\" : 0.00018,"), json.out());
    }

    @Test
    void runExitsOneWhenItNeverGotPastItsStartupReconciliation() throws Exception {
        Files.writeString(dir.resolve("fast.conf"), "bot.intent-grace = 1h\n", java.nio.file.StandardOpenOption.APPEND);
        withLedger(ledger -> ledger.transaction(s -> s.insertOrder(Order.intent(new ClientOrderId("tv-e-inflight"),
                Optional.empty(), "BTCUSDT", Side.BUY, OrderType.MARKET, OrderPurpose.ENTRY, Quantity.of("0.003"),
                Optional.empty(), Instant.now()))));

        CliRun run = CliRun.of(env, "run", "--for", "2s");

        assertEquals(1, run.exitCode(), run.out());
        assertEquals("error: the bot never started trading: the startup reconciliation did not complete within"
                + " --for 2s\nnext: see the reconciliation report in the log (or run 'tradevault reconcile"
                + " --dry-run'), fix what it names, then run 'tradevault run' again\n", run.err());
    }

    @Test
    void aSymbolThatAllowsNoStopOrderIsRefusedWithWhatItAllows() {
        Exchange venue = venueWith(rules(Set.of(OrderType.LIMIT, OrderType.MARKET, OrderType.LIMIT_MAKER)));

        TradevaultException e = assertThrows(TradevaultException.class,
                () -> StopTypeCheck.require(venue, List.of("BTCUSDT")));

        assertEquals(Outcome.BAD_USAGE, e.outcome());
        assertEquals("bot.symbols: BTCUSDT allows no stop order (its order types: MARKET, LIMIT, LIMIT_MAKER); the"
                + " bot protects every position with a STOP_LOSS or STOP_LOSS_LIMIT order", e.getMessage());
        assertEquals("remove the symbol from bot.symbols, or trade one whose exchangeInfo lists STOP_LOSS or"
                + " STOP_LOSS_LIMIT", e.nextStep());
    }

    @Test
    void theStopTypeOfEachSymbolComesFromItsRules() {
        assertEquals(List.of("BTCUSDT STOP_LOSS_LIMIT"), StopTypeCheck.require(venueWith(rules(Set.of(
                OrderType.LIMIT, OrderType.MARKET, OrderType.STOP_LOSS_LIMIT))), List.of("BTCUSDT")));
        assertEquals(List.of("BTCUSDT STOP_LOSS"), StopTypeCheck.require(venueWith(RULES), List.of("BTCUSDT")));
    }

    private void withLedger(Function<Ledger, Object> work) {
        try (Database db = new OpeningDatabases(TestLedgers.settings(env), new KeyResolver(env)).openExisting()) {
            work.apply(JdbcLedgers.on(db));
        }
    }

    private static SymbolRules rules(Set<OrderType> types) {
        return new SymbolRules("BTCUSDT", "BTC", "USDT", new BigDecimal("0.01"), new BigDecimal("0.00001"),
                new BigDecimal("0.00001"), new BigDecimal("5"), types, false, false, Optional.empty());
    }

    /** A venue that answers only its rules: all the check asks. */
    static Exchange venueWith(SymbolRules rules) {
        return (Exchange) Proxy.newProxyInstance(Exchange.class.getClassLoader(), new Class<?>[] {Exchange.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("rules")) {
                        return rules;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
