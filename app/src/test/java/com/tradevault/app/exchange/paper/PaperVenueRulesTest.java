package com.tradevault.app.exchange.paper;

import static com.tradevault.app.exchange.paper.PaperFixture.limit;
import static com.tradevault.app.exchange.paper.PaperFixture.market;
import static com.tradevault.app.exchange.paper.PaperFixture.stop;
import static com.tradevault.app.exchange.paper.PaperFixture.stopLimit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradevault.app.exchange.ClientOrderId;
import com.tradevault.app.exchange.ExchangeOrder;
import com.tradevault.app.exchange.OrderRejected;
import com.tradevault.app.exchange.OrderRejected.Reason;
import com.tradevault.app.exchange.OrderRequest;
import com.tradevault.app.exchange.OrderStatus;
import com.tradevault.app.exchange.OrderType;
import com.tradevault.app.exchange.ReplaceFailed;
import com.tradevault.app.exchange.Side;
import com.tradevault.app.exchange.SymbolRules;
import com.tradevault.core.testing.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper venue as strict as Binance: order types per symbol, stop-limits
 * that miss on a gap, trailing stops the engine follows, cancel-replace,
 * orders by quote amount, and state files of the previous version.
 */
class PaperVenueRulesTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @TempDir
    Path dir;

    private PaperExchange open(String... keyValues) {
        return PaperExchange.open(PaperFixture.settings(dir, keyValues), new MutableClock(T0));
    }

    @Test
    void theDefaultSymbolRefusesStopLossWithBinancesMessageAndListsWhatItAllows() {
        try (PaperExchange exchange = open(PaperFixture.STRICT)) {
            OrderRejected e = assertThrows(OrderRejected.class,
                    () -> exchange.place(stop(Side.SELL, "0.1", "95", "tv-1")));
            assertEquals(List.of(Reason.ORDER_TYPE_NOT_SUPPORTED, -1013,
                    "Stop loss orders are not supported for this symbol."), List.of(e.reason(), e.code(), e.getMessage()));
            SymbolRules rules = exchange.rules("BTCUSDT");
            assertEquals(Set.of(OrderType.LIMIT, OrderType.LIMIT_MAKER, OrderType.MARKET, OrderType.STOP_LOSS_LIMIT,
                    OrderType.TAKE_PROFIT_LIMIT), rules.orderTypes());
            assertEquals(Optional.of(OrderType.STOP_LOSS_LIMIT), rules.protectiveStopType());
            assertTrue(rules.trailingStopAllowed() && rules.cancelReplaceAllowed());
            assertEquals(Optional.of(new SymbolRules.PriceBand(new BigDecimal("0.2"), new BigDecimal("5"))),
                    rules.sellPriceBand());
            assertEquals(List.of(), exchange.allOrders("BTCUSDT"));
        }
    }

    @Test
    void settingsDecideTrailingAndCancelReplaceAndTheRulesSayTheSame() {
        try (PaperExchange exchange = open("paper.allow-trailing-stop", "off", "paper.cancel-replace-allowed", "off")) {
            SymbolRules rules = exchange.rules("BTCUSDT");
            assertFalse(rules.trailingStopAllowed());
            assertFalse(rules.cancelReplaceAllowed());
            OrderRejected e = assertThrows(OrderRejected.class, () -> exchange.place(trailing("0.1", 100, "tv-1")));
            assertEquals("Trailing stop orders are not supported for this symbol.", e.getMessage());
        }
    }

    @Test
    void aStopLimitGappedThroughItsLimitStaysOpenWorkingAndUnfilled() {
        try (PaperExchange exchange = open(PaperFixture.STRICT)) {
            exchange.place(stopLimit(Side.SELL, "0.5", "95", "94.5", "tv-stop"));
            exchange.setPrice("BTCUSDT", new BigDecimal("90"));
            ExchangeOrder o = exchange.orderByClientId("BTCUSDT", new ClientOrderId("tv-stop")).orElseThrow();
            assertEquals(OrderStatus.NEW, o.status());
            assertTrue(o.working());
            assertTrue(o.triggeredButOpen());
            assertEquals(List.of(), exchange.tradesAfter("BTCUSDT", -1));
            exchange.setPrice("BTCUSDT", new BigDecimal("96"));
            o = exchange.orderByClientId("BTCUSDT", new ClientOrderId("tv-stop")).orElseThrow();
            assertEquals(OrderStatus.FILLED, o.status(), "a price back above the limit fills it at its limit");
            assertEquals(new BigDecimal("94.5"), exchange.tradesAfter("BTCUSDT", -1).get(0).price());
        }
    }

    @Test
    void aTrailingStopFollowsTheHighestPriceAndTriggersOnTheDeltaBackWithNoClientConnected() {
        try (PaperExchange exchange = open()) {
            exchange.place(trailing("0.5", 500, "tv-trail"));
            for (String p : List.of("104", "110", "106", "105")) {
                exchange.setPrice("BTCUSDT", new BigDecimal(p));
            }
            assertEquals(OrderStatus.NEW, status(exchange, "tv-trail"), "105 is less than 5 % below 110");
            exchange.setPrice("BTCUSDT", new BigDecimal("104.5"));
            assertEquals(OrderStatus.FILLED, status(exchange, "tv-trail"), "104.5 = 110 × 0.95");
            assertEquals(new BigDecimal("104.5"), exchange.tradesAfter("BTCUSDT", -1).get(0).price());
        }
    }

    @Test
    void aTrailingStopWithAStopPriceStartsTrackingOnlyWhenThePriceReachesIt() {
        try (PaperExchange exchange = open()) {
            exchange.place(new OrderRequest("BTCUSDT", Side.SELL, OrderType.STOP_LOSS, new BigDecimal("0.5"),
                    Optional.empty(), Optional.of(new BigDecimal("95")), Optional.of(1000), new ClientOrderId("tv-t")));
            exchange.setPrice("BTCUSDT", new BigDecimal("120"));
            exchange.setPrice("BTCUSDT", new BigDecimal("96"));
            assertEquals(OrderStatus.NEW, status(exchange, "tv-t"), "not tracking before 95");
            exchange.setPrice("BTCUSDT", new BigDecimal("95"));
            exchange.setPrice("BTCUSDT", new BigDecimal("86"));
            assertEquals(OrderStatus.NEW, status(exchange, "tv-t"), "86 is less than 10 % below 95");
            exchange.setPrice("BTCUSDT", new BigDecimal("85.5"));
            assertEquals(OrderStatus.FILLED, status(exchange, "tv-t"));
        }
    }

    @Test
    void replaceCancelsAndPlacesWithNoPriceMoveInBetweenAndKeepsTheCancelWhenTheNewOrderIsRefused() {
        try (PaperExchange exchange = open(PaperFixture.STRICT)) {
            exchange.place(stopLimit(Side.SELL, "0.5", "95", "94.5", "tv-s1"));
            ExchangeOrder moved = exchange.replace("BTCUSDT", new ClientOrderId("tv-s1"),
                    stopLimit(Side.SELL, "0.5", "97", "96.5", "tv-s2"));
            assertEquals(List.of("tv-s2"), exchange.openOrders(Optional.empty()).stream()
                    .map(o -> o.clientOrderId().value()).toList());
            assertEquals(Optional.of(new BigDecimal("97")), moved.stopPrice());
            ReplaceFailed failed = assertThrows(ReplaceFailed.class, () -> exchange.replace("BTCUSDT",
                    new ClientOrderId("tv-s2"), stop(Side.SELL, "0.5", "98", "tv-s3")));
            assertEquals("tv-s2 was cancelled but its replacement failed: Stop loss orders are not supported for"
                    + " this symbol.", failed.getMessage());
            assertEquals(OrderStatus.CANCELED, failed.cancelled().orElseThrow().status());
            assertEquals(List.of(), exchange.openOrders(Optional.empty()));
            ReplaceFailed gone = assertThrows(ReplaceFailed.class, () -> exchange.replace("BTCUSDT",
                    new ClientOrderId("tv-s2"), stopLimit(Side.SELL, "0.5", "97", "96.5", "tv-s4")));
            assertEquals("cancel of tv-s2 failed: Unknown order sent.", gone.getMessage());
            assertEquals(Optional.empty(), gone.cancelled());
        }
    }

    @Test
    void aMarketOrderByQuoteAmountBuysWhatThatAmountPaysForRoundedDownToTheLot() {
        try (PaperExchange exchange = open()) {
            CancelReplace.Placed placed = exchange.placeByQuote(market(Side.BUY, "0", "tv-q"), new BigDecimal("25.55"));
            assertEquals(new BigDecimal("0.255"), placed.order().quantity());
            assertEquals(new BigDecimal("25.5"), placed.order().cumulativeQuote());
            assertEquals(new BigDecimal("25.55"), placed.order().origQuoteQty());
            assertEquals(1, placed.fills().size());
        }
    }

    @Test
    void aLimitMakerThatWouldTakeAndALimitOutsideThePriceBandAreRefused() {
        try (PaperExchange exchange = open()) {
            OrderRequest maker = new OrderRequest("BTCUSDT", Side.BUY, OrderType.LIMIT_MAKER, new BigDecimal("0.1"),
                    Optional.of(new BigDecimal("101")), Optional.empty(), new ClientOrderId("tv-m"));
            OrderRejected e = assertThrows(OrderRejected.class, () -> exchange.place(maker));
            assertEquals(List.of(-2010, "Order would immediately match and take."), List.of(e.code(), e.getMessage()));
            e = assertThrows(OrderRejected.class, () -> exchange.place(limit(Side.SELL, "0.1", "501", "tv-l")));
            assertEquals(List.of(Reason.PERCENT_PRICE, -1013, "Filter failure: PERCENT_PRICE_BY_SIDE"),
                    List.of(e.reason(), e.code(), e.getMessage()));
        }
    }

    @Test
    void aStateFileOfThePreviousVersionOpensWithItsOrdersAndTrades() throws Exception {
        Path file = dir.resolve(PaperSettings.DEFAULT_FILE_NAME);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (order_id INTEGER PRIMARY KEY AUTOINCREMENT, symbol TEXT NOT NULL,"
                    + " client_order_id TEXT NOT NULL UNIQUE, side TEXT NOT NULL, type TEXT NOT NULL CHECK (type IN"
                    + " ('MARKET','LIMIT','STOP_LOSS','STOP_LOSS_LIMIT')), status TEXT NOT NULL,"
                    + " quantity_e8 INTEGER NOT NULL, executed_e8 INTEGER NOT NULL, cum_quote_e8 INTEGER NOT NULL,"
                    + " price_e8 INTEGER, stop_price_e8 INTEGER, triggered INTEGER NOT NULL, locked_asset TEXT NOT NULL,"
                    + " locked_e8 INTEGER NOT NULL, created_us INTEGER NOT NULL, updated_us INTEGER NOT NULL)");
            st.execute("CREATE TABLE trades (trade_id INTEGER PRIMARY KEY AUTOINCREMENT, symbol TEXT NOT NULL,"
                    + " order_id INTEGER NOT NULL REFERENCES orders (order_id), side TEXT NOT NULL, price_e8 INTEGER"
                    + " NOT NULL, quantity_e8 INTEGER NOT NULL, commission_e8 INTEGER NOT NULL, commission_asset TEXT"
                    + " NOT NULL, time_us INTEGER NOT NULL)");
            st.execute("INSERT INTO orders VALUES (7, 'BTCUSDT', 'tv-old', 'BUY', 'MARKET', 'FILLED', 10000000,"
                    + " 10000000, 1000000000, NULL, NULL, 0, 'USDT', 0, 1, 1)");
            st.execute("INSERT INTO trades VALUES (3, 'BTCUSDT', 7, 'BUY', 10000000000, 10000000, 10000, 'BTC', 1)");
        }
        try (PaperExchange exchange = open()) {
            ExchangeOrder old = exchange.orderByClientId("BTCUSDT", new ClientOrderId("tv-old")).orElseThrow();
            assertEquals(List.of("7", OrderStatus.FILLED), List.of(old.exchangeOrderId(), old.status()));
            assertEquals(3, exchange.tradesAfter("BTCUSDT", -1).get(0).tradeId());
            exchange.place(PaperFixture.market(Side.BUY, "0.1", "tv-old"));
            assertEquals(2, exchange.allOrders("BTCUSDT").size());
        }
    }

    private static OrderRequest trailing(String qty, int delta, String id) {
        return new OrderRequest("BTCUSDT", Side.SELL, OrderType.STOP_LOSS, new BigDecimal(qty), Optional.empty(),
                Optional.empty(), Optional.of(delta), new ClientOrderId(id));
    }

    private static OrderStatus status(PaperExchange exchange, String id) {
        return exchange.orderByClientId("BTCUSDT", new ClientOrderId(id)).orElseThrow().status();
    }
}
